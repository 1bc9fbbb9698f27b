"""The children in care council's consultation log, "you said, we did" (docs/domain.md
finding 23), with participation counted by cohort."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.care.models import CareEpisode
from kinfolk.casework.services import check_not_future
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.participation.choices import AgeBand, age_band
from kinfolk.participation.models import Consultation, ConsultationCount, ConsultationParticipant
from kinfolk.participation.registrations import ParticipationEntryKind as Kind
from kinfolk.participation.services.common import check_after, entry, required
from kinfolk.people.models import Child


@transaction.atomic
def record_consultation(
    *,
    held_on: dt.date,
    topic: str,
    children_said: str,
    council_did: str = "",
    action_by: str = "",
    fed_back_on: dt.date | None = None,
    participants: Iterable[Child] = (),
    counts: Mapping[str, int] | None = None,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> Consultation:
    """A consultation of the children in care council: what the children said, what the
    council did and who did it, and when it was fed back; the children in care who took part
    by name, and others counted by age band."""
    check_not_future(held_on, "held_on", _("date of the consultation"))
    topic = required(topic, "topic", _("Enter the topic"))
    children_said = required(children_said, "children_said", _("Enter what the children said"))
    if fed_back_on is not None:
        check_not_future(fed_back_on, "fed_back_on", _("date fed back"))
        check_after(
            fed_back_on,
            held_on,
            "fed_back_on",
            _("Feedback cannot be before the consultation, on %(date)s")
            % {"date": long_date(held_on)},
        )
        if not council_did.strip():
            raise ValidationError(
                {"council_did": _("Enter what the council did before feeding back")}
            )
    counts = {band: n for band, n in (counts or {}).items() if n}
    for band, n in counts.items():
        if band not in AgeBand.values or n < 0:
            raise ValidationError({"counts": _("Enter the numbers taking part as whole numbers")})
    children = list({c.pk: c for c in participants}.values())
    if not children and not counts:
        raise ValidationError(
            {"participants": _("Name the children who took part, or count them by age band")}
        )
    consultation = Consultation.objects.create(
        held_on=held_on,
        topic=topic,
        children_said=children_said,
        council_did=council_did.strip(),
        action_by=action_by.strip(),
        fed_back_on=fed_back_on,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    ConsultationParticipant.objects.bulk_create(
        ConsultationParticipant(consultation=consultation, child=c) for c in children
    )
    ConsultationCount.objects.bulk_create(
        ConsultationCount(consultation=consultation, age_band=band, count=n)
        for band, n in counts.items()
    )
    for child in children:
        entry(
            child,
            held_on,
            Kind.CONSULTATION,
            _("Took part in a children in care council consultation: %(topic)s") % {"topic": topic},
            actor,
        )
    return consultation


@transaction.atomic
def record_consultation_feedback(
    *,
    consultation: Consultation,
    council_did: str,
    action_by: str,
    fed_back_on: dt.date,
    actor: Actor | None = None,
) -> Consultation:
    """What the council did about what the children said, and when it was fed back."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    council_did = required(council_did, "council_did", _("Enter what the council did"))
    check_not_future(fed_back_on, "fed_back_on", _("date fed back"))
    check_after(
        fed_back_on,
        consultation.held_on,
        "fed_back_on",
        _("Feedback cannot be before the consultation, on %(date)s")
        % {"date": long_date(consultation.held_on)},
    )
    consultation.council_did = council_did
    consultation.action_by = action_by.strip()
    consultation.fed_back_on = fed_back_on
    consultation.save(update_fields=["council_did", "action_by", "fed_back_on"])
    return consultation


def cohorts(consultations: list[Consultation]) -> dict[int, dict[str, Any]]:
    """Participation of each consultation by cohort: age band (named and counted children),
    and the named children's sex, ethnicity and placement type on the day. Three queries
    however many consultations."""
    ids = [c.pk for c in consultations]
    held = {c.pk: c.held_on for c in consultations}
    named = list(
        ConsultationParticipant.objects.filter(consultation_id__in=ids).select_related("child")
    )
    episodes: dict[int, list[CareEpisode]] = {}
    for episode in CareEpisode.objects.filter(child_id__in={p.child_id for p in named}):
        episodes.setdefault(episode.child_id, []).append(episode)
    result: dict[int, dict[str, Any]] = {
        pk: {
            "age_band": Counter(),
            "sex": Counter(),
            "ethnicity": Counter(),
            "placement": Counter(),
            "total": 0,
        }
        for pk in ids
    }
    labels = dict(AgeBand.choices)
    for p in named:
        row, day, child = result[p.consultation_id], held[p.consultation_id], p.child
        row["age_band"][labels[age_band(child.age_on(day))]] += 1
        row["sex"][child.get_sex_display()] += 1
        row["ethnicity"][child.get_ethnicity_display()] += 1
        placed = next(
            (
                e
                for e in episodes.get(child.pk, [])
                if e.start_on <= day and (e.end_on is None or e.end_on >= day)
            ),
            None,
        )
        row["placement"][
            placed.get_placement_type_display() if placed else _("Not in care on the day")
        ] += 1
        row["total"] += 1
    for count in ConsultationCount.objects.filter(consultation_id__in=ids):
        result[count.consultation_id]["age_band"][labels[count.age_band]] += count.count
        result[count.consultation_id]["total"] += count.count
    for row in result.values():
        for key in ("age_band", "sex", "ethnicity", "placement"):
            row[key] = sorted(row[key].items())
    return result
