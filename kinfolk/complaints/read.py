"""What the complaints pages and the workspaces read (docs/complaints.md): the open complaints
with their days open and deadline, overdue first; the complaints a person handles or a team is
complained about, for their work; and the trends by theme, team and outcome per quarter."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from kinfolk.complaints.choices import ComplaintStatus, Outcome, Stage
from kinfolk.complaints.models import Complaint, ComplaintResponse, LearningAction
from kinfolk.core.working_days import add_months

#: The rules whose duties are a complaint's (docs/duties.md).
COMPLAINT_RULES = ("complaint-stage1-10wd", "complaint-stage2-25wd")


@dataclass(frozen=True)
class OpenComplaint:
    """An open complaint as the lists show it."""

    complaint: Complaint
    days_open: int
    due_on: dt.date | None
    is_overdue: bool

    @property
    def child_id(self) -> int:
        return self.complaint.child_id


def open_complaints(
    viewer: Any, *, today: dt.date, stage: int | None = None
) -> list[OpenComplaint]:
    """The open complaints about children the viewer may open, overdue first, then by the
    deadline of their current stage; in one query."""
    complaints = (
        Complaint.objects.visible_to(viewer)
        .open()
        .select_related("child", "theme", "team", "handled_by")
        .order_by("received_on", "pk")
    )
    if stage is not None:
        complaints = complaints.filter(stage=stage)
    rows = []
    for complaint in complaints:
        due_on = complaint.current_due_on
        rows.append(
            OpenComplaint(
                complaint=complaint,
                days_open=(today - complaint.received_on).days,
                due_on=due_on,
                is_overdue=due_on is not None and due_on < today,
            )
        )
    return sorted(rows, key=lambda row: (not row.is_overdue, row.due_on or today, row.complaint.pk))


def open_by_stage(viewer: Any) -> dict[int, int]:
    """How many complaints are open at each stage."""
    counts = Counter(Complaint.objects.visible_to(viewer).open().values_list("stage", flat=True))
    return {stage: counts.get(stage, 0) for stage in Stage.values}


def complaint_duty_keys(complaints: QuerySet[Complaint]) -> list[str]:
    """The keys of the duties of these complaints (``complaint:<pk>``), for finding them
    among a child's duties."""
    return [f"complaint:{pk}" for pk in complaints.values_list("pk", flat=True)]


def complaints_for(*, viewer: Any, handled_by: Any = (), teams: Any = ()) -> QuerySet[Complaint]:
    """The complaints about children ``viewer`` may open that these people handle or that
    are about these teams' services: whose duties are in their work."""
    return Complaint.objects.visible_to(viewer).filter(
        Q(handled_by__in=list(handled_by)) | Q(team__in=list(teams))
    )


def open_learning_actions(owners: Any, children: QuerySet) -> list[LearningAction]:
    """The learning actions these people own that are not done, for children in
    ``children``, soonest due first."""
    return list(
        LearningAction.objects.filter(owner__in=owners, done_on__isnull=True, child__in=children)
        .select_related("child", "owner", "complaint")
        .order_by("due_on", "pk")
    )


# Trends (docs/domain.md finding 35: complaints analysed, so that services change).


@dataclass(frozen=True)
class Quarter:
    start: dt.date
    end: dt.date

    @property
    def label(self) -> str:
        return f"{self.start:%b} to {self.end:%b %Y}"


def quarters_to(today: dt.date, count: int = 4) -> list[Quarter]:
    """The ``count`` calendar quarters ending with today's, oldest first."""
    first = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    starts = [add_months(first, -3 * n) for n in range(count - 1, -1, -1)]
    return [Quarter(start, add_months(start, 3) - dt.timedelta(days=1)) for start in starts]


@dataclass
class TrendTable:
    """Counts per row label per quarter, with the row's total."""

    rows: list[tuple[str, list[int], int]] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)


def _table(labelled: list[tuple[str, int]], quarter_count: int) -> TrendTable:
    counts: dict[str, list[int]] = {}
    for label, index in labelled:
        counts.setdefault(label, [0] * quarter_count)[index] += 1
    rows = sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
    table = TrendTable(rows=[(label, values, sum(values)) for label, values in rows])
    table.totals = [
        sum(values[i] for _label, values, _t in table.rows) for i in range(quarter_count)
    ]
    return table


@dataclass(frozen=True)
class Timeliness:
    """Of the responses at a stage in each quarter: how many, how many in time, and the share."""

    stage: int
    label: str
    cells: list[tuple[int, int, int | None]]


@dataclass
class Trends:
    quarters: list[Quarter]
    received: int
    by_theme: TrendTable
    by_team: TrendTable
    by_outcome: TrendTable
    timeliness: list[Timeliness]
    withdrawn: list[int]
    child_ids: set[int]


def trends(viewer: Any, *, today: dt.date) -> Trends:
    """Complaints received in the last four quarters by theme and by team, the responses in
    them by outcome, and the share of responses at each stage made in time; in two queries."""
    quarters = quarters_to(today)

    def quarter_of(day: dt.date | None) -> int | None:
        if day is None:
            return None
        return next((i for i, q in enumerate(quarters) if q.start <= day <= q.end), None)

    start, end = quarters[0].start, quarters[-1].end
    complaints = list(
        Complaint.objects.visible_to(viewer)
        .filter(
            Q(received_on__range=(start, end))
            | Q(responses__responded_on__range=(start, end))
            | Q(withdrawn_on__range=(start, end))
            | Q(panel_on__range=(start, end))
        )
        .distinct()
        .select_related("theme", "team")
        .prefetch_related(Prefetch("responses", queryset=ComplaintResponse.objects.all()))
    )
    themes: list[tuple[str, int]] = []
    teams: list[tuple[str, int]] = []
    outcomes: list[tuple[str, int]] = []
    withdrawn = [0] * len(quarters)
    in_time: dict[int, list[list[int]]] = {s: [[0, 0] for _q in quarters] for s in Stage.values}
    outcome_labels = dict(Outcome.choices)
    for complaint in complaints:
        received = quarter_of(complaint.received_on)
        if received is not None:
            themes.append((complaint.theme_label or _("No theme recorded"), received))
            teams.append((complaint.team.name if complaint.team else _("No team named"), received))
        gone = quarter_of(complaint.withdrawn_on)
        if gone is not None:
            withdrawn[gone] += 1
        for response in complaint.responses.all():
            index = quarter_of(response.responded_on)
            if index is None:
                continue
            outcomes.append((str(outcome_labels[response.outcome]), index))
            if response.stage == Stage.REVIEW_PANEL:
                continue
            due_on = complaint.due_on(response.stage)
            cell = in_time[response.stage][index]
            cell[0] += 1
            cell[1] += int(due_on is not None and response.responded_on <= due_on)
        # At stage 3 the timescale is the review panel's: within 30 working days of the request.
        panel = quarter_of(complaint.panel_on)
        if panel is not None and complaint.panel_on is not None:
            due_on = complaint.due_on(Stage.REVIEW_PANEL)
            cell = in_time[Stage.REVIEW_PANEL][panel]
            cell[0] += 1
            cell[1] += int(due_on is not None and complaint.panel_on <= due_on)
    count = len(quarters)
    return Trends(
        quarters=quarters,
        received=len(themes),
        by_theme=_table(themes, count),
        by_team=_table(teams, count),
        by_outcome=_table(outcomes, count),
        timeliness=[
            Timeliness(
                stage=stage,
                label=str(label),
                cells=[(n, ok, round(100 * ok / n) if n else None) for n, ok in in_time[stage]],
            )
            for stage, label in Stage.choices
        ],
        withdrawn=withdrawn,
        child_ids={c.child_id for c in complaints},
    )


def status_label(complaint: Complaint) -> str:
    if complaint.status == ComplaintStatus.WITHDRAWN:
        return str(_("Withdrawn"))
    if complaint.status == ComplaintStatus.RESPONDED:
        return str(_("Responded"))
    return str(_("Open"))
