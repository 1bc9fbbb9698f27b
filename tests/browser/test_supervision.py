"""A manager supervises three children of one worker in one sitting, with actions, and records
a management decision; the worker signs in, finds the actions in their work and marks one done
(docs/oversight.md). Every page is photographed and checked with axe."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.casework.services import open_referral
from kinfolk.oversight.models import CaseSupervision, ManagementDecision, SupervisionAction
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.browser.test_casework import fill_date, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = (("Ava", "Brook"), ("Ben", "Cole"), ("Cara", "Dale"))


@pytest.fixture
def caseload(social_worker):
    children = []
    for n, (first, last) in enumerate(NAMES):
        child = make_child(la_child_id=f"K{n + 1}", first_name=first, last_name=last)
        allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 9, 1))
        open_referral(child=child, referral_on=dt.date(2026, 9, 1), source="2A")
        children.append(child)
    return children


def discuss(page: Page, first: str, last: str, due: dt.date) -> None:
    block = page.get_by_role("group", name=re.compile(f"^{first} {last}"))
    block.get_by_label(f"Discussed {first} {last}").check()
    block.get_by_label("Reflection and analysis").fill(f"{first} is settled at school.")
    block.get_by_label("Decision", exact=True).fill("Continue the plan for three months.")
    block.get_by_label("Rationale").fill("Attendance is up and the family engage.")
    block.get_by_text(f"Actions agreed for {first}").click()
    action = block.get_by_role("group", name="Action 1", exact=True)
    action.get_by_label("What is to be done").fill(f"See {first} alone at school")
    group = action.get_by_role("group", name="Due by", exact=True)
    group.get_by_label("Day").fill(str(due.day))
    group.get_by_label("Month").fill(str(due.month))
    group.get_by_label("Year").fill(str(due.year))


def test_a_caseload_supervised_in_one_sitting_reaches_the_worker(
    page: Page, manager, social_worker, caseload
):
    today = timezone.localdate()
    sign_in(page, manager.username)
    page.goto("/team/supervision/")
    expect(page.get_by_role("heading", name="Team supervision", level=1)).to_be_visible()
    screenshot(page, "supervision-team")
    assert_accessible(page)

    page.get_by_role("link", name=f"Case supervision of {social_worker.display_name}").click()
    expect(
        page.get_by_role("heading", name=f"Record supervision of {social_worker.display_name}")
    ).to_be_visible()
    assert_accessible(page)
    for first, last in NAMES:
        discuss(page, first, last, today + dt.timedelta(days=7))
    screenshot(page, "supervision-record")
    page.get_by_role("button", name="Save supervision").click()
    expect(page.get_by_text("recorded for 3 children")).to_be_visible()
    assert CaseSupervision.objects.count() == 3
    assert SupervisionAction.objects.filter(owner=social_worker).count() == 3

    ava = caseload[0]
    page.goto(f"/children/{ava.pk}/oversight/decisions/create/")
    fill_date(page, "Date of the decision", today)
    page.get_by_label("Outcome sought for the child").fill("Ava is in school every day.")
    page.get_by_label("Decision", exact=True).fill("Hold a family network meeting.")
    page.get_by_label("Rationale").fill("The family asked to plan mornings together.")
    fill_date(page, "To happen by", today + dt.timedelta(days=14))
    screenshot(page, "supervision-decision")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Management decision recorded")).to_be_visible()
    expect(page.get_by_role("heading", name="Management oversight", level=1)).to_be_visible()
    screenshot(page, "supervision-child-oversight")
    assert_accessible(page)
    assert ManagementDecision.objects.get().owner == social_worker
    page.goto(f"/children/{ava.pk}/")
    expect(page.get_by_text("Last management oversight")).to_be_visible()
    screenshot(page, "supervision-summary")
    assert_accessible(page)
    sign_out(page)

    sign_in(page, social_worker.username)
    page.goto("/work/")
    table = page.get_by_role("table", name="Supervision actions you own")
    expect(table.get_by_role("row")).to_have_count(4)
    screenshot(page, "supervision-my-work")
    assert_accessible(page)
    table.get_by_role("link", name=re.compile("Mark done.*See Ava alone")).click()
    expect(page.get_by_role("heading", name="Mark a supervision action done")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "supervision-mark-done")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="My work", level=1)).to_be_visible()
    expect(page.get_by_text("Action marked done")).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(3)
    done = SupervisionAction.objects.get(child=ava)
    assert (done.done_on, done.done_by) == (today, social_worker)
