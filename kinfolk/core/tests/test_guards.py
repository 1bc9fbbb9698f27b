"""Guards: one message for the service's refusal and the page's explanation."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from kinfolk.core.dates import long_date, long_datetime
from kinfolk.core.guards import Guard, first_refusal
from kinfolk.core.working_days import LONDON

IS_OPEN = Guard(name="is-open", message="%(subject)s is closed", holds=lambda s: s == "open")
HAS_FIELD = Guard(name="dated", message="Enter a date first", holds=bool, field="on")


def test_a_guard_that_holds_refuses_nothing():
    assert IS_OPEN.refusal("open") == ""
    IS_OPEN.check("open")


def test_a_guard_that_fails_gives_the_same_message_to_the_page_and_the_service():
    assert IS_OPEN.refusal("shut") == "shut is closed"
    with pytest.raises(ValidationError) as raised:
        IS_OPEN.check("shut")
    assert raised.value.messages == ["shut is closed"]
    assert raised.value.code == "is-open"


def test_a_guard_about_a_field_refuses_next_to_it():
    with pytest.raises(ValidationError) as raised:
        HAS_FIELD.check("")
    assert raised.value.message_dict == {"on": ["Enter a date first"]}


def test_the_first_guard_that_fails_is_the_one_shown():
    assert first_refusal([IS_OPEN, HAS_FIELD], "") == " is closed"
    assert first_refusal([HAS_FIELD, IS_OPEN], "") == "Enter a date first"
    assert first_refusal([IS_OPEN], "open") == ""


def test_dates_read_as_a_worker_writes_them():
    assert long_date(dt.date(2025, 3, 3)) == "3 March 2025"
    summer = dt.datetime(2025, 7, 1, 13, 30, tzinfo=dt.UTC)
    assert long_datetime(summer) == "1 July 2025 at 14:30"
    assert long_datetime(summer.astimezone(LONDON)) == "1 July 2025 at 14:30"


def test_the_template_filters_write_the_same():
    template = Template(
        "{% load govuk %}{{ day|long_date }}|{{ moment|long_datetime }}|{{ none|long_date }}"
    )
    rendered = template.render(
        Context(
            {"day": dt.date(2026, 12, 25), "moment": dt.datetime(2026, 1, 5, 9, 5, tzinfo=dt.UTC)}
        )
    )
    assert rendered == "25 December 2026|5 January 2026 at 09:05|"
