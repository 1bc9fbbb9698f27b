"""User administration pages: staff accounts, lockouts and sign-in history (teams are in
``teams``). Every page asks for ``P.MANAGE_USERS``; every change is one call to a service of
``kinfolk.workforce.accounts``, which records it."""

from collections.abc import Callable
from typing import Any, ClassVar
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P, may_reach
from kinfolk.access.reauth import RecentAuthenticationRequired
from kinfolk.core.forms import CaseworkForm
from kinfolk.workforce import accounts
from kinfolk.workforce.administration.forms import (
    UserFilterForm,
    WorkerCreateForm,
    WorkerForm,
)
from kinfolk.workforce.holdings import cases_held_by
from kinfolk.workforce.lockouts import (
    failed_attempts,
    is_locked_out,
    locked_out_usernames,
    sign_in_history,
)
from kinfolk.workforce.models import AccountChange, User

#: How many accounts one page of the list shows.
USERS_PAGE_SIZE = 100
#: How many sign-ins one page of a worker's history shows.
HISTORY_PAGE_SIZE = 50


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


class UserListView(TemplateView):
    """Every member of staff's account, found by name, role, team and status."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/users.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = UserFilterForm(self.request.GET)
        chosen = form.cleaned_data if form.is_valid() else {}
        status = chosen.get("status") or "active"
        locked = locked_out_usernames()
        users = User.objects.select_related("team").order_by("display_name", "username")
        if status == "active":
            users = users.filter(is_active=True)
        elif status == "deactivated":
            users = users.filter(is_active=False)
        elif status == "locked":
            users = users.filter(username__in=locked)
        if chosen.get("role"):
            users = users.filter(role=chosen["role"])
        if chosen.get("team") == "none":
            users = users.filter(team__isnull=True)
        elif chosen.get("team"):
            users = users.filter(team_id=chosen["team"])
        users = users.matching(chosen.get("q", ""))
        page = Paginator(users, USERS_PAGE_SIZE).get_page(self.request.GET.get("page"))
        for user in page.object_list:
            user.is_locked_out = user.username in locked
        query = {k: v for k, v in self.request.GET.items() if k != "page" and v}
        context.update(
            form=form,
            page=page,
            query=f"{urlencode(query)}&" if query else "",
            selected=self.selected_filters(form, chosen, status),
            status=status,
        )
        return context

    def selected_filters(
        self, form: UserFilterForm, chosen: dict[str, Any], status: str
    ) -> list[dict[str, str]]:
        """The filters chosen, each with the address of the list without it (MOJ filter's
        selected filters)."""
        selected = []
        for name in ("q", "role", "team"):
            value = chosen.get(name)
            if not value:
                continue
            if name == "q":
                label = f"“{value}”"
            else:
                label = str(dict(form.fields[name].choices).get(value, value))
            rest = {k: v for k, v in self.request.GET.items() if k not in (name, "page") and v}
            selected.append(
                {
                    "heading": str(form.fields[name].label),
                    "label": label,
                    "url": f"{reverse('users')}?{urlencode(rest)}",
                }
            )
        if status != "active":
            rest = {k: v for k, v in self.request.GET.items() if k not in ("status", "page") and v}
            selected.append(
                {
                    "heading": str(form.fields["status"].label),
                    "label": str(dict(form.fields["status"].choices)[status]),
                    "url": f"{reverse('users')}?{urlencode(rest)}",
                }
            )
        return selected


class WorkerMixin:
    """A page about one member of staff's account (``pk`` in the address)."""

    request: HttpRequest
    kwargs: dict[str, Any]

    def get_worker(self) -> User:
        return get_object_or_404(User.objects.select_related("team"), pk=self.kwargs["pk"])


class UserDetailView(WorkerMixin, TemplateView):
    """One member of staff's account: its values, whether it is locked, the cases its worker
    holds, what can be done to it, and every change made to it."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/user.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        worker = self.get_worker()
        changes = (
            AccountChange.objects.filter(worker=worker)
            .select_related("actor")
            .order_by("-at", "-pk")
        )
        context.update(
            worker=worker,
            is_self=worker.pk == self.request.user.pk,
            is_locked_out=is_locked_out(worker.username),
            has_second_factor=accounts.has_second_factor(worker),
            failed_attempts=failed_attempts(worker.username),
            held=cases_held_by(worker),
            changes=list(changes),
            caseload_url=self.caseload_url(worker),
        )
        return context

    def caseload_url(self, worker: User) -> str | None:
        url = reverse("worker-caseload", args=[worker.pk])
        return url if may_reach(self.request.user, url, team_id=worker.team_id) else None


class AdministrationFormView(RecentAuthenticationRequired, FormView):
    """A user administration form: its cleaned data go to one service with the actor; a
    refusal is shown next to the field it is about. Changing who may do what needs a recent
    sign-in (kinfolk/access/reauth.py)."""

    template_name = "workforce/administration/form_page.html"
    form_class: type[CaseworkForm]
    service: ClassVar[Callable[..., Any] | None] = None
    heading: Any = ""
    caption: Any = ""
    intro: Any = ""
    button: Any = gettext_lazy("Save")

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        return {**form.cleaned_data, "actor": self.request.user}

    def form_valid(self, form: CaseworkForm) -> HttpResponse:
        service = type(self).service
        if service is None:
            raise NotImplementedError(f"{type(self).__name__} declares no service")
        try:
            self.saved = service(**self.service_kwargs(form))
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message())
        return HttpResponseRedirect(self.get_success_url())

    def success_message(self) -> str:
        return ""

    def back_url(self) -> str:
        return reverse("users")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            caption=self.caption,
            intro=self.intro,
            button=self.button,
            back_url=self.back_url(),
            breadcrumbs=self.breadcrumbs(),
        )
        return context

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(_("Users"), reverse("users"))]


class UserCreateView(AdministrationFormView):
    """Give a member of staff an account; they set their password from the email they get."""

    permission = P.MANAGE_USERS
    form_class = WorkerCreateForm
    service = staticmethod(accounts.register_worker)
    heading = gettext_lazy("Create an account")
    button = gettext_lazy("Create account")

    @property
    def intro(self) -> str:
        return _(
            "They will get an email with a link to set their own password, which works for "
            "%(lasts)s. Nobody else knows the password: you do not type one for them."
        ) % {"lasts": accounts.link_lifetime()}

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "site_url": _site_url(self.request)}

    def success_message(self) -> str:
        if self.saved.email and accounts.set_password_page_exists():
            return _(
                "Account created for %(name)s. We have emailed them a link to set a password."
            ) % {"name": self.saved}
        return _("Account created for %(name)s. No set-password email was sent.") % {
            "name": self.saved
        }

    def get_success_url(self) -> str:
        return reverse("user-detail", args=[self.saved.pk])


class UserUpdateView(WorkerMixin, AdministrationFormView):
    """Change a member of staff's name, email address, role, team or flags."""

    permission = P.MANAGE_USERS
    form_class = WorkerForm
    service = staticmethod(accounts.change_worker)
    heading = gettext_lazy("Change account details")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.worker = self.get_worker()
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        worker = self.worker
        return {
            "display_name": worker.display_name,
            "email": worker.email,
            "role": worker.role,
            "team": worker.team_id,
            "is_agency": worker.is_agency,
            "is_qualified": worker.is_qualified,
            "qualified_on": worker.qualified_on,
        }

    def get_form(self, form_class: Any = None) -> CaseworkForm:
        form = super().get_form(form_class)
        if self.worker.pk == self.request.user.pk:
            for name in ("role", "team"):
                form.fields[name].disabled = True
                form.fields[name].help_text = _(
                    "You cannot change your own role or team: ask another administrator"
                )
        return form

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "worker": self.worker}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["caption"] = f"{self.worker} ({self.worker.username})"
        return context

    def success_message(self) -> str:
        return _("%(name)s's account is changed") % {"name": self.saved}

    def back_url(self) -> str:
        return reverse("user-detail", args=[self.worker.pk])

    def get_success_url(self) -> str:
        return self.back_url()

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [*super().breadcrumbs(), (str(self.worker), self.back_url())]


class AccountActionView(RecentAuthenticationRequired, WorkerMixin, TemplateView):
    """A confirmation page for one action on an account (deactivate, reactivate, unlock,
    send the set-password email): the page says what will happen; its button, which sends
    ``confirm=yes``, calls the service. A refusal is shown at the top of the page."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/account_action.html"
    service: ClassVar[Callable[..., Any] | None] = None
    heading: Any = ""
    button: Any = ""
    is_warning = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.worker = self.get_worker()
        return super().dispatch(request, *args, **kwargs)

    def service_kwargs(self) -> dict[str, Any]:
        return {"worker": self.worker, "actor": self.request.user}

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.POST.get("confirm") != "yes":
            return self.get(request, *args, **kwargs)
        service = type(self).service
        if service is None:
            raise NotImplementedError(f"{type(self).__name__} declares no service")
        try:
            result = service(**self.service_kwargs())
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(errors=error.messages))
        messages.success(request, self.success_message(result))
        return HttpResponseRedirect(reverse("user-detail", args=[self.worker.pk]))

    def success_message(self, result: Any) -> str:
        return ""

    def explanation(self) -> list[str]:
        """What will happen, a paragraph each."""
        return []

    def is_possible(self) -> bool:
        """Whether the action can be taken now; when not, the page explains why and offers
        no button."""
        return True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            worker=self.worker,
            heading=self.heading,
            button=self.button,
            is_warning=self.is_warning,
            explanation=self.explanation(),
            is_possible=self.is_possible(),
            back_url=reverse("user-detail", args=[self.worker.pk]),
        )
        context.setdefault("errors", [])
        return context


class UserDeactivateView(AccountActionView):
    """Deactivate an account: its worker can no longer sign in and is signed out now."""

    service = staticmethod(accounts.deactivate_worker)
    heading = gettext_lazy("Deactivate this account")
    button = gettext_lazy("Deactivate account")
    is_warning = True

    def explanation(self) -> list[str]:
        held = cases_held_by(self.worker)
        if held:
            return [
                _("%(name)s still holds %(cases)s. Ask their manager to reallocate them first.")
                % {"name": self.worker, "cases": _(" and ").join(words for _n, words in held)}
            ]
        return [
            _("%(name)s will no longer be able to sign in.") % {"name": self.worker},
            _("If they are signed in now, they will be signed out straight away."),
            _(
                "Their records and the history of their work stay. You can reactivate the account later."
            ),
        ]

    def is_possible(self) -> bool:
        return not cases_held_by(self.worker)

    def success_message(self, result: Any) -> str:
        return _("%(name)s's account is deactivated") % {"name": self.worker}


class UserReactivateView(AccountActionView):
    """Let a deactivated worker sign in again."""

    service = staticmethod(accounts.reactivate_worker)
    heading = gettext_lazy("Reactivate this account")
    button = gettext_lazy("Reactivate account")

    def explanation(self) -> list[str]:
        return [
            _("%(name)s will be able to sign in again with the password they had, as %(role)s.")
            % {"name": self.worker, "role": self.worker.get_role_display()},
            _("Check their role and team are still right before you reactivate the account."),
        ]

    def success_message(self, result: Any) -> str:
        return _("%(name)s's account is active again") % {"name": self.worker}


class UserUnlockView(AccountActionView):
    """Clear the failed sign-ins that lock an account."""

    service = staticmethod(accounts.unlock_worker)
    heading = gettext_lazy("Unlock this account")
    button = gettext_lazy("Unlock account")

    def explanation(self) -> list[str]:
        return [
            _(
                "Accounts lock after too many failed sign-ins. Unlock this one only when you "
                "know it is %(name)s who is trying to sign in, for example when they have "
                "called the service desk."
            )
            % {"name": self.worker},
            _("They can then sign in straight away."),
        ]

    def success_message(self, result: Any) -> str:
        return _("%(name)s's account is unlocked") % {"name": self.worker}


class UserSetPasswordEmailView(AccountActionView):
    """Email the worker a new link to set their password."""

    service = staticmethod(accounts.send_set_password_email)
    heading = gettext_lazy("Send a link to set a password")
    button = gettext_lazy("Send email")

    def service_kwargs(self) -> dict[str, Any]:
        return {**super().service_kwargs(), "site_url": _site_url(self.request)}

    def explanation(self) -> list[str]:
        return [
            _("We will email %(email)s a link with which %(name)s sets a new password.")
            % {"email": self.worker.email or _("(no email address)"), "name": self.worker},
            _("Their current password keeps working until they set a new one."),
        ]

    def success_message(self, result: Any) -> str:
        return _("We have emailed %(name)s a link to set a password") % {"name": self.worker}


class UserSecondFactorResetView(AccountActionView):
    """Remove a worker's authenticator app and recovery codes, so that they set the app up
    again at their next sign-in."""

    service = staticmethod(accounts.reset_second_factor)
    heading = gettext_lazy("Reset their authenticator app")
    button = gettext_lazy("Remove authenticator app and recovery codes")
    is_warning = True

    def explanation(self) -> list[str]:
        return [
            _(
                "Do this when %(name)s has lost their phone and their recovery codes, and you "
                "know it is them asking, for example when they have called the service desk."
            )
            % {"name": self.worker},
            _(
                "Their authenticator app and recovery codes stop working, and they are signed "
                "out everywhere. At their next sign-in, after their password, they set up the "
                "app again."
            ),
        ]

    def success_message(self, result: Any) -> str:
        return _("%(name)s will set up their authenticator app again at their next sign-in") % {
            "name": self.worker
        }


class UserSignInHistoryView(WorkerMixin, TemplateView):
    """Every sign-in to an account, successful or not, with when and from where."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/sign_ins.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        worker = self.get_worker()
        page = Paginator(sign_in_history(worker.username), HISTORY_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        context.update(worker=worker, page=page)
        return context
