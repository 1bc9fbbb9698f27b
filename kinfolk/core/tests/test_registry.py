"""Registries the apps declare into (kinfolk.core.registry)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from kinfolk.core.registry import DutyPage, Registry


def test_entries_keep_the_order_they_were_declared_in():
    pages: Registry[str, DutyPage] = Registry("duty page")
    pages.register("rha", DutyPage("care:child-care", "Care"))
    pages.register("assessment-45wd", DutyPage("casework:child-casework", "Casework"))
    assert list(pages) == ["rha", "assessment-45wd"]
    assert pages["rha"] == DutyPage("care:child-care", "Care")
    assert "pep-20wd" not in pages
    assert pages.get("pep-20wd") is None


def test_the_same_declaration_twice_is_harmless_but_a_second_claim_is_refused():
    pages: Registry[str, DutyPage] = Registry("duty page")
    pages.register("rha", DutyPage("care:child-care", "Care"))
    pages.register("rha", DutyPage("care:child-care", "Care"))
    with pytest.raises(ImproperlyConfigured, match="The duty page 'rha' is declared twice"):
        pages.register("rha", DutyPage("casework:child-casework", "Casework"))
    assert pages["rha"] == DutyPage("care:child-care", "Care")


def test_an_undeclared_entry_says_where_to_declare_it():
    pages: Registry[str, DutyPage] = Registry("duty page")
    with pytest.raises(LookupError, match=r"declares it in its registrations\.py"):
        pages["rha"]
