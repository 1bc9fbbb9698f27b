"""The header's menu for every page: ``{% for item in menu %}`` (kinfolk.workspaces.menu)."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from kinfolk.workspaces.menu import request_menu


def menu(request: HttpRequest) -> dict[str, Any]:
    # Built only when a page's template shows the menu.
    return {"menu": SimpleLazyObject(lambda: request_menu(request))}
