"""Links from a duty to the page where it is done."""

from django import template

from kinfolk.core.registry import duty_pages
from kinfolk.duties.models import Duty

register = template.Library()


@register.filter
def duty_url(duty: Duty) -> str:
    """Where a worker goes to do this duty: the page its rule's app declares for it."""
    return duty_pages[duty.rule].url(duty.child_id)
