"""Every role signs in and lands on its own workspace, in a real browser: each page is
screenshotted and checked with axe. A manager allocates an IRO from the child's care record,
and the IRO finds the child on their workspace."""

import pytest
from playwright.sync_api import Page, expect

from kinfolk.people.restrictions import restrict_record
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_team
from kinfolk.workspaces.tests import scenario
from kinfolk.workspaces.tests.scenario import staff
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def authority(team, social_worker, manager):
    """Staff of every role, and casework that puts something on each workspace."""
    leaving = create_team(name="Leaving Care")
    people = {
        Role.SOCIAL_WORKER: social_worker,
        Role.TEAM_MANAGER: manager,
        Role.HEAD_OF_SERVICE: staff("hal_head", Role.HEAD_OF_SERVICE, name="Hal Hughes"),
        Role.IRO: staff("ira_iro", Role.IRO, name="Ira Reid"),
        Role.CP_CHAIR: staff("cai_chair", Role.CP_CHAIR, name="Cai Chen"),
        Role.PERSONAL_ADVISER: staff(
            "pat_adviser", Role.PERSONAL_ADVISER, leaving, name="Pat Adams"
        ),
        Role.FRONTDOOR: staff("fay_frontdoor", Role.FRONTDOOR, name="Fay Ford"),
        Role.ADOPTION: staff("ada_adoption", Role.ADOPTION, name="Ada Ali"),
        Role.LADO: staff("lia_lado", Role.LADO, name="Lia Lowe"),
        Role.ANALYST: staff("ann_analyst", Role.ANALYST, name="Ann Archer"),
        Role.INFORMATION_GOVERNANCE: staff(
            "ivy_governance", Role.INFORMATION_GOVERNANCE, name="Ivy Green"
        ),
        Role.ADMIN: staff("ari_admin", Role.ADMIN, name="Ari Adler"),
        Role.COMPLAINTS_MANAGER: staff(
            "cam_complaints", Role.COMPLAINTS_MANAGER, name="Cam Carter"
        ),
    }
    iro = people[Role.IRO]
    late = scenario.with_assessment("Ava", "Brown", social_worker, started_ago=80)
    scenario.with_plan_action(late, social_worker, "Book a school nurse review")
    scenario.with_assessment("Noah", "Jones", social_worker, started_ago=55)
    decided = scenario.with_assessment("Ruby", "Khan", social_worker, started_ago=20)
    scenario.awaiting_sign_off(decided, decided_by=social_worker)
    scenario.in_care("Mia", "Clark", social_worker, since_ago=50, is_registered=False)
    scenario.with_assessment("Leo", "Grant", None, started_ago=10)
    reviewed = scenario.in_care("Isla", "Evans", social_worker, since_ago=60)
    scenario.with_iro(reviewed, iro, from_ago=60)
    scenario.reviewed(reviewed, iro, held_ago=30)
    scenario.challenged(reviewed, iro, raised_ago=5, due_in=10)
    scenario.on_enquiry("Omar", "Hassan", social_worker, started_ago=30)
    scenario.on_protection_plan("Ella", "Price", social_worker, plan_ago=20)
    scenario.care_leaver("Jade", "Okafor", people[Role.PERSONAL_ADVISER], contact_ago=80)
    for number, hours in enumerate((52, 20, 3)):
        young = scenario.child(["Finn", "Grace", "Theo"][number], "Walker")
        scenario.contact_waiting(young, hours_ago=hours, is_domestic_abuse=number == 1)
    scenario.adoption_plan("Rosa", "Silva", decided_ago=200, matched_ago=None)
    scenario.adoption_plan("Alfie", "Moss", decided_ago=300, matched_ago=20)
    hidden = scenario.with_assessment("Cara", "Dunn", social_worker, started_ago=5)
    restrict_record(child=hidden, users=[social_worker], actor=manager, reason="A relative")
    return people


#: What each role's workspace shows first, and the screenshot's name.
LANDINGS = [
    (Role.SOCIAL_WORKER, "My caseload", "40-workspace-social-worker"),
    (Role.TEAM_MANAGER, "Assessment North: team workspace", "41-workspace-team-manager"),
    (Role.HEAD_OF_SERVICE, "Unallocated children", "42-workspace-head-of-service"),
    (Role.IRO, "Your children in care", "43-workspace-iro"),
    (Role.CP_CHAIR, "Initial conferences", "44-workspace-cp-chair"),
    (Role.PERSONAL_ADVISER, "Your young people", "45-workspace-personal-adviser"),
    (Role.FRONTDOOR, "Oldest contacts waiting", "46-workspace-front-door"),
    (Role.ADOPTION, "Waiting for a match", "47-workspace-adoption"),
    (Role.LADO, "Open allegations", "48-workspace-lado"),
    (Role.ANALYST, "Returns and data quality", "49-workspace-analyst"),
    (Role.INFORMATION_GOVERNANCE, "Recent access to restricted records", "50-workspace-ig"),
    (Role.ADMIN, "Users and teams", "51-workspace-administrator"),
    (Role.COMPLAINTS_MANAGER, "Open complaints by stage", "52-workspace-complaints-manager"),
]


def test_every_role_lands_on_its_own_workspace(page: Page, authority):
    # The restricted record is used once, so that the information governance officer has
    # something to see.
    sign_in(page, "sam_social")
    page.goto("/")
    page.get_by_role("table", name="My caseload").get_by_role("link", name="Cara Dunn").click()
    expect(page.get_by_role("heading", name="Cara Dunn", level=1)).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    for role, heading, name in LANDINGS:
        sign_in(page, authority[role].username)
        expect(page).to_have_url("/")
        expect(page.get_by_role("heading", name=heading, exact=True).first).to_be_visible()
        menu = page.get_by_role("navigation", name="Menu")
        expect(menu.get_by_role("link", name="Home", exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        screenshot(page, name)
        assert_accessible(page)
        page.get_by_role("button", name="Sign out").click()


def test_a_manager_allocates_an_iro_and_the_iro_finds_the_child(page: Page, authority):
    child = scenario.in_care("Lily", "Smith", authority[Role.SOCIAL_WORKER], since_ago=30)
    staff("ivo_iro", Role.IRO, name="Ivo Stone")
    sign_in(page, "meg_manager")
    page.goto(f"/children/{child.pk}/care/")
    page.get_by_role("link", name="Independent reviewing officer").click()
    expect(
        page.get_by_text("is looked after and has no independent reviewing officer")
    ).to_be_visible()
    page.get_by_role("link", name="Allocate an IRO").click()
    page.get_by_label("Independent reviewing officer").select_option(label="Ira Reid")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Ira Reid is allocated as Lily Smith's IRO")).to_be_visible()
    screenshot(page, "52-child-iro")
    assert_accessible(page)
    page.get_by_role("link", name="Change the IRO").click()
    page.get_by_label("Independent reviewing officer").select_option(label="Ivo Stone")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Choose why the child's IRO is changing").first).to_be_visible()
    screenshot(page, "53-change-iro-error")
    assert_accessible(page)
    page.get_by_label("To balance IROs' caseloads").check()
    page.get_by_role("button", name="Save").click()
    history = page.get_by_role("table", name="Every IRO the child has had, newest first")
    expect(history.get_by_role("row")).to_have_count(3)
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "ivo_iro")
    children = page.get_by_role("table", name="Children allocated to you as their IRO")
    expect(children.get_by_role("link", name="Lily Smith")).to_be_visible()


def test_the_refused_and_not_found_pages_say_what_to_do(page: Page, authority):
    sign_in(page, "ann_analyst")
    page.goto("/front-door/sign-off/")
    expect(
        page.get_by_role("heading", name="You do not have permission to open this page")
    ).to_be_visible()
    screenshot(page, "54-refused")
    assert_accessible(page)
    page.goto("/children/999999/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    screenshot(page, "55-not-found")
    assert_accessible(page)
    page.get_by_role("link", name="Go to your workspace").click()
    expect(page.get_by_role("heading", name="Returns and data quality")).to_be_visible()
