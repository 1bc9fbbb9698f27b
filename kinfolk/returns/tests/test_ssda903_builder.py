"""Building the SSDA903 return from the casework: cases worked by hand (docs/reference/ssda903.md
section 2), each loaded as a journey through the services."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinfolk.journeys.loader import load_journeys
from kinfolk.people.models import Child
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.ssda903.builder import build_ssda903
from kinfolk.returns.ssda903.tables import TABLES

pytestmark = pytest.mark.django_db

YEAR = CollectionYear.parse("2025-26")


def load(*events: dict) -> None:
    result = load_journeys([json.dumps(event) for event in events])
    assert result.ok, [str(error) for error in result.errors]


def child(child_id: str, dob: str, sex: str = "F", **extra: str) -> dict:
    return {
        "type": "child",
        "id": child_id,
        "first_name": "Test",
        "last_name": child_id,
        "sex": sex,
        "ethnicity": "WBRI",
        "dob": dob,
        **extra,
    }


def care_start(child_id: str, date: str, **extra: str) -> dict:
    return {
        "type": "care_start",
        "child": child_id,
        "date": date,
        "legal_status": "V2",
        "category_of_need": "N1",
        "placement": "U6",
        "provider": "PR1",
        "placement_postcode": "WN2 2BB",
        "home_postcode": "WN1 1AA",
        **extra,
    }


def rows_of(tables: dict, name: str, child_id: str) -> list[dict]:
    return [row for row in tables[name] if row["CHILD"] == child_id]


def test_every_table_is_present_with_the_dfe_columns():
    load(child("C1", "2016-05-01"), care_start("C1", "2025-06-01"))
    tables = build_ssda903(YEAR)
    assert set(tables) == set(TABLES)
    for name, rows in tables.items():
        for row in rows:
            assert tuple(row) == TABLES[name]


def test_two_episodes_across_1_april_and_an_end_after_the_year_shown_open():
    load(
        child("C7", "2016-05-01", upn="B801200005001"),
        care_start("C7", "2025-01-10"),
        {"type": "legal_status_change", "child": "C7", "date": "2025-05-20", "legal_status": "C2"},
        {"type": "care_end", "child": "C7", "date": "2026-05-01", "reason": "E41"},
    )
    tables = build_ssda903(YEAR)
    assert tables["header"] == [
        {
            "CHILD": "C7",
            "SEX": "F",
            "DOB": "01/05/2016",
            "ETHNIC": "WBRI",
            "UPN": "B801200005001",
            "MOTHER": "0",
            "MC_DOB": "",
        }
    ]
    common = {
        "CHILD": "C7",
        "CIN": "N1",
        "PLACE": "U6",
        "PLACE_PROVIDER": "PR1",
        "HOME_POST": "WN1 1AA",
        "PL_POST": "WN2 2BB",
        "URN": "",
    }
    assert tables["episodes"] == [
        {
            **common,
            "DECOM": "10/01/2025",
            "RNE": "S",
            "LS": "V2",
            "DEC": "20/05/2025",
            "REC": "X1",
            "REASON_PLACE_CHANGE": "",
        },
        {
            **common,
            "DECOM": "20/05/2025",
            "RNE": "L",
            "LS": "C2",
            "DEC": "",
            "REC": "",
            "REASON_PLACE_CHANGE": "",
        },
    ]
    assert {key: tables["episodes"][0][key] for key in TABLES["episodes"]} == tables["episodes"][0]
    assert tables["prev_perm"] == []  # care started before the year


def test_a_child_who_ceased_care_before_the_year_is_not_in_it_but_on_1_april_is():
    load(
        child("C2", "2016-05-01"),
        care_start("C2", "2024-06-01"),
        {"type": "care_end", "child": "C2", "date": "2025-03-31", "reason": "E41"},
        child("C3", "2016-05-01"),
        care_start("C3", "2024-06-01"),
        {"type": "care_end", "child": "C3", "date": "2025-04-01", "reason": "E41"},
    )
    tables = build_ssda903(YEAR)
    assert [row["CHILD"] for row in tables["header"]] == ["C3"]
    assert [(e["DECOM"], e["DEC"], e["REC"]) for e in tables["episodes"]] == [
        ("01/06/2024", "01/04/2025", "E41")
    ]


def test_a_child_adopted_in_the_year_is_in_ad1_and_placed_adoption():
    load(
        child("C8", "2022-06-01", sex="M"),
        care_start("C8", "2024-06-01", legal_status="C2", placement="U4"),
        {"type": "adoption_decision", "child": "C8", "date": "2024-12-01"},
        {"type": "legal_status_change", "child": "C8", "date": "2025-01-15", "legal_status": "E1"},
        {
            "type": "adoption_match",
            "child": "C8",
            "date": "2025-05-01",
            "adopters": 2,
            "adopters_sex": "MF",
            "adopters_legal_status": "L11",
            "former_foster_carers": False,
        },
        {
            "type": "placement_change",
            "child": "C8",
            "date": "2025-06-01",
            "placement": "A6",
            "provider": "PR1",
            "reason": "CARPL",
            "placement_postcode": "WN5 5EE",
        },
        {"type": "care_end", "child": "C8", "date": "2025-12-10", "reason": "E11"},
    )
    tables = build_ssda903(YEAR)
    assert tables["ad1"] == [
        {
            "CHILD": "C8",
            "DOB": "01/06/2022",
            "DATE_INT": "01/12/2024",
            "DATE_MATCH": "01/05/2025",
            "FOSTER_CARE": "0",
            "NB_ADOPTR": "2",
            "SEX_ADOPTR": "MF",
            "LS_ADOPTR": "L11",
        }
    ]
    assert tables["placed_adoption"] == [
        {
            "CHILD": "C8",
            "DOB": "01/06/2022",
            "DATE_PLACED": "01/12/2024",
            "DATE_PLACED_CEASED": "",
            "REASON_PLACED_CEASED": "",
        }
    ]
    episodes = rows_of(tables, "episodes", "C8")
    assert [(e["DECOM"], e["RNE"], e["LS"], e["PLACE"], e["DEC"], e["REC"]) for e in episodes] == [
        ("15/01/2025", "L", "E1", "U4", "01/06/2025", "X1"),
        ("01/06/2025", "P", "E1", "A6", "10/12/2025", "E11"),
    ]
    assert episodes[0]["REASON_PLACE_CHANGE"] == "CARPL"
    assert tables["header"][0]["MOTHER"] == ""  # a boy


def test_a_care_leaver_whose_18th_birthday_is_in_the_year_is_in_oc3_only():
    load(
        child("C9", "2007-09-15"),
        care_start("C9", "2022-01-10"),
        {"type": "care_end", "child": "C9", "date": "2025-03-01", "reason": "E8"},
        {"type": "care_leaver_contact", "child": "C9", "date": "2025-05-01", "in_touch": "NO"},
        {
            "type": "care_leaver_contact",
            "child": "C9",
            "date": "2025-09-01",
            "in_touch": "YES",
            "accommodation": "D1",
            "activity": "F2",
        },
    )
    tables = build_ssda903(YEAR)
    assert tables["oc3"] == [
        {"CHILD": "C9", "DOB": "15/09/2007", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "D1"}
    ]
    assert [row["CHILD"] for row in tables["header"]] == ["C9"]
    assert tables["header"][0]["MOTHER"] == ""  # no episodes this year (rule 628)
    assert tables["episodes"] == []


def test_a_young_person_still_looked_after_on_their_18th_birthday_is_not_in_oc3():
    load(child("C10", "2007-09-15"), care_start("C10", "2022-01-10"))
    tables = build_ssda903(YEAR)
    assert tables["oc3"] == []
    assert len(rows_of(tables, "episodes", "C10")) == 1


@pytest.mark.parametrize(("start", "in_oc2"), [("2025-04-01", True), ("2025-04-02", False)])
def test_oc2_cohort_edge_looked_after_from_1_april_of_the_previous_year(start, in_oc2):
    """12 months at 31 March 2026: looked after from 1 April 2025 counts (care starting that
    day is the start of the 12 months), from 2 April 2025 does not."""
    load(
        child("C11", "2012-05-01"),
        care_start("C11", start),
        {"type": "dental_check", "child": "C11", "date": "2025-10-01"},
        {"type": "immunisations", "child": "C11", "date": "2025-10-01", "up_to_date": True},
        {"type": "sdq", "child": "C11", "date": "2025-11-01", "score": 14},
        {"type": "health_assessment", "child": "C11", "date": "2025-11-02", "kind": "review"},
    )
    tables = build_ssda903(YEAR)
    assert bool(tables["oc2"]) is in_oc2
    if in_oc2:
        assert tables["oc2"] == [
            {
                "CHILD": "C11",
                "DOB": "01/05/2012",
                "SDQ_SCORE": "14",
                "SDQ_REASON": "",
                "CONVICTED": "0",
                "HEALTH_CHECK": "",
                "IMMUNISATIONS": "1",
                "TEETH_CHECK": "1",
                "HEALTH_ASSESSMENT": "1",
                "SUBSTANCE_MISUSE": "0",
                "INTERVENTION_RECEIVED": "",
                "INTERVENTION_OFFERED": "",
            }
        ]
    assert tables["prev_perm"] == [
        {"CHILD": "C11", "DOB": "01/05/2012", "PREV_PERM": "", "LA_PERM": "", "DATE_PERM": ""}
    ]


def test_reviews_missing_uasc_prev_perm_and_social_worker_episodes():
    load(
        {"type": "worker", "id": "SW0001", "name": "Sam One", "role": "social_worker"},
        {"type": "worker", "id": "SW0002", "name": "Sam Two", "role": "social_worker"},
        child("C13", "2012-05-01", sex="M", upn_unknown="UN2"),
        {"type": "allocation", "child": "C13", "date": "2025-02-01", "worker": "SW0001"},
        {"type": "uasc_start", "child": "C13", "date": "2025-05-01"},
        care_start("C13", "2025-05-01"),
        {
            "type": "previous_permanence",
            "child": "C13",
            "code": "P2",
            "date": "2020-01-05",
            "la": "310",
        },
        {"type": "cla_review", "child": "C13", "date": "2025-05-28", "participation": "PN1"},
        {"type": "missing_start", "child": "C13", "at": "2025-06-01T22:00", "kind": "away"},
        {"type": "missing_end", "child": "C13", "at": "2025-06-02T09:00"},
        {
            "type": "allocation",
            "child": "C13",
            "date": "2025-09-01",
            "worker": "SW0002",
            "reason": "LEFTRL",
        },
        {"type": "missing_start", "child": "C13", "at": "2026-03-30T20:00", "kind": "missing"},
        {"type": "missing_end", "child": "C13", "at": "2026-04-02T09:00"},
    )
    tables = build_ssda903(YEAR)
    assert tables["header"][0]["UPN"] == "UN2"
    assert tables["reviews"] == [
        {"CHILD": "C13", "DOB": "01/05/2012", "REVIEW": "28/05/2025", "REVIEW_CODE": "PN1"}
    ]
    assert tables["missing"] == [
        {
            "CHILD": "C13",
            "DOB": "01/05/2012",
            "MISSING": "A",
            "MIS_START": "01/06/2025",
            "MIS_END": "02/06/2025",
        },
        {
            "CHILD": "C13",
            "DOB": "01/05/2012",
            "MISSING": "M",
            "MIS_START": "30/03/2026",
            "MIS_END": "",
        },
    ]
    assert tables["uasc"] == [{"CHILD": "C13", "SEX": "M", "DOB": "01/05/2012", "DUC": ""}]
    assert tables["prev_perm"] == [
        {
            "CHILD": "C13",
            "DOB": "01/05/2012",
            "PREV_PERM": "P2",
            "LA_PERM": "310",
            "DATE_PERM": "05/01/2020",
        }
    ]
    assert tables["sw_episodes"] == [
        {
            "CHILD": "C13",
            "DOB": "01/05/2012",
            "SW_ID": "SW0001",
            "SW_DECOM": "01/05/2025",  # allocated before care: shown from its start
            "SW_DEC": "01/09/2025",
            "SW_REASON": "FCONTA",
        },
        {
            "CHILD": "C13",
            "DOB": "01/05/2012",
            "SW_ID": "SW0002",
            "SW_DECOM": "01/09/2025",
            "SW_DEC": "",
            "SW_REASON": "LEFTRL",
        },
    ]


def test_child_ids_limit_the_return_to_those_children():
    load(
        child("C14", "2016-05-01"),
        care_start("C14", "2025-06-01"),
        child("C15", "2016-05-01"),
        care_start("C15", "2025-06-01"),
    )
    only = Child.objects.get(la_child_id="C15")
    tables = build_ssda903(YEAR, child_ids=[only.pk])
    assert [row["CHILD"] for row in tables["header"]] == ["C15"]
    assert [row["CHILD"] for row in tables["episodes"]] == ["C15"]


def _authority_of(size: int, offset: int) -> None:
    events: list[dict] = [
        {"type": "worker", "id": f"SW{offset}", "name": "Sam", "role": "social_worker"}
    ]
    for number in range(offset, offset + size):
        child_id = f"Q{number}"
        events += [
            child(child_id, "2012-05-01"),
            {
                "type": "allocation",
                "child": child_id,
                "date": "2024-05-01",
                "worker": f"SW{offset}",
            },
            care_start(child_id, "2024-06-01"),
            {"type": "cla_review", "child": child_id, "date": "2025-05-28", "participation": "PN1"},
            {"type": "adoption_decision", "child": child_id, "date": "2025-06-01"},
            {"type": "missing_start", "child": child_id, "at": "2025-07-01T22:00", "kind": "away"},
            {"type": "missing_end", "child": child_id, "at": "2025-07-02T09:00"},
            {"type": "sdq", "child": child_id, "date": "2025-08-01", "score": 10},
            {
                "type": "legal_status_change",
                "child": child_id,
                "date": "2025-09-01",
                "legal_status": "C2",
            },
        ]
    load(*events)


def test_the_number_of_queries_does_not_grow_with_the_children():
    _authority_of(2, 100)
    with CaptureQueriesContext(connection) as small:
        tables = build_ssda903(YEAR)
    assert len(tables["episodes"]) == 4
    _authority_of(8, 200)
    with CaptureQueriesContext(connection) as large:
        tables = build_ssda903(YEAR)
    assert len(tables["episodes"]) == 20
    assert len(tables["oc2"]) == 10
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) <= 15


def test_social_worker_episodes_fall_within_care_and_last_three_days():
    """An allocation shows from the start of care, a worker who held the case for under three
    days is left out, one still allocated when care ended shows no end, and an allocation
    made after care ended is not in the return."""
    load(
        *(
            {"type": "worker", "id": f"SW000{n}", "name": f"Sam {n}", "role": "social_worker"}
            for n in range(1, 5)
        ),
        child("C21", "2012-05-01", sex="M", upn_unknown="UN2"),
        {"type": "allocation", "child": "C21", "date": "2025-04-10", "worker": "SW0001"},
        care_start("C21", "2025-06-02"),
        {"type": "allocation", "child": "C21", "date": "2025-06-02", "worker": "SW0002"},
        {"type": "allocation", "child": "C21", "date": "2025-06-03", "worker": "SW0003"},
        {"type": "allocation", "child": "C21", "date": "2025-09-01", "worker": "SW0001"},
        {"type": "care_end", "child": "C21", "date": "2025-11-20", "reason": "E13"},
        {"type": "allocation", "child": "C21", "date": "2025-12-01", "worker": "SW0004"},
    )
    tables = build_ssda903(YEAR)
    assert [(row["SW_ID"], row["SW_DECOM"], row["SW_DEC"]) for row in tables["sw_episodes"]] == [
        ("SW0003", "03/06/2025", "01/09/2025"),
        ("SW0001", "01/09/2025", ""),
    ]


@pytest.mark.parametrize(
    ("first_child_dob", "mother", "mc_dob"),
    [("2025-04-20", "1", "20/04/2025"), ("2025-10-23", "0", "")],
)
def test_a_first_child_born_after_the_mother_left_care_is_not_in_the_return(
    first_child_dob, mother, mc_dob
):
    load(
        child("C31", "2009-03-05", upn_unknown="UN2"),
        care_start("C31", "2025-04-09"),
        {"type": "motherhood", "child": "C31", "first_child_dob": first_child_dob},
        {"type": "care_end", "child": "C31", "date": "2025-05-05", "reason": "E4A"},
    )
    header = build_ssda903(YEAR)["header"][0]
    assert (header["MOTHER"], header["MC_DOB"]) == (mother, mc_dob)
