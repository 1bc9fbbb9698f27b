"""Grades over time: the agreed grades of the audits done, by team and by quarter, the grades
of each theme's questions by quarter, and the audit actions overdue (docs/domain.md finding
80: audit grades beside the counts). A fixed number of queries, however many audits."""

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.audits.choices import AuditStatus, Grade
from kinfolk.audits.models import AuditAction, CaseAudit, QuestionGrade
from kinfolk.people.models import Child


def quarter_of(day: dt.date) -> str:
    """The calendar quarter of a day, as "2026 Q1"."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def _rows(counts: dict[tuple[str, str], Counter[str]]) -> list[dict[str, Any]]:
    rows = []
    for (group, quarter), counter in sorted(
        counts.items(), key=lambda item: (item[0][1], item[0][0])
    ):
        total = sum(counter.values())
        rows.append(
            {
                "group": group,
                "quarter": quarter,
                "total": total,
                "cells": [
                    {"count": counter[grade], "share": round(100 * counter[grade] / total)}
                    for grade in Grade.values
                ],
            }
        )
    return rows


class GradesView(TemplateView):
    permission = P.AUDIT_CASES
    template_name = "audits/grades.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        done = CaseAudit.objects.filter(
            status__in=[AuditStatus.COMPLETED, AuditStatus.MODERATED], audited_on__isnull=False
        )
        by_team: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for team, audited_on, grade, moderated in done.values_list(
            "team__name", "audited_on", "grade", "moderated_grade"
        ):
            by_team[(team or _("No team"), quarter_of(audited_on))][moderated or grade] += 1
        by_theme: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        for theme, audited_on, grade in QuestionGrade.objects.filter(audit__in=done).values_list(
            "question__theme__name", "audit__audited_on", "grade"
        ):
            by_theme[(theme, quarter_of(audited_on))][grade] += 1
        today = timezone.localdate()
        overdue = list(
            AuditAction.objects.filter(
                done_on__isnull=True,
                due_on__lt=today,
                audit__child__in=Child.objects.visible_to(self.request.user),
            )
            .select_related("owner", "audit__child")
            .annotate(child_pk=F("audit__child_id"))
            .order_by("due_on", "pk")
        )
        record_listing(
            user=self.request.user,
            child_ids=sorted({action.audit.child_id for action in overdue}),
            what=_("Audit actions overdue"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            grades=Grade.choices,
            by_team=_rows(by_team),
            by_theme=_rows(by_theme),
            overdue=overdue,
            today=today,
        )
        return context
