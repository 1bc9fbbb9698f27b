"""What follows a complaint (docs/complaints.md, "Learning"): the learning in words, the
actions that change the service, each with its owner and due date and tracked to done; and
the authority's list of themes."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.complaints.defaults import THEMES
from kinfolk.complaints.models import Complaint, ComplaintTheme, LearningAction
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed


@transaction.atomic
def record_learning(
    *, complaint: Complaint, learning: str, actor: Actor | None = None
) -> Complaint:
    """Record what the service learned from the complaint."""
    lock_child(complaint.child)
    complaint = Complaint.objects.get(pk=complaint.pk)
    if not learning.strip():
        raise ValidationError({"learning": _("Enter what the service has learned")})
    complaint.learning = learning.strip()
    complaint.save(update_fields=["learning"])
    publish_casework_changed(complaint.child_id)
    return complaint


@transaction.atomic
def add_learning_action(
    *,
    complaint: Complaint,
    text: str,
    owner: Actor | None,
    due_on: dt.date | None,
    actor: Actor | None = None,
) -> LearningAction:
    """Add an action that follows the complaint: what changes, who does it, by when."""
    lock_child(complaint.child)
    if not text.strip():
        raise ValidationError({"text": _("Enter what is to change")})
    if owner is None:
        raise ValidationError({"owner": _("Choose who does it")})
    if due_on is None:
        raise ValidationError({"due_on": _("Enter the date it is due by")})
    if due_on < complaint.received_on:
        raise ValidationError(
            {
                "due_on": _("The date it is due by cannot be before the complaint, %(date)s")
                % {"date": long_date(complaint.received_on)}
            }
        )
    action = LearningAction.objects.create(
        complaint=complaint,
        child_id=complaint.child_id,
        text=text.strip(),
        owner=owner,
        due_on=due_on,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(complaint.child_id)
    return action


@transaction.atomic
def mark_learning_action_done(
    *, action: LearningAction, done_on: dt.date, actor: Actor | None = None
) -> LearningAction:
    """The owner of an action (or a complaints manager) marks it done."""
    lock_child(action.child)
    action = LearningAction.objects.select_related("complaint").get(pk=action.pk)
    if action.done_on is not None:
        raise ValidationError(
            {
                "action": _("The action was marked done on %(date)s")
                % {"date": long_date(action.done_on)}
            }
        )
    member = staff_member(actor)
    if (
        member is not None
        and member.pk != action.owner_id
        and not allows(member, P.MANAGE_COMPLAINTS)
    ):
        raise ValidationError({"action": _("Only its owner or a complaints manager marks it done")})
    check_not_future(done_on, "done_on", _("date it was done"))
    if done_on < action.complaint.received_on:
        raise ValidationError(
            {
                "done_on": _("The date it was done cannot be before the complaint, %(date)s")
                % {"date": long_date(action.complaint.received_on)}
            }
        )
    action.done_on = done_on
    action.done_by = member
    action.save(update_fields=["done_on", "done_by"])
    publish_casework_changed(action.child_id)
    return action


def offered_themes() -> "QuerySet[ComplaintTheme]":
    """The themes offered for new complaints (the defaults the migrations ship, until the
    authority changes the list). A database with no theme at all (its tables emptied, as the
    tests that commit do) is given the defaults again."""
    if not ComplaintTheme.objects.exists():
        ComplaintTheme.objects.bulk_create([ComplaintTheme(name=name) for name in THEMES])
    return ComplaintTheme.objects.filter(is_active=True).order_by("name")


@transaction.atomic
def add_theme(*, name: str, actor: Actor | None = None) -> ComplaintTheme:
    """Add a theme to the list offered for new complaints (or offer a retired one again)."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Enter the theme")})
    theme = ComplaintTheme.objects.filter(name__iexact=name).first()
    if theme is not None and theme.is_active:
        raise ValidationError(
            {"name": _("The theme %(name)s is already on the list") % {"name": theme}}
        )
    if theme is not None:
        theme.is_active = True
        theme.save(update_fields=["is_active"])
        return theme
    return ComplaintTheme.objects.create(name=name)


@transaction.atomic
def retire_theme(*, theme: ComplaintTheme, actor: Actor | None = None) -> ComplaintTheme:
    """Stop offering a theme for new complaints; the complaints that name it keep it."""
    theme = ComplaintTheme.objects.select_for_update().get(pk=theme.pk)
    if not theme.is_active:
        raise ValidationError(
            {"theme": _("The theme %(name)s is already retired") % {"name": theme}}
        )
    theme.is_active = False
    theme.save(update_fields=["is_active"])
    return theme
