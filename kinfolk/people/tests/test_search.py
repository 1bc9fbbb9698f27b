"""Finding a child before creating one."""

import datetime as dt

import pytest

from conftest import make_child
from kinfolk.people.restrictions import restrict_record
from kinfolk.people.search import ChildSearch, search_children
from kinfolk.people.services import move_child_to_address

pytestmark = pytest.mark.django_db


@pytest.fixture
def children(db):
    return {
        "lily": make_child(
            la_child_id="C1",
            first_name="Lily",
            last_name="Smith",
            nhs_number="9434765919",
            upn="B801200005001",
            postcode="WN1 1AA",
        ),
        "noah": make_child(
            la_child_id="C2",
            first_name="Noah",
            last_name="Jones",
            date_of_birth=dt.date(2012, 9, 1),
            postcode="WN5 7QT",
        ),
        "nora": make_child(
            la_child_id="C3",
            first_name="Nora",
            last_name="Johnson",
            date_of_birth=dt.date(2012, 9, 1),
        ),
        "zofia": make_child(
            la_child_id="C4",
            first_name="Zofia",
            last_name="Nowak",
            date_of_birth=dt.date(2019, 2, 2),
        ),
    }


def names(results):
    return [child.full_name for child in results]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Smith", ["Lily Smith"]),
        ("smyth", ["Lily Smith"]),
        ("Lilly Smiht", ["Lily Smith"]),
        ("jones noah", ["Noah Jones"]),
        ("Nowack", ["Zofia Nowak"]),
        ("Zophia", ["Zofia Nowak"]),
        ("Wilson", []),
    ],
)
def test_name_search_tolerates_misspelling(children, social_worker, query, expected):
    assert names(search_children(ChildSearch(name=query), user=social_worker)) == expected


def test_best_match_comes_first(children, social_worker):
    results = search_children(ChildSearch(name="Jonson"), user=social_worker)
    assert names(results)[0] == "Nora Johnson"


def test_search_by_identifiers_date_and_postcode(children, social_worker):
    def find(**criteria):
        return names(search_children(ChildSearch(**criteria), user=social_worker))

    assert find(nhs_number="943 476 5919") == ["Lily Smith"]
    assert find(upn="b801200005001") == ["Lily Smith"]
    assert find(date_of_birth=dt.date(2012, 9, 1)) == ["Nora Johnson", "Noah Jones"]
    assert find(postcode="wn5 7qt") == ["Noah Jones"]
    assert find(postcode="WN1") == ["Lily Smith"]
    assert find(name="Noah", date_of_birth=dt.date(2012, 9, 1))[0] == "Noah Jones"
    assert find(name="Jones", date_of_birth=dt.date(2019, 2, 2)) == []
    assert find() == []


def test_a_former_address_still_finds_the_child(children, social_worker):
    move_child_to_address(child=children["lily"], postcode="WN3 4AB", start_on=dt.date(2025, 1, 1))
    assert names(search_children(ChildSearch(postcode="WN1 1AA"), user=social_worker)) == [
        "Lily Smith"
    ]


def test_a_restricted_child_is_found_only_by_named_users(children, social_worker, manager):
    restrict_record(
        child=children["lily"],
        users=[manager],
        actor=manager,
        reason="A relative of a member of staff",
    )
    assert search_children(ChildSearch(name="Smith"), user=social_worker) == []
    assert search_children(ChildSearch(nhs_number="9434765919"), user=social_worker) == []
    assert names(search_children(ChildSearch(name="Smith"), user=manager)) == ["Lily Smith"]
