"""A subject access disclosure: the child's whole record (``kinfolk.records.collect``) with
the officer's redactions applied. What is withheld is shown as ``[Redacted: reason]``."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kinfolk.records.collect import CollectedRecord, iso
from kinfolk.records.models import Redaction, SubjectAccessRequest


@dataclass
class PreparedRecord:
    """One record as it stands in the disclosure being prepared."""

    record: CollectedRecord
    #: The redaction of the whole record, if any.
    withheld: Redaction | None = None
    #: Redactions of single fields, by field name.
    fields: dict[str, Redaction] = field(default_factory=dict)

    @property
    def rows(self) -> list[tuple[str, str, Any, Redaction | None]]:
        """(field name, label, value, redaction) for a page."""
        return [
            (name, self.record.field_labels.get(name, name), value, self.fields.get(name))
            for name, value in self.record.fields.items()
        ]


def prepare(
    records: Iterable[CollectedRecord], redactions: Iterable[Redaction]
) -> list[PreparedRecord]:
    """The records with the redactions marked on them."""
    by_key: dict[str, list[Redaction]] = {}
    for redaction in redactions:
        by_key.setdefault(redaction.record_key, []).append(redaction)
    prepared = []
    for record in records:
        item = PreparedRecord(record)
        for redaction in by_key.get(record.key, []):
            if redaction.field_name:
                item.fields[redaction.field_name] = redaction
            else:
                item.withheld = redaction
        prepared.append(item)
    return prepared


def disclosed_json(item: PreparedRecord) -> dict[str, Any]:
    """The record as disclosed: whole, with its withheld fields replaced, or withheld."""
    data = item.record.as_json()
    if item.withheld is not None:
        return {
            "type": data["type"],
            "id": data["id"],
            "label": data["label"],
            "redacted": item.withheld.placeholder,
        }
    for name, redaction in item.fields.items():
        if name in data["fields"]:
            data["fields"][name] = redaction.placeholder
            data["dates"].pop(name, None)
            if data["author"] is not None and name in ("author", "recorded_by"):
                data["author"] = None
    data["documents"] = [
        document for document in data["documents"] if document["field"] not in item.fields
    ]
    return data


@dataclass(frozen=True)
class Counts:
    records_disclosed: int
    records_redacted: int
    fields_redacted: int


def counts(prepared: list[PreparedRecord]) -> Counts:
    """How many records are disclosed (whole or in part), withheld whole, and how many
    fields are withheld from the records disclosed."""
    withheld = sum(item.withheld is not None for item in prepared)
    return Counts(
        records_disclosed=len(prepared) - withheld,
        records_redacted=withheld,
        fields_redacted=sum(len(item.fields) for item in prepared if item.withheld is None),
    )


def bundle(
    request: SubjectAccessRequest, prepared: list[PreparedRecord], *, sent_on: dt.date
) -> dict[str, Any]:
    """The disclosure bundle as one JSON document (docs/records.md)."""
    return {
        "disclosure": request.reference,
        "child": request.child.la_child_id,
        "requested_by": request.requester_name,
        "received_on": iso(request.received_on),
        "sent_on": iso(sent_on),
        "records": [disclosed_json(item) for item in prepared],
    }
