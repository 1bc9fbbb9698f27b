"""The page each duty links to, declared by the app whose duty it is (kinfolk.core.registry)."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from kinfolk.core.registry import duty_pages
from kinfolk.duties.rules import RULES
from kinfolk.duties.templatetags.duties import duty_url

#: Rules whose duties have no page to go to. None yet: a rule listed here would need the
#: duties table to show its duty without a link.
PAGELESS_RULES: frozenset[str] = frozenset()

CHILD_ID = 7


def test_every_duty_rule_has_a_page_or_is_listed_as_having_none():
    codes = {rule.code for rule in RULES}
    assert sorted(codes - PAGELESS_RULES - set(duty_pages)) == []
    assert sorted(PAGELESS_RULES & set(duty_pages)) == []
    assert sorted(set(duty_pages) - codes) == []  # no page for a rule that does not exist


@pytest.mark.parametrize(
    ("rule", "url"),
    [
        ("screening-1wd", reverse("frontdoor:queue")),
        ("assessment-45wd", reverse("casework:child-casework", args=[CHILD_ID])),
        ("icpc-15wd", reverse("casework:child-casework", args=[CHILD_ID])),
        ("core-group-10wd", reverse("casework:child-casework", args=[CHILD_ID])),
        ("cp-review-first-3m", reverse("casework:child-casework", args=[CHILD_ID])),
        ("cp-review-6m", reverse("casework:child-casework", args=[CHILD_ID])),
        ("cp-visit-10wd", reverse("casework:child-casework", args=[CHILD_ID])),
        ("care-plan-10wd", reverse("care:child-care", args=[CHILD_ID])),
        ("cla-review-first-20wd", reverse("care:child-care", args=[CHILD_ID])),
        ("cla-review-second-3m", reverse("care:child-care", args=[CHILD_ID])),
        ("cla-review-6m", reverse("care:child-care", args=[CHILD_ID])),
        ("cla-visit-1w", reverse("care:child-care", args=[CHILD_ID])),
        ("cla-visit-6w", reverse("care:child-care", args=[CHILD_ID])),
        ("iha-20wd", reverse("care:child-care", args=[CHILD_ID])),
        ("rha", reverse("care:child-care", args=[CHILD_ID])),
        ("pep-20wd", reverse("care:child-care", args=[CHILD_ID])),
        ("rhi-72h", reverse("care:child-care", args=[CHILD_ID])),
        ("pathway-plan-3m", reverse("leaving:child-leaving", args=[CHILD_ID])),
        ("pathway-plan-review-6m", reverse("leaving:child-leaving", args=[CHILD_ID])),
        ("care-leaver-contact-2m", reverse("leaving:child-leaving", args=[CHILD_ID])),
    ],
)
def test_a_duty_links_to_the_page_where_it_is_done(rule, url):
    assert duty_url(SimpleNamespace(rule=rule, child_id=CHILD_ID)) == url


def test_a_rule_without_a_page_is_named_in_the_error():
    with pytest.raises(LookupError, match="No duty page 'no-such-rule' is declared"):
        duty_url(SimpleNamespace(rule="no-such-rule", child_id=CHILD_ID))
