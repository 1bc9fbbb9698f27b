"""The detail of a child protection meeting in a journey event (docs/journeys.md, "Child
protection"): who took part or was invited, the actions agreed, the checks made. Each parser
turns a JSON list into the rows the protection services record, or raises ``FieldError``
naming the entry and field at fault."""

from typing import Any

from kinfolk.casework.choices import Agency
from kinfolk.journeys import fields as f
from kinfolk.protection.choices import Attendance
from kinfolk.protection.services import AgreedAction, Attendee, Check, Invitee

NAME = f.text(200)
AGENCY = f.code(Agency)
ATTENDANCE = f.code(Attendance)
ROLE = f.text(200)
ROW_TEXT = f.text(5000)


def _rows(
    value: Any, required: dict[str, f.Parser], optional: dict[str, f.Parser]
) -> list[dict[str, Any]]:
    """Each entry of a list of objects, its fields parsed; an entry's error names it."""
    if not isinstance(value, list):
        raise f.FieldError("must be a list")
    rows = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise f.FieldError(f"entry {number} must be an object")
        unknown = sorted(set(item) - set(required) - set(optional))
        if unknown:
            raise f.FieldError(f"entry {number}: unknown fields: {', '.join(unknown)}")
        missing = [name for name in required if name not in item]
        if missing:
            raise f.FieldError(f"entry {number}: missing fields: {', '.join(missing)}")
        row: dict[str, Any] = {}
        for name, parse in {**required, **optional}.items():
            if name in item:
                try:
                    row[name] = parse(item[name])
                except f.FieldError as error:
                    raise f.FieldError(f"entry {number} {name} {error}") from None
        rows.append(row)
    return rows


def attendees(value: Any) -> list[Attendee]:
    """Who took part in a strategy discussion or a core group: ``name``, ``agency``, and
    perhaps ``role`` and ``attendance`` (present unless said)."""
    return [
        Attendee(
            name=row["name"],
            agency=row["agency"],
            role=row.get("role", ""),
            attendance=row.get("attendance", Attendance.PRESENT),
        )
        for row in _rows(
            value,
            {"name": NAME, "agency": AGENCY},
            {"role": ROLE, "attendance": ATTENDANCE},
        )
    ]


def actions(value: Any) -> list[AgreedAction]:
    """The actions agreed at a strategy discussion: ``text``, ``owner``, ``agency``, ``due``."""
    return [
        AgreedAction(
            description=row["text"], owner=row["owner"], agency=row["agency"], due_on=row["due"]
        )
        for row in _rows(
            value, {"text": ROW_TEXT, "owner": NAME, "agency": AGENCY, "due": f.date}, {}
        )
    ]


def checks(value: Any) -> list[Check]:
    """The agency checks of a section 47 enquiry: ``agency``, ``date``, ``result``."""
    return [
        Check(agency=row["agency"], checked_on=row["date"], result=row["result"])
        for row in _rows(value, {"agency": AGENCY, "date": f.date, "result": ROW_TEXT}, {})
    ]


def invitees(value: Any) -> list[Invitee]:
    """Who was invited to a conference: ``name``, ``agency``, ``attendance``, and perhaps
    ``invited``, ``report_received`` and ``report_shared`` (dates)."""
    return [
        Invitee(
            name=row["name"],
            agency=row["agency"],
            invited_on=row.get("invited"),
            attendance=row["attendance"],
            report_received_on=row.get("report_received"),
            report_shared_on=row.get("report_shared"),
        )
        for row in _rows(
            value,
            {"name": NAME, "agency": AGENCY, "attendance": ATTENDANCE},
            {"invited": f.date, "report_received": f.date, "report_shared": f.date},
        )
    ]


def first_action(value: Any) -> dict[str, Any]:
    """The first action of a plan an initial conference makes: ``text``, ``owner``, ``due``."""
    if not isinstance(value, dict):
        raise f.FieldError("must be an object with text, owner and due")
    try:
        return _rows([value], {"text": ROW_TEXT, "owner": NAME, "due": f.date}, {})[0]
    except f.FieldError as error:
        raise f.FieldError(str(error).removeprefix("entry 1").lstrip(": ")) from None
