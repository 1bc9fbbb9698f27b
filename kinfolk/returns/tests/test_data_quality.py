"""The stored data quality (``returns.data_quality``) with the real CIN census and SSDA903
rules: a failure introduced and fixed through the services goes from the page without a full
check, the children marked on ``casework_changed``, the rules comparing children, and the
sweep."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.casework.services.episodes import open_referral
from kinfolk.core.events import casework_changed
from kinfolk.people.services import update_child
from kinfolk.returns import data_quality, services
from kinfolk.returns.models import DataQualityFailure, DataQualityRecheck, DataQualitySnapshot

pytestmark = pytest.mark.django_db

#: Well-formed UPNs (check letter right, LA code 201).
UPN = "P201123456789"


@pytest.fixture
def checks(monkeypatch):
    """Every call of ``check_returns``: the year and the children asked for (None: all)."""
    calls: list[tuple[str, list[int] | None]] = []
    real = services.check_returns

    def counted(year, *, child_ids=None):
        ids = sorted(child_ids) if child_ids is not None else None
        calls.append((year.label, ids))
        return real(year, child_ids=child_ids)

    monkeypatch.setattr(services, "check_returns", counted)
    return calls


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what a service sends on commit (``casework_changed``), as after a real request."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def census_child(la_child_id: str, **identity) -> object:
    """A school-age child in this year's CIN census: a referral taken further this year."""
    values = {"upn_unknown": "UN2", "disabilities": ["NONE"], **identity}
    child = make_child(la_child_id=la_child_id, first_name=la_child_id, **values)
    year = services.current_year()
    open_referral(child=child, referral_on=year.start + dt.timedelta(days=40), source="1A")
    return child


def stored(*, rule: str = "", child=None) -> list[tuple[str, str, str]]:
    failures = DataQualityFailure.objects.filter(snapshot__year=services.current_year().label)
    if rule:
        failures = failures.filter(rule=rule)
    if child is not None:
        failures = failures.filter(child=child)
    return sorted(failures.values_list("rule", "la_child_id", "field"))


def page_rules(client, child) -> set[str]:
    response = client.get(reverse("returns:data-quality"))
    return {row.failure.rule for row in response.context["rows"] if row.child == child}


def test_a_failure_fixed_through_a_service_goes_without_a_full_check(analyst, checks, commit):
    lily = census_child("C1")
    client = signed_in(analyst)
    label = services.current_year().label
    assert "8770Q" not in page_rules(client, lily)
    assert checks == [(label, None)]

    commit(update_child, child=lily, actor=analyst, upn_unknown="")
    assert list(DataQualityRecheck.objects.values_list("child_id", flat=True)) == [lily.pk]
    assert checks == [(label, None)], "nothing is rebuilt when the casework changes"
    assert "8770Q" in page_rules(client, lily)
    assert checks == [(label, None), (label, [lily.pk])]
    assert not DataQualityRecheck.objects.exists()

    commit(update_child, child=lily, actor=analyst, upn_unknown="UN2")
    assert "8770Q" not in page_rules(client, lily)
    assert checks == [(label, None), (label, [lily.pk]), (label, [lily.pk])]

    assert "8770Q" not in page_rules(client, lily)
    assert len(checks) == 3, "a page with nothing marked rebuilds nothing"


def test_casework_changed_only_marks_the_children_in_every_stored_year(checks):
    year = services.current_year()
    data_quality.check_everything(year)
    data_quality.check_everything(year.previous())
    before = list(checks)
    children = [make_child(la_child_id=f"M{n}", first_name=f"M{n}") for n in range(3)]
    casework_changed.send(sender=None, child_ids=[child.pk for child in children])
    assert checks == before
    marked = DataQualityRecheck.objects.values_list("snapshot__year", "child_id")
    assert sorted(marked) == sorted(
        (label, child.pk) for label in (year.label, year.previous().label) for child in children
    )


def test_nothing_is_marked_before_a_year_is_first_checked():
    child = make_child()
    casework_changed.send(sender=None, child_ids=[child.pk])
    assert not DataQualityRecheck.objects.exists()


def test_a_mark_written_during_a_recheck_is_kept(monkeypatch):
    lily = census_child("C1")
    year = services.current_year()
    snapshot = data_quality.check_everything(year)
    data_quality.mark_children_changed([lily.pk])
    real = services.check_returns

    def changed_meanwhile(year, *, child_ids=None):
        data_quality.mark_children_changed([lily.pk])  # another process, mid-recheck
        return real(year, child_ids=child_ids)

    monkeypatch.setattr(services, "check_returns", changed_meanwhile)
    assert data_quality.recheck_marked(snapshot) == 1
    assert DataQualityRecheck.objects.filter(child=lily).count() == 1


def test_the_same_upn_given_to_a_second_child_fails_both_and_clears_for_both(
    analyst, checks, commit
):
    """CIN 1520 and SSDA903 444 compare children: the child holding the UPN already is
    checked again with the one given it, and cleared again with them."""
    first = census_child("C1", upn=UPN, upn_unknown="")
    second = census_child("C2")
    year = services.current_year()
    data_quality.data_quality(year)
    assert stored(rule="1520") == []

    commit(update_child, child=second, actor=analyst, upn=UPN, upn_unknown="")
    data_quality.data_quality(year)
    assert stored(rule="1520") == [("1520", "C1", "UPN"), ("1520", "C2", "UPN")]
    assert checks[-1] == (year.label, sorted([first.pk, second.pk]))

    commit(update_child, child=second, actor=analyst, upn="", upn_unknown="UN2")
    data_quality.data_quality(year)
    assert stored(rule="1520") == []


def test_whole_return_failures_wait_for_the_full_check(analyst, commit):
    """CIN 2887Q (fewer than 8 disability codes used) is about the whole return: a recheck of
    one child neither drops it nor adds it again."""
    lily = census_child("C1")
    year = services.current_year()
    data_quality.data_quality(year)
    assert ("2887Q", "", "Disability") in stored(rule="2887Q")
    commit(update_child, child=lily, actor=analyst, upn_unknown="")
    data_quality.data_quality(year)
    assert stored(rule="2887Q") == [("2887Q", "", "Disability")]


def test_rechecking_every_child_agrees_with_the_full_check(analyst, commit):
    children = [census_child(f"C{n}") for n in range(3)]
    commit(update_child, child=children[1], actor=analyst, upn=UPN, upn_unknown="")
    year = services.current_year()
    data_quality.data_quality(year)
    for child in children:
        commit(update_child, child=child, actor=analyst, upn_unknown="")
    data_quality.data_quality(year)
    incremental = stored()
    data_quality.check_everything(year)
    assert stored() == incremental
    assert ("8770Q", "C0", "UPNunknown") in incremental


def test_check_everything_again_runs_the_full_check(analyst, checks):
    client = signed_in(analyst)
    label = services.current_year().label
    page = client.get(reverse("returns:data-quality"))
    assert "Checked at" in page.text and "Check everything again" in page.text
    response = client.post(reverse("returns:data-quality"), {"year": label})
    assert response.status_code == 302
    assert response.url == f"{reverse('returns:data-quality')}?year={label}"
    assert checks == [(label, None), (label, None)]


def test_only_analysts_and_managers_check_everything_again(worker_client, checks):
    response = worker_client.post(reverse("returns:data-quality"), {})
    assert response.status_code == 403
    assert checks == []
    assert not DataQualitySnapshot.objects.exists()


def test_the_sweep_checks_every_stored_year_and_clears_the_marks(checks):
    lily = census_child("C1")
    year = services.current_year()
    data_quality.check_everything(year)
    data_quality.mark_children_changed([lily.pk])
    checks.clear()
    call_command("returns", "data-quality", "--sweep")
    assert checks == [(year.label, None)]
    assert not DataQualityRecheck.objects.exists()

    call_command("returns", "data-quality", "--sweep", "--year", year.previous().label)
    assert checks[-1] == (year.previous().label, None)
    assert sorted(DataQualitySnapshot.objects.values_list("year", flat=True)) == sorted(
        [year.label, year.previous().label]
    )


def test_the_sweep_with_nothing_stored_checks_the_current_year(capsys):
    call_command("returns", "data-quality", "--sweep")
    label = services.current_year().label
    assert DataQualitySnapshot.objects.get().year == label
    assert capsys.readouterr().out.startswith(f"{label}: ")
