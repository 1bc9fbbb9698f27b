"""Break-the-glass: who may, what they must say, what it opens and for how long, who is told,
and the review of each use (kinfolk.access.break_glass)."""

import datetime as dt
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, make_child, signed_in
from kinfolk.access.models import AccessRecord, BreakGlassAccess, BreakGlassNotice
from kinfolk.access.reauth import SESSION_KEY
from kinfolk.access.roles import Role
from kinfolk.people.models import Child
from kinfolk.people.restrictions import restrict_record
from kinfolk.workforce.services import allocate_child, create_worker

pytestmark = pytest.mark.django_db

REASON = "Police have called: the boy is at the station and we need to reach his carers now."


def worker(username: str, role: Role, team=None, email: str = ""):
    user = create_worker(
        username=username,
        display_name=username.replace("_", " ").title(),
        role=role,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )
    if email:
        user.email = email
        user.save(update_fields=["email"])
    return user


@pytest.fixture
def named(other_team):
    """The member of staff the record is restricted to, in another team."""
    return worker("nia_named", Role.SOCIAL_WORKER, other_team, email="nia@example.org")


@pytest.fixture
def noah(team, manager, named, social_worker):
    """A restricted child held by ``team`` (whose manager is not named on the record)."""
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    allocate_child(child=noah, worker=social_worker, start_on=dt.date(2025, 1, 6))
    restrict_record(child=noah, users=[named], actor=named, reason="Staff relative")
    manager.email = "meg@example.org"
    manager.save(update_fields=["email"])
    return noah


@pytest.fixture
def hub(db):
    """A front door worker in no team: may break the glass."""
    return worker("fay_frontdoor", Role.FRONTDOOR)


def without_nonce(content: bytes) -> bytes:
    """A page without its script nonce and form token, which differ on every response."""
    return re.sub(rb'(nonce|value)="[^"]*"', b"", content)


def page(child: Child) -> str:
    return reverse("children:break-glass", args=[child.pk])


def test_the_page_is_refused_alike_to_those_who_may_not_break_the_glass(noah, analyst):
    client = signed_in(analyst)
    hidden = client.get(page(noah))
    missing = client.get(reverse("children:break-glass", args=[noah.pk + 1000]))
    assert (hidden.status_code, missing.status_code) == (403, 403)
    assert without_nonce(hidden.content) == without_nonce(missing.content)
    assert not BreakGlassAccess.objects.exists()


def test_the_page_needs_a_recent_sign_in(noah, hub):
    client = signed_in(hub)
    session = client.session
    session[SESSION_KEY] = int(time.time()) - 3600
    session.save()
    response = client.get(page(noah))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reauthenticate"))


def test_only_a_restricted_record_can_be_opened(child, hub):
    client = signed_in(hub)
    assert client.get(page(child)).status_code == 404
    assert client.get(reverse("children:break-glass", args=[child.pk + 1000])).status_code == 404


def test_the_page_says_nothing_of_the_child(noah, hub):
    content = without_nonce(signed_in(hub).get(page(noah)).content).decode()
    assert "Break the glass on a restricted record" in content
    assert "Noah" not in content and "C2" not in content


@pytest.mark.parametrize(
    "reason", ["", "Urgent", "Need it now please", "   police   called   "], ids=repr
)
def test_the_reason_must_be_at_least_a_sentence(noah, hub, reason):
    response = signed_in(hub).post(page(noah), {"reason": reason})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert not BreakGlassAccess.objects.exists()
    assert not AccessRecord.objects.filter(action="break-glass").exists()


def test_breaking_the_glass_opens_the_record_for_hours_and_tells_its_managers(
    noah, hub, manager, named, settings, django_capture_on_commit_callbacks
):
    settings.KINFOLK_BREAK_GLASS_HOURS = 3
    client = signed_in(hub)
    detail = reverse("children:detail", args=[noah.pk])
    assert client.get(detail).status_code == 404
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page(noah), {"reason": REASON}, REMOTE_ADDR="10.7.7.7")
    assert response["Location"] == detail
    use = BreakGlassAccess.objects.get()
    assert (use.child, use.user, use.reason) == (noah, hub, REASON)
    assert dt.timedelta(hours=3) <= use.expires_at - before < dt.timedelta(hours=3, minutes=1)
    opened = client.get(detail)
    assert opened.status_code == 200
    assert "You opened this restricted record with break-the-glass" in opened.content.decode()
    assert list(Child.objects.visible_to(hub)) == [noah]

    logged = AccessRecord.objects.get(action="break-glass")
    assert (logged.child, logged.user, logged.source) == (noah, hub, "10.7.7.7")
    assert logged.what == REASON[:200]

    told = set(BreakGlassNotice.objects.values_list("user__username", flat=True))
    assert told == {"meg_manager", "nia_named"}
    assert sorted(message.to[0] for message in mail.outbox) == [
        "meg@example.org",
        "nia@example.org",
    ]
    body = mail.outbox[0].body
    assert "Fay Frontdoor broke the glass" in body and "C2" in body
    assert "Noah" not in body and "Police" not in body
    assert reverse("access:notices") in body


def test_the_opening_ends_when_its_time_is_up(noah, hub):
    signed_in(hub).post(page(noah), {"reason": REASON})
    BreakGlassAccess.objects.update(
        opened_at=timezone.now() - dt.timedelta(hours=5),
        expires_at=timezone.now() - dt.timedelta(seconds=1),
    )
    assert signed_in(hub).get(reverse("children:detail", args=[noah.pk])).status_code == 404
    assert list(Child.objects.visible_to(hub)) == []


def test_the_opening_is_for_the_one_who_broke_the_glass(noah, hub, analyst):
    signed_in(hub).post(page(noah), {"reason": REASON})
    assert list(Child.objects.visible_to(analyst)) == []


def test_the_restricted_record_page_offers_the_glass_to_those_who_may(noah, hub, analyst):
    detail = reverse("children:detail", args=[noah.pk])
    offered = signed_in(hub).get(detail)
    assert offered.status_code == 404
    assert f'href="{page(noah)}"' in offered.content.decode()
    assert page(noah) not in signed_in(analyst).get(detail).content.decode()


def test_the_notices_page_lists_the_uses_the_user_was_told_of(noah, hub, manager):
    signed_in(hub).post(page(noah), {"reason": REASON})
    client = signed_in(manager)
    home = client.get(reverse("children:search")).content.decode()
    assert "1 break-the-glass notice" in home
    notices = client.get(reverse("access:notices"))
    content = notices.content.decode()
    assert "Fay Frontdoor" in content and "C2" in content and REASON in content
    assert "Noah" not in content
    client.post(reverse("access:notices"))
    assert BreakGlassNotice.objects.get(user=manager).read_at is not None
    assert "break-the-glass notice" not in client.get(reverse("children:search")).text


def test_each_use_is_reviewed_by_the_head_of_service_or_information_governance(
    noah, hub, head_of_service, manager
):
    signed_in(hub).post(page(noah), {"reason": REASON})
    use = BreakGlassAccess.objects.get()
    signed_in(hub).get(reverse("children:identity", args=[noah.pk]))
    assert signed_in(manager).get(reverse("access:reviews")).status_code == 403
    client = signed_in(head_of_service)
    queue = client.get(reverse("access:reviews"))
    assert [item.pk for item in queue.context["page"].object_list] == [use.pk]
    review_url = reverse("access:review", args=[use.pk])
    detail = client.get(review_url)
    assert [r.what for r in detail.context["records"]] == [
        REASON[:200],
        "Child record: identity",
    ]
    empty = client.post(review_url, {"note": ""})
    assert empty.context["form"].errors["note"] == ["Say what the review found"]
    response = client.post(review_url, {"note": "An emergency: the police needed the carer."})
    assert response["Location"] == reverse("access:reviews")
    use.refresh_from_db()
    assert (use.reviewed_by, use.review_note) == (
        head_of_service,
        "An emergency: the police needed the carer.",
    )
    assert list(client.get(reverse("access:reviews")).context["page"].object_list) == []


def test_nobody_reviews_their_own_use(noah, head_of_service):
    signed_in(head_of_service).post(page(noah), {"reason": REASON})
    use = BreakGlassAccess.objects.get()
    response = signed_in(head_of_service).post(
        reverse("access:review", args=[use.pk]), {"note": "All fine, I was there."}
    )
    assert response.context["form"].errors["note"] == ["Someone else must review your own use"]
    use.refresh_from_db()
    assert use.reviewed_at is None


def test_a_named_user_need_not_break_the_glass(noah, named):
    response = signed_in(named).get(page(noah))
    assert response["Location"] == reverse("children:detail", args=[noah.pk])
