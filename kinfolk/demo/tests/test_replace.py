"""Loading the demo authority again in place of the one already loaded."""

import datetime as dt
import io

import pytest
from django.apps import apps
from django.core.management import call_command

from kinfolk.access.models import AccessRecord
from kinfolk.care.models import CareEpisode
from kinfolk.people.models import Child

AS_OF = dt.date(2026, 11, 2)


def _counts() -> dict[str, int]:
    """How many records of each kind the database holds, but for those that outlive a
    deletion by design: the history of changes and the access log."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model.__name__.startswith("Historical") and model is not AccessRecord
    }


def _load(out, *options: str) -> str:
    printed = io.StringIO()
    call_command(
        "demo",
        "--size",
        "small",
        "--seed",
        "1",
        "--as-of",
        AS_OF.isoformat(),
        "--out",
        str(out),
        *options,
        stdout=printed,
    )
    return printed.getvalue()


@pytest.mark.demo
@pytest.mark.django_db
def test_the_demo_authority_replaces_itself(tmp_path):
    _load(tmp_path / "first.jsonl")
    # What the first load holds includes records that protect others (a care episode its
    # placement), which a plain deletion of the children refuses to remove.
    assert CareEpisode.objects.filter(placement__isnull=False).exists()
    loaded = _counts()

    printed = _load(tmp_path / "second.jsonl", "--replace")

    assert "Loaded " in printed
    assert (tmp_path / "second.jsonl").read_bytes() == (tmp_path / "first.jsonl").read_bytes()
    assert Child.objects.count() == 726
    assert _counts() == loaded
