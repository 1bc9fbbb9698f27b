"""What the returns add to the shared registries: the headline counts on the performance
analyst's workspace (kinfolk.workspaces.headlines)."""

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kinfolk.core.actors import Actor
from kinfolk.returns import services
from kinfolk.returns.models import BuildStatus, DataQualitySnapshot, Submission
from kinfolk.workspaces.headlines import Headline, HeadlineGroup, register_headlines


@register_headlines("returns")
def returns_headlines(user: Actor, today: dt.date) -> HeadlineGroup:
    """The returns built and submitted for the year to send, and the failures of the current
    year's stored data quality, as last checked (no check is run: the data quality page runs
    them). Three queries."""
    due = services.default_return_year()
    current = services.current_year()
    built = Submission.objects.filter(year=due.label).aggregate(
        ready=Count("pk", filter=Q(status=BuildStatus.READY)),
        submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
    )
    snapshot = (
        DataQualitySnapshot.objects.filter(year=current.label)
        .annotate(
            errors=Count("failures", filter=Q(failures__is_error=True)),
            warnings=Count("failures", filter=Q(failures__is_error=False)),
            children=Count("failures__child", distinct=True),
        )
        .first()
    )
    index = reverse("returns:index")
    quality = reverse("returns:data-quality")
    headlines = [
        Headline(
            label=_("return files built for %(year)s") % {"year": due.label},
            count=built["ready"],
            url=index,
        ),
        Headline(
            label=_("return files submitted for %(year)s") % {"year": due.label},
            count=built["submitted"],
            url=index,
        ),
    ]
    if snapshot is None:
        headlines.append(
            Headline(
                label=_("data quality of %(year)s") % {"year": current.label},
                count=None,
                url=quality,
                detail=_("not checked yet: opening the page checks it"),
            )
        )
    else:
        headlines += [
            Headline(
                label=_("data quality errors in %(year)s") % {"year": current.label},
                count=snapshot.errors,
                url=quality,
                is_alert=bool(snapshot.errors),
            ),
            Headline(
                label=_("warnings in %(year)s") % {"year": current.label},
                count=snapshot.warnings,
                url=quality,
            ),
            Headline(
                label=_("children with a failure"),
                count=snapshot.children,
                url=quality,
            ),
        ]
    return HeadlineGroup(
        heading=_("Returns and data quality"),
        headlines=headlines,
        links=[
            (index, _("Build, download and submit the return files")),
            (quality, _("Data quality: every failure, linked to the record to fix")),
        ],
    )
