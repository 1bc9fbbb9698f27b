"""Links from a duty to the page where it is done."""

from django import template
from django.urls import reverse

from kinfolk.duties.models import Duty

register = template.Library()

#: The page on which each rule's duty is done; a child's casework page unless named here.
RULE_PAGES = {"screening-1wd": "frontdoor:queue"}
#: The section of the child's record where each rule's duty is done, for rules outside the
#: child in need and child protection pathway.
CHILD_PAGES = {
    **dict.fromkeys(
        (
            "care-plan-10wd",
            "cla-review-first-20wd",
            "cla-review-second-3m",
            "cla-review-6m",
            "cla-visit-1w",
            "cla-visit-6w",
            "iha-20wd",
            "rha",
            "pep-20wd",
            "rhi-72h",
        ),
        "care:child-care",
    ),
    **dict.fromkeys(
        ("pathway-plan-3m", "pathway-plan-review-6m", "care-leaver-contact-2m"),
        "leaving:child-leaving",
    ),
}


@register.filter
def duty_url(duty: Duty) -> str:
    """Where a worker goes to do this duty."""
    page = RULE_PAGES.get(duty.rule)
    if page:
        return reverse(page)
    return reverse(CHILD_PAGES.get(duty.rule, "casework:child-casework"), args=[duty.child_id])
