"""factory-boy factories for the authority and the postcode directory. All data is synthetic:
the authority has the ONS code and LA number of Wigan, as the tests' authority does."""

import factory

from kinfolk.core.models import Authority, Postcode


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority

    name = "Northmoor"
    la_number = "359"
    la_code = "E08000010"


class PostcodeFactory(factory.django.DjangoModelFactory):
    """A postcode in the authority, without coordinates."""

    class Meta:
        model = Postcode

    postcode = factory.Sequence(lambda n: f"WN{n % 90 + 1} {n // 90 % 10}ZZ")
    la_code = "E08000010"
