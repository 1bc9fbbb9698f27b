"""The SSDA903 return as CSV files (``tables``) and importing a return made by any system
through the services (``importer``)."""

import pytest

from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.people.models import Child
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.ssda903.builder import build_ssda903
from kinfolk.returns.ssda903.importer import _year_of, import_ssda903
from kinfolk.returns.ssda903.tables import TABLES, empty_tables, read_tables, write_tables
from kinfolk.workforce.models import Allocation, User

YEAR = CollectionYear.parse("2025-26")


def header(child: str, dob: str = "01/05/2012", sex: str = "F", mother: str = "0") -> dict:
    return {
        "CHILD": child,
        "SEX": sex,
        "DOB": dob,
        "ETHNIC": "WBRI",
        "UPN": "UN2",
        "MOTHER": mother,
        "MC_DOB": "",
    }


def episode(child: str, decom: str, rne: str, **values: str) -> dict:
    row = {
        "CHILD": child,
        "DECOM": decom,
        "RNE": rne,
        "LS": "C2",
        "CIN": "N1",
        "PLACE": "U4",
        "PLACE_PROVIDER": "PR1",
        "DEC": "",
        "REC": "",
        "REASON_PLACE_CHANGE": "",
        "HOME_POST": "WN1 1AA",
        "PL_POST": "WN2 2BB",
        "URN": "",
    }
    row.update(values)
    return row


def a_return(**tables: list[dict]) -> dict:
    result = empty_tables()
    result.update(tables)
    return result


# --- tables ------------------------------------------------------------------------------


def test_write_then_read_gives_back_the_same_tables(tmp_path):
    tables = a_return(
        header=[header("C1"), header("C2", sex="M", mother="")],
        episodes=[episode("C1", "01/05/2025", "S", URN="SC123456")],
        reviews=[
            {"CHILD": "C1", "DOB": "01/05/2012", "REVIEW": "20/05/2025", "REVIEW_CODE": "PN1"}
        ],
    )
    write_tables(tables, tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(f"{n}.csv" for n in TABLES)
    assert read_tables(tmp_path) == tables
    text = (tmp_path / "uasc.csv").read_bytes()
    assert text == b"CHILD,SEX,DOB,DUC\n"  # a header row even when empty, \n line endings


def test_tables_are_recognised_by_their_columns_whatever_the_file_name_and_order(tmp_path):
    (tmp_path / "LAC_reviews_export.csv").write_text(
        "REVIEW_CODE,CHILD,REVIEW,DOB\r\nPN1,C1,20/05/2025,01/05/2012\r\n", encoding="utf-8"
    )
    tables = read_tables(tmp_path)
    assert tables["reviews"] == [
        {"CHILD": "C1", "DOB": "01/05/2012", "REVIEW": "20/05/2025", "REVIEW_CODE": "PN1"}
    ]
    assert tables["episodes"] == []


def test_a_file_with_an_unknown_column_is_refused_with_the_nearest_table(tmp_path):
    (tmp_path / "mine.csv").write_text("CHILD,DOB,REVIEW,REVIEW_CODE,NOTES\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        read_tables(tmp_path)
    assert str(error.value) == (
        "mine.csv line 1: the columns match no SSDA903 table; nearest is reviews "
        "(unknown column(s) NOTES)"
    )


def test_a_file_with_a_missing_column_is_refused(tmp_path):
    columns = [c for c in TABLES["episodes"] if c != "URN"]
    (tmp_path / "episodes.csv").write_text(",".join(columns) + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        read_tables(tmp_path)
    assert str(error.value) == (
        "episodes.csv line 1: the columns match no SSDA903 table; nearest is episodes "
        "(missing column(s) URN)"
    )


def test_a_row_with_the_wrong_number_of_values_names_its_line(tmp_path):
    (tmp_path / "reviews.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/05/2012,20/05/2025,PN1\nC1,01/05/2012,PN1\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError) as error:
        read_tables(tmp_path)
    assert str(error.value) == "reviews.csv line 3: 3 value(s), but the header has 4 columns"


def test_two_files_for_one_table_are_refused(tmp_path):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("CHILD,DOB,REVIEW,REVIEW_CODE\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        read_tables(tmp_path)
    assert str(error.value) == (
        "b.csv line 1: has the columns of the reviews table, which a.csv already gave"
    )


def test_an_empty_file_and_an_empty_folder_are_refused(tmp_path):
    with pytest.raises(ValueError, match="no CSV files"):
        read_tables(tmp_path)
    (tmp_path / "header.csv").write_text("", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        read_tables(tmp_path)
    assert str(error.value) == "header.csv line 1: the file is empty, with no header row"


# --- import ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_return_loads_and_builds_back_the_same():
    tables = a_return(
        header=[header("C1")],
        episodes=[
            # A period that began before the file: its first episode here is a placement move.
            episode(
                "C1", "10/02/2025", "P", DEC="01/05/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"
            ),
            # Same provider at the same postcode, new type: same carers (T).
            episode("C1", "01/05/2025", "T", PLACE="U6", DEC="01/06/2025", REC="X1"),
            # Legal status only (L).
            episode(
                "C1",
                "01/06/2025",
                "L",
                PLACE="U6",
                LS="E1",
                DEC="10/07/2025",
                REC="X1",
                REASON_PLACE_CHANGE="ALLEG",
            ),
            # New carers and legal status on one day (B).
            episode(
                "C1",
                "10/07/2025",
                "B",
                LS="C2",
                PLACE="U4",
                PLACE_PROVIDER="PR4",
                PL_POST="WN3 3DF",
                DEC="01/08/2025",
                REC="X1",
            ),
            # A temporary move and the return from it (P, rule 383), no reason around it.
            episode(
                "C1",
                "01/08/2025",
                "P",
                PLACE="T4",
                PLACE_PROVIDER="",
                PL_POST="",
                LS="C2",
                DEC="05/08/2025",
                REC="X1",
            ),
            episode(
                "C1",
                "05/08/2025",
                "P",
                LS="C2",
                PLACE="U4",
                PLACE_PROVIDER="PR4",
                PL_POST="WN3 3DF",
                DEC="01/12/2025",
                REC="E41",
            ),
        ],
        reviews=[
            {"CHILD": "C1", "DOB": "01/05/2012", "REVIEW": "20/05/2025", "REVIEW_CODE": "PN1"}
        ],
        missing=[
            {
                "CHILD": "C1",
                "DOB": "01/05/2012",
                "MISSING": "M",
                "MIS_START": "02/06/2025",
                "MIS_END": "02/06/2025",
            }
        ],
        sw_episodes=[
            {
                "CHILD": "C1",
                "DOB": "01/05/2012",
                "SW_ID": "SW77",
                "SW_DECOM": "10/04/2025",
                "SW_DEC": "03/05/2025",
                "SW_REASON": "FCONTA",
            },
            {
                "CHILD": "C1",
                "DOB": "01/05/2012",
                "SW_ID": "SW78",
                "SW_DECOM": "05/05/2025",
                "SW_DEC": "",  # still the social worker when care ended (SW17STG2)
                "SW_REASON": "MANAGE",
            },
        ],
    )
    result = import_ssda903(tables, year=YEAR)
    assert result.errors == []
    assert result.counts == {
        "header": 1,
        "episodes": 6,
        "reviews": 1,
        "missing": 1,
        "sw_episodes": 2,
    }
    child = Child.objects.get(la_child_id="C1")
    assert child.full_name == "Child C1"
    assert list(
        CareEpisode.objects.filter(child=child).values_list("reason_for_new_episode", flat=True)
    ) == ["P", "T", "L", "B", "P", "P"]
    assert PeriodOfCare.objects.get(child=child).reason_ceased == "E41"
    assert User.objects.get(username="SW77").display_name == "Social worker SW77"
    assert [
        (a.start_on.isoformat(), str(a.end_on))
        for a in Allocation.objects.filter(child=child).order_by("start_on")
    ] == [
        ("2025-04-10", "2025-05-03"),
        ("2025-05-05", "None"),  # still allocated
    ]
    rebuilt = build_ssda903(YEAR)
    for name in TABLES:
        assert rebuilt[name] == tables[name], name


@pytest.mark.django_db
def test_a_reason_for_new_episode_that_the_changes_contradict_is_refused():
    tables = a_return(
        header=[header("C2")],
        episodes=[
            episode(
                "C2", "01/05/2025", "S", DEC="01/06/2025", REC="X1", REASON_PLACE_CHANGE="CARPL"
            ),
            episode("C2", "01/06/2025", "T", PLACE_PROVIDER="PR4", PL_POST="WN9 9ZZ"),
        ],
    )
    result = import_ssda903(tables, year=YEAR)
    assert result.errors == [
        "episodes.csv row 2: child C2: RNE T, but the changes from the previous episode make it "
        "P (P and B: new carers; T and U: the same provider at the same postcode; L: legal "
        "status only)"
    ]
    assert not Child.objects.exists()


@pytest.mark.django_db
def test_service_refusals_name_the_table_row_and_child_and_nothing_is_kept():
    tables = a_return(
        header=[header("C3"), header("C4")],
        episodes=[
            episode("C3", "01/05/2025", "S"),
            episode("C4", "01/05/2025", "S", PLACE="T1", PLACE_PROVIDER=""),
        ],
        reviews=[
            {"CHILD": "C3", "DOB": "01/05/2012", "REVIEW": "20/04/2025", "REVIEW_CODE": "PN1"}
        ],
    )
    result = import_ssda903(tables, year=YEAR)
    assert result.errors == [
        "reviews.csv row 1: child C3: cla_review: held_on: Child C3 was not looked after on "
        "20 April 2025",
        "episodes.csv row 2: child C4: care_start: placement_type: Care cannot start with a "
        "temporary move (T0 to T4): record the placement the child went to",
    ]
    assert not Child.objects.exists()


@pytest.mark.django_db
def test_rows_that_cannot_be_read_are_reported_before_loading():
    tables = a_return(
        header=[header("C5"), header("C5"), header("C6", dob="31/02/2012")],
        episodes=[episode("C9", "01/05/2025", "S")],
        missing=[
            {
                "CHILD": "C5",
                "DOB": "01/05/2012",
                "MISSING": "X",
                "MIS_START": "02/06/2025",
                "MIS_END": "",
            }
        ],
    )
    result = import_ssda903(tables, year=YEAR)
    assert result.errors == [
        "header.csv row 2: child C5 is already in header row 1",
        "header.csv row 3: child C6: DOB '31/02/2012' is not a real date",
        "episodes.csv row 1: child C9 is not in header.csv",
    ]
    tables["header"] = [header("C5")]
    tables["episodes"] = [episode("C5", "01/05/2025", "S")]
    assert import_ssda903(tables, year=YEAR).errors == [
        "missing.csv row 1: child C5: MISSING 'X' must be M or A (rule 1006)"
    ]


@pytest.mark.django_db
def test_a_child_already_recorded_is_refused():
    tables = a_return(header=[header("C7")], episodes=[episode("C7", "01/05/2025", "S")])
    assert import_ssda903(tables, year=YEAR).ok
    again = import_ssda903(tables, year=YEAR)
    assert again.errors == [
        "header.csv row 1: child C7: child: child C7 is already recorded (load with "
        "--replace to load it again)",
        "episodes.csv row 1: child C7: care_start: start_on: Child C7 is already looked after, "
        "since 1 May 2025",
    ]
    assert CareEpisode.objects.count() == 1


def test_the_year_is_taken_from_the_latest_date():
    tables = a_return(
        episodes=[episode("C8", "01/05/2024", "S", DEC="01/03/2025", REC="E8")],
        missing=[
            {"CHILD": "C8", "DOB": "", "MISSING": "M", "MIS_START": "02/04/2025", "MIS_END": ""}
        ],
    )
    assert _year_of(tables) == YEAR
    tables["missing"] = []
    assert _year_of(tables) == YEAR.previous()


@pytest.mark.django_db
def test_a_care_leaver_in_oc3_loads_as_a_contact_on_the_birthday():
    tables = a_return(
        header=[header("C8", dob="15/09/2007")],
        episodes=[episode("C8", "01/05/2024", "S", LS="V2", DEC="01/03/2025", REC="E8")],
        oc3=[{"CHILD": "C8", "DOB": "15/09/2007", "IN_TOUCH": "YES", "ACTIV": "F2", "ACCOM": "D1"}],
    )
    result = import_ssda903(tables, year=YEAR)
    assert result.ok, result.errors
    rebuilt = build_ssda903(YEAR)
    assert rebuilt["oc3"] == tables["oc3"]


@pytest.mark.django_db
def test_a_sample_in_the_style_of_the_sector_validator_reports_precise_reasons(tmp_path):
    """The sector validator's fake data uses two-digit years and retired codes: each row that
    cannot load says why, and nothing is kept."""
    (tmp_path / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n538333,1,03/02/2006,WBRI,UN4,,\n",
        encoding="utf-8",
    )
    (tmp_path / "episodes.csv").write_text(
        ",".join(TABLES["episodes"])
        + "\n538333,21/07/2016,P,C2,N2,T3,PR1,24/04/17,X1,ALLEG,V26 3IN,Y27 2BR,9468114\n",
        encoding="utf-8",
    )
    result = import_ssda903(read_tables(tmp_path))
    assert result.errors == [
        "episodes.csv row 1: child 538333: DEC '24/04/17' is not a date written dd/mm/yyyy",
    ]
    tables = read_tables(tmp_path)
    tables["episodes"][0]["DEC"] = "24/04/2017"
    tables["episodes"][0]["REC"] = "E3"
    tables["episodes"][0]["REASON_PLACE_CHANGE"] = ""
    errors = import_ssda903(tables).errors
    assert errors == ["header.csv row 1: child 538333: sex '1' is not a Sex code (M, F, U)"]
    assert not Child.objects.exists()
