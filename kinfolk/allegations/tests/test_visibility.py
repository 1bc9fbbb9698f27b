"""Who may read an allegation (docs/allegations.md): the LADO, and those it names. A social
worker who may open the child cannot read the allegation's pages, its entries in the child's
chronology or on the Summary, or its duty in their work, until the LADO names them."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.allegations.models import Allegation
from kinfolk.allegations.services import name_reader, record_initial_consideration
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.duties.engine import recompute_children
from kinfolk.duties.models import Duty
from kinfolk.duties.work import work_for
from kinfolk.people.models import Child

SUMMARY = "Allegation received about an adult who works with children"


@pytest.fixture
def significant(allegation):
    """The allegation's entry marked significant, so that the Summary would list it."""
    ChronologyEntry.objects.filter(kind="allegation").update(is_significant=True)
    return allegation


def pages(allegation):
    pk = allegation.pk
    return [
        reverse("allegations:detail", args=[pk]),
        reverse("allegations:consider", args=[pk]),
        reverse("allegations:meeting", args=[pk]),
        reverse("allegations:outcome", args=[pk]),
        reverse("allegations:close", args=[pk]),
        reverse("allegations:reader-add", args=[pk]),
    ]


def test_a_social_worker_who_may_open_the_child_cannot_read_the_allegation(
    significant, held_child, social_worker
):
    client = signed_in(social_worker)
    assert client.get(reverse("children:detail", args=[held_child.pk])).status_code == 200
    response = client.get(reverse("allegations:detail", args=[significant.pk]))
    assert response.status_code == 404
    assert "Pat Example" not in response.content.decode()
    assert AccessRecord.objects.filter(
        user=social_worker, child=held_child, action="refused", what="Allegation"
    ).exists()
    for url in pages(significant)[1:]:
        assert client.get(url).status_code in (403, 404), url
    chronology = client.get(reverse("children:chronology", args=[held_child.pk]))
    assert SUMMARY not in chronology.content.decode()
    summary = client.get(reverse("children:detail", args=[held_child.pk]))
    assert SUMMARY not in summary.content.decode()


def test_once_named_they_read_it_but_do_not_manage_it(significant, held_child, social_worker, lado):
    name_reader(
        allegation=significant, user=social_worker, reason="The child's social worker", actor=lado
    )
    client = signed_in(social_worker)
    response = client.get(reverse("allegations:detail", args=[significant.pk]))
    assert response.status_code == 200
    assert "Pat Example" in response.content.decode()
    assert "Record the initial consideration" not in response.content.decode()
    assert AccessRecord.objects.filter(
        user=social_worker, child=held_child, action="view", what="Allegation"
    ).exists()
    assert client.get(reverse("allegations:consider", args=[significant.pk])).status_code == 403
    chronology = client.get(reverse("children:chronology", args=[held_child.pk]))
    assert SUMMARY in chronology.content.decode()
    assert SUMMARY in client.get(reverse("children:detail", args=[held_child.pk])).content.decode()


def test_the_lado_reads_it_everywhere(significant, held_child, lado):
    client = signed_in(lado)
    assert client.get(reverse("allegations:detail", args=[significant.pk])).status_code == 200
    chronology = client.get(reverse("children:chronology", args=[held_child.pk]))
    assert SUMMARY in chronology.content.decode()


def test_the_head_of_service_is_not_a_reader_unless_named(significant, head_of_service):
    assert not Allegation.objects.visible_to(head_of_service).exists()
    assert Allegation.objects.visible_to(None).count() == 0


def test_read_by_leaves_the_entry_out_in_the_same_query(
    significant, held_child, social_worker, lado, django_assert_num_queries
):
    def entries(user):
        return list(
            held_child.chronology_entries.read_by(
                Child.objects.visible_to(user), reader=user
            ).filter(kind="allegation")
        )

    with django_assert_num_queries(1):
        assert entries(social_worker) == []
    assert len(entries(lado)) == 1


def test_the_duty_is_in_no_one_elses_work(allegation, held_child, social_worker, lado):
    recompute_children([held_child.pk])
    assert Duty.objects.filter(rule="lado-initial-1wd").count() == 1
    horizon_day = dt.date(2025, 12, 1)
    work = work_for(
        Child.objects.filter(pk=held_child.pk),
        action_owners=[social_worker],
        today=horizon_day,
        viewer=social_worker,
    )
    assert [d.rule for d in work.overdue + work.due_soon if d.rule == "lado-initial-1wd"] == []
    response = signed_in(social_worker).get(reverse("duties:my-work"))
    assert "Consider the allegation" not in response.content.decode()
    name_reader(allegation=allegation, user=social_worker, reason="Named", actor=lado)
    work = work_for(
        Child.objects.filter(pk=held_child.pk),
        action_owners=[social_worker],
        today=horizon_day,
        viewer=social_worker,
    )
    assert [d.rule for d in work.due_soon] == ["lado-initial-1wd"]


def test_the_lado_sees_the_duty_in_their_workspace(allegation, held_child, lado):
    recompute_children([held_child.pk])
    response = signed_in(lado).get(reverse("home"))
    content = response.content.decode()
    assert "Initial considerations to make" in content
    assert "Overdue" in content
    assert "Pat Example" in content
    record_initial_consideration(
        allegation=allegation,
        considered_on=dt.date(2025, 12, 1),
        outcome="police",
        rationale="R",
        actor=lado,
    )
    recompute_children([held_child.pk])
    content = signed_in(lado).get(reverse("home")).content.decode()
    assert "No initial consideration is waiting." in content


def test_the_export_of_a_childs_record_holds_the_allegation(
    allegation, held_child, second_child, lado
):
    from kinfolk.allegations.services import AgreedAction, add_child_to_allegation, record_meeting
    from kinfolk.records.collect import collect_child_record

    add_child_to_allegation(allegation=allegation, child=second_child, actor=lado)
    record_meeting(
        allegation=allegation,
        held_on=dt.date(2025, 12, 3),
        attendees="Ann",
        actions=[AgreedAction("Do it", "Ben", dt.date(2025, 12, 9))],
        actor=lado,
    )
    records = collect_child_record(held_child)
    types = [r.type for r in records]
    for kind in (
        "allegations.allegation",
        "allegations.allegationchild",
        "allegations.allegationmeeting",
        "allegations.meetingaction",
    ):
        assert kind in types, kind
    links = [r for r in records if r.type == "allegations.allegationchild"]
    # The other child concerned is not named in this child's record.
    assert [r.fields["child"] for r in links] == [held_child.la_child_id]
    allegation_record = next(r for r in records if r.type == "allegations.allegation")
    assert allegation_record.fields["person_name"] == "Pat Example"
