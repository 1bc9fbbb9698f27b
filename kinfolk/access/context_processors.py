"""What the signed-in user may do, for menus and buttons: ``{% if can.SIGN_OFF %}``."""

from typing import Any

from django.http import HttpRequest

from kinfolk.access.policy import permissions_of


def policy(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {"can": {permission.name: True for permission in permissions_of(user)}}
