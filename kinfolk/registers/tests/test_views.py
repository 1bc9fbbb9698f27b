import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.registers import services
from kinfolk.registers.models import HomeEducation, YoungCarer

D = dt.date
REQUESTED = D(2026, 3, 2)
pytestmark = pytest.mark.django_db


def _carer(child, requested=REQUESTED):
    return services.register_young_carer(
        child=child,
        registered_on=D(2026, 3, 2),
        cares_for="Father",
        need="disability",
        assessment_requested_on=requested,
    )


def test_the_child_page_shows_the_flag_and_logs_the_access(child, cp_plan, manager, worker_client):
    services.record_home_education_consent(
        child=child,
        requested_on=D(2026, 3, 1),
        decided_on=D(2026, 3, 2),
        decision="granted",
        reason="Tutor",
        actor=manager,
    )
    services.start_home_education(
        child=child, notice_on=D(2026, 3, 3), started_on=D(2026, 3, 4), next_review_on=D(2026, 9, 4)
    )
    response = worker_client.get(reverse("registers:child-registers", args=[child.pk]))
    assert response.status_code == 200
    assert (
        "Not in school with an open case: open child in need case, child protection plan"
        in response.text
    )
    assert AccessRecord.objects.filter(child_id=child.pk, what="Child record: registers").exists()
    summary = worker_client.get(reverse("children:detail", args=[child.pk]))
    assert "Not in school with an open case" in summary.text
    work = worker_client.get(reverse("duties:my-work"))
    assert "On the children not in school register" in work.text


def test_recording_home_education_is_refused_without_consent_and_nothing_saved(
    child, cp_plan, worker_client
):
    url = reverse("registers:home-create", args=[child.pk])
    assert worker_client.get(url).status_code == 200
    response = worker_client.post(
        url,
        {
            "notice_on_day": "3",
            "notice_on_month": "3",
            "notice_on_year": "2026",
            "started_on_day": "4",
            "started_on_month": "3",
            "started_on_year": "2026",
            "next_review_on_day": "4",
            "next_review_on_month": "9",
            "next_review_on_year": "2026",
        },
    )
    assert response.status_code == 200
    assert (
        "record the council&#x27;s decision on consent before recording home education"
        in response.text
    )
    assert not HomeEducation.objects.exists()


def test_a_young_carer_is_registered_from_the_page(child, worker_client):
    url = reverse("registers:young-carer-create", args=[child.pk])
    response = worker_client.post(
        url,
        {
            "registered_on_day": "2",
            "registered_on_month": "3",
            "registered_on_year": "2026",
            "cares_for": "Mother",
            "need": "illness",
        },
    )
    assert response.status_code == 302
    assert YoungCarer.objects.get().cares_for == "Mother"
    assert worker_client.post(url, {"cares_for": ""}).status_code == 200
    assert YoungCarer.objects.count() == 1


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("name", ["young-carers", "waiting", "missing", "home", "homeless"])
def test_the_lists_read_as_many_queries_for_one_entry_as_for_many(name, worker_client):
    url = reverse(f"registers:{name}")
    for n in range(1):
        _entry(name, make_child(la_child_id=f"A{n}", date_of_birth=D(2009, 6, 1)))
    one, _ = _count(worker_client, url)
    for n in range(1, 5):
        _entry(name, make_child(la_child_id=f"A{n}", date_of_birth=D(2009, 6, 1)))
    many, response = _count(worker_client, url)
    assert one == many
    assert "Showing 5 of 5" in response.text
    assert AccessRecord.objects.filter(what__isnull=False, child__isnull=False).exists()


def _entry(name, child):
    if name in ("young-carers", "waiting"):
        _carer(child)
    elif name == "missing":
        services.report_missing_education(
            child=child, reported_on=D(2026, 2, 1), reported_by="School", reason="Off roll"
        )
    elif name == "home":
        services.start_home_education(
            child=child,
            notice_on=D(2026, 3, 3),
            started_on=D(2026, 3, 4),
            next_review_on=D(2026, 9, 4),
        )
    else:
        services.record_homeless_presentation(
            child=child, presented_on=D(2026, 3, 2), presented_by="Self"
        )


def test_the_waiting_list_shows_days_waiting_oldest_first(worker_client, today):
    _carer(make_child(la_child_id="W1", first_name="Newer"), requested=today - dt.timedelta(days=3))
    _carer(
        make_child(la_child_id="W2", first_name="Older"), requested=today - dt.timedelta(days=40)
    )
    text = worker_client.get(reverse("registers:waiting")).text
    assert text.index("Older") < text.index("Newer")
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">40</td>' in text


def test_an_analyst_may_not_see_the_registers(analyst):
    assert signed_in(analyst).get(reverse("registers:young-carers")).status_code == 403
