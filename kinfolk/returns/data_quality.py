"""Today's data quality of a collection year, stored so that the page need not rebuild both
returns on every request, and still current the moment a record is fixed
(docs/adr/0003-data-quality-store.md).

- The first request for a year, ``kinfolk returns data-quality --sweep`` and the page's "Check
  everything again" run the full check (``services.check_returns(year)``) and replace the
  year's stored failures.
- ``casework_changed`` marks the children it names for every stored year
  (``mark_children_changed``): one bulk insert, nothing rebuilt, because the journey loader
  sends it for thousands of children at once.
- A request rechecks the marked children only (``services.check_returns(year,
  child_ids=...)``), replaces their stored failures and renders from the store.

Failures that are not about one child (the header's reference date, the share of children
with no sex or no disability recorded) are only recomputed by the full check: a build of a few
children says nothing about them. The rules that compare children with each other (the same
UPN for two children, CIN 1520 and SSDA903 444; the same LA child ID, CIN 8510) are kept right
on a recheck by checking, with the marked children, the children sharing their UPN now and the
children already failing those rules: together they are every child whose result can have
changed.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from kinfolk.core.rules import RuleKind, rules
from kinfolk.people.models import Child
from kinfolk.returns import services
from kinfolk.returns.framework import CollectionYear, Failure
from kinfolk.returns.models import (
    DataQualityFailure,
    DataQualityRecheck,
    DataQualitySnapshot,
    ReturnKind,
)


def cross_child_rules() -> frozenset[str]:
    """The codes of the return rules whose result for a child depends on other children's
    records, as the rule registry declares them (``compares_children``)."""
    return frozenset(
        info.code
        for kind in (RuleKind.CIN_CENSUS, RuleKind.SSDA903)
        for info in rules.of_kind(kind)
        if info.compares_children
    )


@dataclass
class DataQuality:
    """The stored data quality of a year, as the page shows it."""

    year: CollectionYear
    snapshot: DataQualitySnapshot
    checks: list[services.ReturnCheck]
    rechecked_children: int

    def failures(
        self, *, kind: str = "", rule: str = "", visible: QuerySet[Child] | None = None
    ) -> QuerySet[DataQualityFailure]:
        """The stored failures, with their child, narrowed to one return or one rule, and,
        with ``visible`` (``Child.objects.visible_to(reader)``), to the failures about the
        whole return or about a child the reader may see: a restricted or sealed child is
        absent from the page, its rows and its counts."""
        failures = self.snapshot.failures.select_related("child")
        if visible is not None:
            hidden = Child.objects.exclude(pk__in=visible.values("pk"))
            failures = failures.filter(Q(child__isnull=True) | Q(child__in=visible)).exclude(
                child__isnull=True, la_child_id__in=hidden.values("la_child_id")
            )
        if kind:
            failures = failures.filter(kind=kind)
        if rule:
            failures = failures.filter(rule=rule)
        return failures


def _checks_from(snapshot: DataQualitySnapshot) -> list[services.ReturnCheck]:
    """Which returns could be checked, without their failures (those stay in the store)."""
    return [
        services.ReturnCheck(
            kind, str(ReturnKind(kind).label), is_available=kind not in snapshot.unavailable
        )
        for kind in services.VALIDATED_KINDS
    ]


def _rows(
    snapshot: DataQualitySnapshot, checks: list[services.ReturnCheck], children: dict[str, int]
) -> list[DataQualityFailure]:
    return [
        DataQualityFailure(
            snapshot=snapshot,
            kind=check.kind,
            rule=failure.rule,
            la_child_id=failure.child,
            child_id=children.get(failure.child),
            field=failure.field,
            message=failure.message,
            is_error=failure.is_error,
        )
        for check in checks
        for failure in check.failures
    ]


def _child_pks(failures: Iterable[Failure]) -> dict[str, int]:
    ids = {failure.child for failure in failures if failure.child}
    return dict(Child.objects.filter(la_child_id__in=ids).values_list("la_child_id", "pk"))


def check_everything(year: CollectionYear) -> DataQualitySnapshot:
    """Run every rule of both returns of ``year`` on the whole casework and store the result
    in place of the year's failures; the children marked before it started are done with."""
    snapshot, _ = DataQualitySnapshot.objects.get_or_create(
        year=year.label,
        defaults={"checked_at": timezone.now(), "rechecked_at": timezone.now()},
    )
    # Marks written from here on name changes the build below may not have seen: they stay.
    seen = list(snapshot.rechecks.values_list("pk", flat=True))
    started_at = timezone.now()
    checks = services.check_returns(year)
    everything = [failure for check in checks for failure in check.failures]
    rows = _rows(snapshot, checks, _child_pks(everything))
    with transaction.atomic():
        snapshot = DataQualitySnapshot.objects.select_for_update().get(pk=snapshot.pk)
        snapshot.failures.all().delete()
        DataQualityFailure.objects.bulk_create(rows, batch_size=1000)
        DataQualityRecheck.objects.filter(pk__in=seen).delete()
        snapshot.checked_at = snapshot.rechecked_at = started_at
        snapshot.unavailable = [check.kind for check in checks if not check.is_available]
        snapshot.save(update_fields=["checked_at", "rechecked_at", "unavailable"])
    return snapshot


def _children_to_recheck(snapshot: DataQualitySnapshot, marked: set[int]) -> set[int]:
    """The marked children, the children who share a UPN with one of them now, and the
    children failing a rule that compares children: every child whose failures may differ."""
    upns = Child.objects.filter(pk__in=marked).exclude(upn="").values("upn")
    sharing = Child.objects.filter(upn__in=upns).values_list("pk", flat=True)
    comparing = snapshot.failures.filter(
        rule__in=cross_child_rules(), child__isnull=False
    ).values_list("child_id", flat=True)
    return marked | set(sharing) | {pk for pk in comparing if pk is not None}


def recheck_marked(snapshot: DataQualitySnapshot) -> int:
    """Check again the children marked since the last check of the year and store their
    failures in place of what was stored for them; returns how many children were checked."""
    marks = list(snapshot.rechecks.values_list("pk", "child_id"))
    if not marks:
        return 0
    children = _children_to_recheck(snapshot, {child_id for _, child_id in marks})
    started_at = timezone.now()
    year = CollectionYear.parse(snapshot.year)
    checks = services.check_returns(year, child_ids=sorted(children))
    la_child_ids = dict(Child.objects.filter(pk__in=children).values_list("la_child_id", "pk"))
    for check in checks:
        # A build of a few children says nothing of the whole return: those wait for the sweep.
        check.failures = [f for f in check.failures if f.child in la_child_ids]
    rows = _rows(snapshot, checks, la_child_ids)
    with transaction.atomic():
        snapshot = DataQualitySnapshot.objects.select_for_update().get(pk=snapshot.pk)
        snapshot.failures.filter(
            Q(child_id__in=children) | Q(la_child_id__in=la_child_ids)
        ).delete()
        DataQualityFailure.objects.bulk_create(rows, batch_size=1000)
        DataQualityRecheck.objects.filter(pk__in=[pk for pk, _ in marks]).delete()
        snapshot.rechecked_at = started_at
        snapshot.save(update_fields=["rechecked_at"])
    return len(children)


def data_quality(year: CollectionYear, *, check_all: bool = False) -> DataQuality:
    """The data quality of ``year`` as it stands now: everything checked the first time the
    year is asked for (or when ``check_all``), otherwise only the children marked since."""
    snapshot = DataQualitySnapshot.objects.filter(year=year.label).first()
    rechecked = 0
    if snapshot is None or check_all:
        snapshot = check_everything(year)
    else:
        rechecked = recheck_marked(snapshot)
        if rechecked:
            snapshot.refresh_from_db(fields=["rechecked_at"])
    return DataQuality(year, snapshot, _checks_from(snapshot), rechecked)


def mark_children_changed(child_ids: Iterable[int]) -> int:
    """Mark children whose casework changed for a recheck in every year already stored: one
    insert, nothing rebuilt. Returns how many marks were written."""
    ids = sorted(set(child_ids))
    if not ids:
        return 0
    snapshots = list(DataQualitySnapshot.objects.values_list("pk", flat=True))
    now = timezone.now()
    marks = [
        DataQualityRecheck(snapshot_id=snapshot, child_id=child_id, marked_at=now)
        for snapshot in snapshots
        for child_id in ids
    ]
    DataQualityRecheck.objects.bulk_create(marks, batch_size=1000)
    return len(marks)


def sweep(years: Iterable[CollectionYear] | None = None) -> list[DataQualitySnapshot]:
    """The full check of every stored year (or the years given), as the nightly sweep runs
    it: it alone recomputes the whole-return failures and anything the passing of time
    changes (a child turning six for CIN 8770Q)."""
    if years is None:
        years = [CollectionYear.parse(label) for label in stored_years()]
    return [check_everything(year) for year in years]


def stored_years() -> list[str]:
    return list(DataQualitySnapshot.objects.order_by("-year").values_list("year", flat=True))
