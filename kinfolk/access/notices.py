"""How many break-the-glass notices the signed-in user has not read, for the menu."""

from typing import Any

from django.http import HttpRequest

from kinfolk.access.models import BreakGlassNotice


def break_glass_notices(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_break_glass_notices": 0}
    return {
        "unread_break_glass_notices": BreakGlassNotice.objects.filter(
            user=user, read_at__isnull=True
        ).count()
    }
