"""The facts of the side processes that duties follow (docs/duties.md): allegations (the LADO's
initial consideration), complaints (the responses at stages 1 and 2) and private fostering
(its visits). Each is a field of ``kinfolk.duties.facts.ChildCasework``."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from django.utils import timezone

from kinfolk.allegations.models import AllegationChild
from kinfolk.complaints.models import Complaint, ComplaintResponse
from kinfolk.duties.fact_dates import cut_end as _cut_end
from kinfolk.privatefostering.models import Arrangement


@dataclass(frozen=True)
class AllegationFact:
    """An allegation concerning the child: when it was received and initially considered."""

    pk: int
    received_on: dt.date
    considered_on: dt.date | None

    def known_by(self, as_of: dt.date) -> "AllegationFact | None":
        if self.received_on > as_of:
            return None
        return replace(self, considered_on=_cut_end(self.considered_on, as_of))


def load_allegations(ids: list[int]) -> Iterator[tuple[int, AllegationFact]]:
    for child_id, pk, received_at, considered_on in (
        AllegationChild.objects.filter(child_id__in=ids)
        .values_list(
            "child_id", "allegation_id", "allegation__received_at", "allegation__considered_on"
        )
        .order_by("allegation__received_at", "allegation_id")
    ):
        yield child_id, AllegationFact(pk, timezone.localtime(received_at).date(), considered_on)


@dataclass(frozen=True)
class ComplaintFact:
    """A complaint through stages 1 and 2 (docs/duties.md complaint-stage1-10wd,
    complaint-stage2-25wd)."""

    pk: int
    received_on: dt.date
    stage1_extended_on: dt.date | None
    stage1_responded_on: dt.date | None
    stage2_requested_on: dt.date | None
    stage2_extended_on: dt.date | None
    stage2_responded_on: dt.date | None
    withdrawn_on: dt.date | None

    def known_by(self, as_of: dt.date) -> "ComplaintFact | None":
        if self.received_on > as_of:
            return None
        return replace(
            self,
            stage1_extended_on=_cut_end(self.stage1_extended_on, as_of),
            stage1_responded_on=_cut_end(self.stage1_responded_on, as_of),
            stage2_requested_on=_cut_end(self.stage2_requested_on, as_of),
            stage2_extended_on=_cut_end(self.stage2_extended_on, as_of),
            stage2_responded_on=_cut_end(self.stage2_responded_on, as_of),
            withdrawn_on=_cut_end(self.withdrawn_on, as_of),
        )


def load_complaints(ids: list[int]) -> Iterator[tuple[int, ComplaintFact]]:
    responded: dict[tuple[int, int], dt.date] = {
        (complaint_id, stage): day
        for complaint_id, stage, day in ComplaintResponse.objects.filter(
            child_id__in=ids, stage__in=[1, 2]
        ).values_list("complaint_id", "stage", "responded_on")
    }
    for row in (
        Complaint.objects.filter(child_id__in=ids)
        .values_list(
            "pk",
            "child_id",
            "received_on",
            "stage1_extended_on",
            "stage2_requested_on",
            "stage2_extended_on",
            "withdrawn_on",
        )
        .order_by("received_on", "pk")
    ):
        pk, child_id, received_on, extended_1, requested_2, extended_2, withdrawn_on = row
        yield (
            child_id,
            ComplaintFact(
                pk,
                received_on,
                extended_1,
                responded.get((pk, 1)),
                requested_2,
                extended_2,
                responded.get((pk, 2)),
                withdrawn_on,
            ),
        )


@dataclass(frozen=True)
class PrivateFosteringFact:
    pk: int
    began_on: dt.date
    notified_on: dt.date
    ended_on: dt.date | None

    @property
    def known_from(self) -> dt.date:
        """The first day of the arrangement's visits: its start, or the notification when the
        authority was told in advance."""
        return min(self.began_on, self.notified_on)

    def known_by(self, as_of: dt.date) -> "PrivateFosteringFact | None":
        if self.notified_on > as_of:
            return None
        return replace(self, ended_on=_cut_end(self.ended_on, as_of))


def load_private_fostering(ids: list[int]) -> Iterator[tuple[int, PrivateFosteringFact]]:
    for pk, child_id, began_on, notified_on, ended_on in (
        Arrangement.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "began_on", "notified_on", "ended_on")
        .order_by("notified_on", "pk")
    ):
        yield child_id, PrivateFosteringFact(pk, began_on, notified_on, ended_on)
