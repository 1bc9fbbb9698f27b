"""Generated returns are kept as built; once submitted they never change, and next year's
continuity rules read last year's submitted SSDA903 return."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.returns import services
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.models import BuildStatus, Submission

pytestmark = pytest.mark.django_db

YEAR = CollectionYear.parse("2025-26")
TABLES = {
    "header": [
        {
            "CHILD": "C1",
            "SEX": "1",
            "DOB": "03/04/2015",
            "ETHNIC": "WBRI",
            "UPN": "",
            "MOTHER": "",
            "MC_DOB": "",
        }
    ]
}


@pytest.fixture
def fake_builders(monkeypatch):
    """Stand-ins for the other engineers' builders, so these tests test only the keeping."""
    built: list[str] = []

    def build_file(kind, *, year, as_of):
        built.append(kind)
        if kind == "ssda903":
            return services.zip_tables(TABLES)
        return f"<{kind} {year.label if year else as_of}/>".encode()

    monkeypatch.setattr(services, "build_file", build_file)
    return built


def test_the_current_collection_year_runs_april_to_march():
    assert services.collection_year_of(dt.date(2026, 11, 22)).label == "2026-27"
    assert services.collection_year_of(dt.date(2026, 4, 1)).label == "2026-27"
    assert services.collection_year_of(dt.date(2026, 3, 31)).label == "2025-26"


def test_generate_stores_the_file_as_built(fake_builders, analyst):
    submission = services.generate_submission(kind="cin-census", year=YEAR, actor=analyst)
    submission.refresh_from_db()
    assert bytes(submission.content) == b"<cin-census 2025-26/>"
    assert (submission.status, submission.year, submission.as_of) == (
        BuildStatus.READY,
        "2025-26",
        None,
    )
    assert submission.generated_by == analyst
    assert not submission.is_submitted
    assert submission.filename == "cin-census-2025-26.xml"


def test_annex_a_is_kept_by_its_date(fake_builders, analyst):
    submission = services.generate_submission(
        kind="annex-a", as_of=dt.date(2026, 3, 31), year=YEAR, actor=analyst
    )
    assert (submission.year, submission.as_of) == ("", dt.date(2026, 3, 31))
    assert submission.filename == "annex-a-2026-03-31.xlsx"


def test_annex_a_needs_its_date(analyst):
    with pytest.raises(ValidationError) as error:
        services.generate_submission(kind="annex-a", actor=analyst)
    assert error.value.message_dict == {"as_of": ["Enter the date of the lists"]}
    assert not Submission.objects.exists()


def test_a_builder_not_ready_yet_fails_the_build_with_a_reason(monkeypatch, analyst):
    def not_ready(kind, *, year, as_of):
        raise NotImplementedError

    monkeypatch.setattr(services, "build_file", not_ready)
    submission = services.generate_submission(kind="ssda903", year=YEAR, actor=analyst)
    assert submission.status == BuildStatus.FAILED
    assert submission.problem == "This return cannot be built yet."


def test_a_submitted_return_never_changes(fake_builders, analyst, manager):
    submission = services.generate_submission(kind="ssda903", year=YEAR, actor=analyst)
    services.mark_submitted(submission=submission, actor=manager)
    submission.refresh_from_db()
    content, submitted_at = bytes(submission.content), submission.submitted_at
    assert submission.submitted_by == manager and submitted_at is not None

    with pytest.raises(ValidationError) as error:
        services.mark_submitted(submission=submission, actor=analyst)
    assert "already marked as submitted" in error.value.message_dict["submission"][0]
    with pytest.raises(ValidationError):
        services.delete_submission(submission=submission, actor=analyst)
    assert services.finish_submission(submission.pk).status == BuildStatus.READY

    submission.refresh_from_db()
    assert bytes(submission.content) == content
    assert (submission.submitted_at, submission.submitted_by) == (submitted_at, manager)


def test_a_second_submission_of_the_same_return_and_year_is_refused(fake_builders, analyst):
    first = services.generate_submission(kind="cin-census", year=YEAR, actor=analyst)
    second = services.generate_submission(kind="cin-census", year=YEAR, actor=analyst)
    services.mark_submitted(submission=first, actor=analyst)
    with pytest.raises(ValidationError) as error:
        services.mark_submitted(submission=second, actor=analyst)
    assert error.value.message_dict == {
        "submission": ["A CIN census for 2025-26 has already been submitted."]
    }
    second.refresh_from_db()
    assert not second.is_submitted
    other_year = services.generate_submission(
        kind="cin-census", year=YEAR.previous(), actor=analyst
    )
    assert services.mark_submitted(submission=other_year, actor=analyst).is_submitted


def test_an_unsubmitted_return_may_be_thrown_away(fake_builders, analyst):
    submission = services.generate_submission(kind="cin-census", year=YEAR, actor=analyst)
    services.delete_submission(submission=submission, actor=analyst)
    assert not Submission.objects.exists()


def test_a_return_still_building_cannot_be_submitted(analyst):
    submission = services.start_submission(kind="cin-census", year=YEAR, actor=analyst)
    with pytest.raises(ValidationError):
        services.mark_submitted(submission=submission, actor=analyst)
    submission.refresh_from_db()
    assert submission.submitted_at is None


def test_previous_ssda903_is_last_years_submitted_return(fake_builders, analyst):
    assert services.previous_ssda903(YEAR) is None
    last_year = services.generate_submission(kind="ssda903", year=YEAR.previous(), actor=analyst)
    assert services.previous_ssda903(YEAR) is None  # built, but never sent
    services.mark_submitted(submission=last_year, actor=analyst)
    previous = services.previous_ssda903(YEAR)
    assert previous is not None
    assert previous["header"] == TABLES["header"]
    assert services.previous_ssda903(CollectionYear.parse("2026-27")) is None
