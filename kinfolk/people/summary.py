"""The child's Summary page is made of sections that the apps declare (docs/architecture.md,
"The Summary page").

``people`` sits low in the layers: it cannot read a child's periods of care, plans or duties.
Each app that has something to say at a glance declares a section in its ``registrations``
module instead::

    register_summary_section(
        "care",
        order=30,
        template="care/summary/_care.html",
        context=care_at_a_glance,
    )

A section's ``context`` takes the child, the person reading and today's date, and returns what
its template shows, or ``None`` when the section has nothing to say for this child (a child
never in care has no placement). It must read the child's records in a fixed number of queries,
however many there are: the Summary page's test counts them for one record and for many.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kinfolk.core.registry import Registry

#: What a section's function returns: its template's context, or None to leave it out.
SectionContext = dict[str, Any] | None


@dataclass(frozen=True)
class SummarySection:
    """A part of the child's Summary page: where it comes (``order``, lowest first), the
    template that shows it and the function that reads what it shows. ``column`` is
    ``"main"`` (the wide column) or ``"side"`` (beside it)."""

    order: int
    template: str
    context: Callable[[Any, Any, dt.date], SectionContext]
    column: str = "main"


#: The sections of the child's Summary page, by code.
summary_sections: Registry[str, SummarySection] = Registry("Summary section")


def register_summary_section(
    code: str,
    *,
    order: int,
    template: str,
    context: Callable[[Any, Any, dt.date], SectionContext],
    column: str = "main",
) -> SummarySection:
    """Declare a section of the child's Summary page."""
    return summary_sections.register(
        code, SummarySection(order=order, template=template, context=context, column=column)
    )


@dataclass(frozen=True)
class ShownSection:
    """A section as the page shows it: its template and what the template reads."""

    code: str
    template: str
    column: str
    context: dict[str, Any]


def summary_of(child: Any, user: Any, today: dt.date) -> list[ShownSection]:
    """The sections of ``child``'s Summary page for ``user`` on ``today``, in order; those
    with nothing to say are left out."""
    shown = []
    for code, section in sorted(summary_sections.items(), key=lambda item: item[1].order):
        context = section.context(child, user, today)
        if context is not None:
            shown.append(
                ShownSection(
                    code=code, template=section.template, column=section.column, context=context
                )
            )
    return shown
