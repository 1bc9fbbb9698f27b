"""Services of the shared kernel."""

from django.db import transaction

from kinfolk.core.models import Authority


@transaction.atomic
def set_up_authority(
    *, name: str, la_number: str, la_code: str, postcode_prefixes: list[str] | None = None
) -> Authority:
    """Record (or replace) the authority this installation serves."""
    authority = Authority.current() or Authority()
    authority.name = name
    authority.la_number = la_number
    authority.la_code = la_code
    authority.postcode_prefixes = [prefix.upper() for prefix in postcode_prefixes or []]
    authority.full_clean()
    authority.save()
    return authority
