"""What care leavers' casework adds to the shared registries (kinfolk.core.registry).

The leaving care services write chronology entries of the kinds the casework and the
workforce declare (plans, visits, allocations); the leaving care duties are done on the
child's leaving care page.
"""

from django.utils.translation import gettext_lazy as _

from kinfolk.core.registry import DutyPage, register_duty_pages

register_duty_pages(
    DutyPage("leaving:child-leaving", _("Leaving care")),
    "pathway-plan-3m",
    "pathway-plan-review-6m",
    "care-leaver-contact-2m",
)
