"""factory-boy factory for a child. All data is synthetic.

A child is recorded through ``create_child``, as ``conftest.make_child`` records one, so that
the fields the service derives (the folded names and phonetic keys that search reads) are set
and the child has the chronology entry of their birth. The defaults are ``make_child``'s but
for the child ID, which is unique to each child the factory makes.
"""

import datetime as dt

import factory

from kinfolk.core.codes import Ethnicity, Sex
from kinfolk.people.models import Child
from kinfolk.people.services import create_child


class ChildFactory(factory.django.DjangoModelFactory):
    """A child. ``disabilities`` and ``postcode`` may be passed as to ``create_child``."""

    class Meta:
        model = Child

    la_child_id = factory.Sequence(lambda n: f"K{n + 1}")
    first_name = "Lily"
    last_name = "Smith"
    sex = Sex.FEMALE
    ethnicity = Ethnicity.WBRI
    date_of_birth = dt.date(2015, 4, 3)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return create_child(**kwargs, is_not_duplicate=True)
