"""Links from a duty to the page where it is done."""

from django import template
from django.urls import reverse

from kinfolk.duties.models import Duty

register = template.Library()

#: The page on which each rule's duty is done; a child's casework page unless named here.
RULE_PAGES = {"screening-1wd": "frontdoor:queue"}


@register.filter
def duty_url(duty: Duty) -> str:
    """Where a worker goes to do this duty."""
    page = RULE_PAGES.get(duty.rule)
    if page:
        return reverse(page)
    return reverse("casework:child-casework", args=[duty.child_id])
