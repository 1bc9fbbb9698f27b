import datetime as dt

import pytest

from conftest import worker_of_role
from kinfolk.access.roles import Role
from kinfolk.audits.services import assign_audit
from kinfolk.casework.services import open_referral
from kinfolk.workforce.services import allocate_child

OPENED = dt.date(2025, 1, 6)


@pytest.fixture
def open_case(child, social_worker):
    """The child, their case open (a child in need episode) and held by the social worker."""
    open_referral(child=child, referral_on=OPENED, source="1A")
    allocate_child(child=child, worker=social_worker, start_on=OPENED)
    return child


@pytest.fixture
def auditor(other_team):
    """A team manager of another team: auditors read other teams' files."""
    return worker_of_role(Role.TEAM_MANAGER, other_team, username="aud_auditor")


@pytest.fixture
def moderator(head_of_service):
    return head_of_service


@pytest.fixture
def audit(open_case, auditor):
    return assign_audit(child=open_case, auditor=auditor, on=OPENED)


@pytest.fixture
def make_open_cases(social_worker):
    from conftest import make_child

    def make(count):
        children = []
        for number in range(count):
            child = make_child(la_child_id=f"A{number}", first_name=f"Ana{number}")
            open_referral(child=child, referral_on=OPENED, source="1A")
            allocate_child(child=child, worker=social_worker, start_on=OPENED)
            children.append(child)
        return children

    return make
