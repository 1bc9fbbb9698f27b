"""What a conference page warns of: invitations sent with less notice than the local
standard (docs/domain.md finding 45) and reports shared with the parents too late before the
conference (finding 39). The standards are settings (docs/child-protection-meetings.md)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinfolk.core.dates import long_date
from kinfolk.core.working_days import working_days_between
from kinfolk.protection.models import Conference, ConferenceInvitee


@dataclass(frozen=True)
class Alert:
    """One warning about one invitee."""

    kind: str  # "notice" or "report"
    message: str


def notice_given(invitee: ConferenceInvitee, conference: Conference) -> int | None:
    """Working days' notice an invitation gave (``None`` when no invitation was sent)."""
    if invitee.invited_on is None:
        return None
    return working_days_between(invitee.invited_on, conference.held_on)


def is_report_late(invitee: ConferenceInvitee, conference: Conference) -> bool:
    """The invitee's report reached the parents later than the local standard, or not at all."""
    if invitee.report_received_on is None:
        return False
    if invitee.report_shared_on is None:
        return True
    shared_before = working_days_between(invitee.report_shared_on, conference.held_on)
    return shared_before < settings.KINFOLK_REPORT_SHARED_WORKING_DAYS


def conference_alerts(conference: Conference, invitees: list[ConferenceInvitee]) -> list[Alert]:
    """The alerts of a conference, from its invitees (already loaded)."""
    notice = settings.KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS
    report_days = settings.KINFOLK_REPORT_SHARED_WORKING_DAYS
    alerts = []
    for invitee in invitees:
        given = notice_given(invitee, conference)
        if invitee.invited_on is not None and given is not None and given < notice:
            alerts.append(
                Alert(
                    "notice",
                    ngettext(
                        "%(name)s (%(agency)s) was invited on %(date)s: %(given)s working day's "
                        "notice, less than the %(notice)s working days expected",
                        "%(name)s (%(agency)s) was invited on %(date)s: %(given)s working days' "
                        "notice, less than the %(notice)s working days expected",
                        given,
                    )
                    % {
                        "name": invitee.name,
                        "agency": invitee.get_agency_display(),
                        "date": long_date(invitee.invited_on),
                        "given": given,
                        "notice": notice,
                    },
                )
            )
        if invitee.report_received_on is None:
            continue
        if invitee.report_shared_on is None:
            alerts.append(
                Alert(
                    "report",
                    _("The report of %(name)s (%(agency)s) was not shared with the parents")
                    % {"name": invitee.name, "agency": invitee.get_agency_display()},
                )
            )
        elif working_days_between(invitee.report_shared_on, conference.held_on) < report_days:
            alerts.append(
                Alert(
                    "report",
                    ngettext(
                        "The report of %(name)s (%(agency)s) was shared with the parents on "
                        "%(date)s, less than %(days)s working day before the conference",
                        "The report of %(name)s (%(agency)s) was shared with the parents on "
                        "%(date)s, less than %(days)s working days before the conference",
                        report_days,
                    )
                    % {
                        "name": invitee.name,
                        "agency": invitee.get_agency_display(),
                        "date": long_date(invitee.report_shared_on),
                        "days": report_days,
                    },
                )
            )
    return alerts
