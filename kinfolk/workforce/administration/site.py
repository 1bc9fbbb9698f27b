"""The Django admin, for reference data only, behind the access policy.

Reference data are the records an administrator looks up or corrects: the authority this
installation serves, the ONS postcode directory, the teams. Children and casework records are
not here: they change only through their services, which write the chronology and the access
log (docs/architecture.md, "Where logic lives"). What changes here changes through a service
too: the authority through ``set_up_authority``; teams not at all (the teams pages change them,
and record each change); postcodes not at all (``kinfolk load-postcodes`` loads them).

Every view of the site declares ``permission = P.MANAGE_USERS`` for ``PolicyMiddleware``, and
the site asks the same policy (``has_permission``). Each ModelAdmin asks the policy too,
instead of Django's per-model permissions, which Kinfolk does not grant. People sign in and out
on Kinfolk's own pages (with its lockout and second factor), so the admin's sign-in page only
sends them on, and its own sign-out and password pages are not part of the site; neither are
the pages for what nobody may do here (adding, deleting) nor autocompletion, which no field
uses. The admin's own log (``LogEntry``) records each change made here.
"""

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import URLPattern, URLResolver, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P, SignedIn, allows

#: What the admin's pages need.
PERMISSION = P.MANAGE_USERS
#: The admin's own pages that Kinfolk's pages replace, or that nothing here uses.
LEFT_OUT = frozenset({"logout", "password_change", "password_change_done", "autocomplete"})


class KinfolkAdminSite(admin.AdminSite):
    """The admin site, open to those the policy allows to manage reference data."""

    site_header = _("Kinfolk reference data")
    site_title = _("Kinfolk reference data")
    index_title = _("Reference data")
    site_url = None
    enable_nav_sidebar = False

    def has_permission(self, request: HttpRequest) -> bool:
        return allows(request.user, PERMISSION)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """Signed in already (Kinfolk's sign-in page, where everyone signs in, comes first):
        on to the page asked for."""
        next_url = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = reverse("admin:index")
        return HttpResponseRedirect(next_url)

    # ``login`` is not wrapped by ``admin_view``: it declares its requirement itself. Anyone
    # not signed in is sent to Kinfolk's sign-in page before it runs.
    login.permission = SignedIn("sends on to the page asked for")  # type: ignore[attr-defined]

    def get_urls(self) -> list[URLPattern | URLResolver]:
        urls = [
            url
            for url in super().get_urls()
            if not (isinstance(url, URLPattern) and url.name in LEFT_OUT)
        ]
        _declare(urls)
        return urls


def _declare(patterns: list[Any]) -> None:
    """Give every view of the admin the policy's requirement, and send people who are not
    signed in to Kinfolk's sign-in page rather than the admin's."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _declare(pattern.url_patterns)
            continue
        callback = pattern.callback
        if getattr(callback, "permission", None) is not None:
            continue
        callback.permission = PERMISSION
        callback.login_url = settings.LOGIN_URL


class ReferenceDataAdmin(admin.ModelAdmin):
    """Reference data, looked at by those the policy allows; changed only where a subclass
    says so. Nothing is added or deleted here: reference data is never deleted (the returns
    and the history refer to it)."""

    can_change = False
    actions = None

    def _allowed(self, request: HttpRequest) -> bool:
        return allows(request.user, PERMISSION)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.can_change and self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:
        model = self.opts.model_name
        left_out = {f"{self.opts.app_label}_{model}_{view}" for view in ("add", "delete")}
        return [url for url in super().get_urls() if url.name not in left_out]

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST" and not self.can_change:
            # A record shown read-only takes no changes: not a refusal of the person.
            return HttpResponseNotAllowed(["GET"])
        return super().changeform_view(request, object_id, form_url, extra_context)


class AuthorityAdmin(ReferenceDataAdmin):
    """The authority this installation serves (one row), corrected here: its name, its DfE
    and ONS codes, its postcode areas, saved by ``set_up_authority``."""

    can_change = True
    list_display = ("name", "la_number", "la_code")
    fields = ("name", "la_number", "la_code", "postcode_prefixes")

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        from kinfolk.core.services import set_up_authority

        data = form.cleaned_data
        set_up_authority(
            name=data["name"],
            la_number=data["la_number"],
            la_code=data["la_code"],
            postcode_prefixes=list(data.get("postcode_prefixes") or []),
        )


class PostcodeAdmin(ReferenceDataAdmin):
    """The ONS postcode directory, loaded by ``kinfolk load-postcodes``: looked up here."""

    list_display = ("postcode", "la_code", "latitude", "longitude")
    search_fields = ("postcode",)
    show_full_result_count = False


class TeamAdmin(ReferenceDataAdmin):
    """Teams, read-only: they are created, renamed and deleted on the teams pages."""

    list_display = ("name",)
    search_fields = ("name",)


def register_reference_data(site: admin.AdminSite) -> None:
    """Put the reference data on the admin site (``ReferenceDataAdminConfig.ready``). Django
    may start the apps more than once (a test that installs another app): a model already on
    the site stays as it is."""
    from kinfolk.core.models import Authority, Postcode
    from kinfolk.workforce.models import Team

    for model, model_admin in (
        (Authority, AuthorityAdmin),
        (Postcode, PostcodeAdmin),
        (Team, TeamAdmin),
    ):
        if not site.is_registered(model):
            site.register(model, model_admin)
