"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest

from kinfolk.core.models import Authority


def service(request: HttpRequest) -> dict[str, str]:
    """The service name and the authority's name, for the header of every page."""
    if settings.KINFOLK_AUTHORITY_NAME:
        authority_name = settings.KINFOLK_AUTHORITY_NAME
    else:
        authority = Authority.current()
        authority_name = authority.name if authority else ""
    return {"service_name": "Kinfolk", "authority_name": authority_name}
