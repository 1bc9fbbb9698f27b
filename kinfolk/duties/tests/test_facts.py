"""The casework facts: every kind declared once, loaded in one query per kind and cut at a
date from its own declaration."""

import datetime as dt
from dataclasses import fields

from kinfolk.duties.facts import ChildCasework, ContactFact, EnquiryFact, fact_kinds

D = dt.date
CHILD_FIELDS = {"child_id", "date_of_birth", "date_of_death", "as_of"}


def test_every_field_but_the_childs_own_is_a_declared_kind_of_fact() -> None:
    declared = [name for name, _kind in fact_kinds()]
    assert set(declared) == {f.name for f in fields(ChildCasework)} - CHILD_FIELDS
    assert len(declared) == len(set(declared))


def test_the_cut_reads_each_kinds_declaration() -> None:
    casework = ChildCasework(
        child_id=1,
        date_of_birth=D(2015, 4, 3),
        date_of_death=None,
        contacts=(
            ContactFact(1, D(2025, 3, 3), D(2025, 3, 5)),
            ContactFact(2, D(2025, 3, 9), None),
        ),
        enquiries=(EnquiryFact(3, 4, D(2025, 3, 1), D(2025, 3, 6), False),),
        strategy_discussions=(D(2025, 3, 1), D(2025, 3, 7)),
        cla_reviews=((5, 6, D(2025, 3, 2)), (7, 6, D(2025, 3, 8))),
    )
    cut = casework.cut(D(2025, 3, 4))
    assert cut.as_of == D(2025, 3, 4)
    assert cut.contacts == (ContactFact(1, D(2025, 3, 3), None),)
    assert cut.enquiries == (EnquiryFact(3, 4, D(2025, 3, 1), None, None),)
    assert cut.strategy_discussions == (D(2025, 3, 1),)
    assert cut.cla_reviews == ((5, 6, D(2025, 3, 2)),)
