"""The sign-in steps, re-authentication, and changing or resetting a password
(docs/sign-in.md)."""

from typing import Any

from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from kinfolk.access.policy import Open, Requirement, SignedIn
from kinfolk.access.reauth import RecentAuthenticationRequired, mark_authenticated
from kinfolk.accounts import oidc, second_factor, services
from kinfolk.accounts.forms import (
    CodeForm,
    GovukPasswordChangeForm,
    GovukPasswordResetForm,
    GovukSetPasswordForm,
    ReauthenticateForm,
    SetUpCodeForm,
    SignInForm,
)
from kinfolk.accounts.middleware import NOTICE_SESSION_KEY, next_step_url
from kinfolk.core.forms import add_service_errors

#: The session key holding the recovery codes just made, until they are shown (once).
RECOVERY_CODES_SESSION_KEY = "kinfolk_new_recovery_codes"
#: The session key set when the codes just made replace earlier ones (from the account page).
RECOVERY_CODES_REPLACED_SESSION_KEY = "kinfolk_recovery_codes_replaced"
#: The session key holding why signing in with the council account did not work.
PROBLEM_SESSION_KEY = "kinfolk_sign_in_problem"


def safe_next(request: HttpRequest, default: str = "home") -> str:
    """The ``next`` address of the request when it is one of Kinfolk's own, else the default."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(default)


class SignInView(auth_views.LoginView):
    """The first step: username and password (or the council's identity provider)."""

    permission: Requirement = Open("signing in")
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            council_sign_in=oidc.is_configured(),
            notice=self.request.session.pop(NOTICE_SESSION_KEY, ""),
            problem=self.request.session.pop(PROBLEM_SESSION_KEY, ""),
        )
        return context

    def form_valid(self, form: SignInForm) -> HttpResponse:
        auth_login(self.request, form.get_user())
        if second_factor.is_required():
            return redirect(next_step_url(self.request, self.get_redirect_url()))
        mark_authenticated(self.request)
        return HttpResponseRedirect(self.get_success_url())


class SignInStepMixin:
    """A step between the password and the second factor: the page shows no menu."""

    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(signing_in=True, next=safe_next(self.request))
        return context


class CodeView(SignInStepMixin, FormView):
    """The second step, for a person with an authenticator app: its code, or a recovery
    code."""

    permission: Requirement = SignedIn("signing in: the code after the password")
    form_class = CodeForm
    template_name = "accounts/code.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if second_factor.is_satisfied(request):
            return redirect(safe_next(request))
        if second_factor.authenticator_of(request.user) is None:
            return redirect(next_step_url(request, safe_next(request)))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: CodeForm) -> HttpResponse:
        user = self.request.user
        wait = services.throttled_for(user=user)
        if wait:
            form.add_error("code", wrong_codes_wait(wait))
            return self.form_invalid(form)
        device = services.check_code(user=user, code=form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _("The code is not right: enter the code your app shows now"))
            return self.form_invalid(form)
        second_factor.complete_sign_in(self.request, device)
        return redirect(safe_next(self.request))


def wrong_codes_wait(seconds: int) -> str:
    return _("You have entered too many wrong codes. Wait %(seconds)s seconds, then try again") % {
        "seconds": seconds
    }


class SetUpView(SignInStepMixin, FormView):
    """The second step the first time: set up an authenticator app (a QR code, and the key
    to type in), then confirm it with its first code."""

    permission: Requirement = SignedIn("signing in: setting up an authenticator app")
    form_class = SetUpCodeForm
    template_name = "accounts/set_up.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if second_factor.authenticator_of(request.user) is not None:
            # A second authenticator is never added with a password alone.
            if second_factor.is_satisfied(request):
                return redirect(safe_next(request))
            return redirect(next_step_url(request, safe_next(request)))
        self.device = services.start_authenticator_set_up(user=request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            qr_code=second_factor.qr_code_data_uri(self.device),
            key=second_factor.formatted_key(self.device),
        )
        return context

    def form_valid(self, form: SetUpCodeForm) -> HttpResponse:
        try:
            codes = services.confirm_authenticator(
                user=self.request.user, device=self.device, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        self.device.refresh_from_db()
        second_factor.complete_sign_in(self.request, self.device)
        self.request.session[RECOVERY_CODES_SESSION_KEY] = codes
        return redirect(
            reverse("sign-in-recovery-codes") + "?" + self.request.GET.urlencode()
            if self.request.GET.get("next")
            else reverse("sign-in-recovery-codes")
        )


class RecoveryCodesView(SignInStepMixin, TemplateView):
    """The recovery codes just made, shown once."""

    permission: Requirement = SignedIn("signing in: the recovery codes, shown once")
    template_name = "accounts/recovery_codes.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
        replaced = request.session.pop(RECOVERY_CODES_REPLACED_SESSION_KEY, False)
        if not codes:
            return redirect(safe_next(request))
        return self.render_to_response(self.get_context_data(codes=codes, replaced=replaced))


class AccountView(TemplateView):
    """Your own account: who Kinfolk knows you as, how you sign in, and your recovery codes."""

    permission: Requirement = SignedIn("your own account")
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        codes = second_factor.recovery_codes_of(user)
        return {
            **super().get_context_data(**kwargs),
            "by_identity_provider": second_factor.signed_in_by_identity_provider(self.request),
            "authenticator": second_factor.authenticator_of(user),
            "codes_left": codes.token_set.count() if codes is not None else None,
        }


class ReplaceRecoveryCodesView(RecentAuthenticationRequired, TemplateView):
    """Ten new recovery codes in place of the old ones, after proving who you are again: for
    when the codes are used up, lost, or may have been seen by someone else."""

    permission: Requirement = SignedIn("new recovery codes for your own account")
    template_name = "accounts/replace_recovery_codes.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and second_factor.authenticator_of(request.user) is None:
            return redirect("account")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.session[RECOVERY_CODES_SESSION_KEY] = services.replace_recovery_codes(
            user=request.user
        )
        request.session[RECOVERY_CODES_REPLACED_SESSION_KEY] = True
        return redirect(reverse("sign-in-recovery-codes") + "?next=" + reverse("account"))


class ReauthenticateView(FormView):
    """Prove who you are again before a sensitive action: the password and the code, or for
    a council account, the council's sign-in again."""

    permission: Requirement = SignedIn("proving who you are again, before a sensitive action")
    form_class = ReauthenticateForm
    template_name = "accounts/reauthenticate.html"

    def needs_code(self) -> bool:
        return second_factor.authenticator_of(self.request.user) is not None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "request": self.request,
            "needs_code": self.needs_code(),
        }

    def get_template_names(self) -> list[str]:
        if second_factor.signed_in_by_identity_provider(self.request):
            return ["accounts/reauthenticate_council.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["next"] = safe_next(self.request)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if second_factor.signed_in_by_identity_provider(request):
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: ReauthenticateForm) -> HttpResponse:
        if "code" in form.fields:
            user = self.request.user
            wait = services.throttled_for(user=user)
            if wait:
                form.add_error("code", wrong_codes_wait(wait))
                return self.form_invalid(form)
            device = services.check_code(user=user, code=form.cleaned_data["code"])
            if device is None:
                form.add_error(
                    "code", _("The code is not right: enter the code your app shows now")
                )
                return self.form_invalid(form)
        mark_authenticated(self.request)
        return redirect(safe_next(self.request))


class CouncilSignInView(OIDCAuthenticationRequestView):
    """Off to the council's identity provider (with ``reauthenticate=1``: to give the
    password there again)."""

    permission: Requirement = Open("signing in with a council account")

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc.is_configured():
            raise Http404("Signing in with a council account is not set up.")
        return super().get(request)

    def get_extra_params(self, request: HttpRequest) -> dict[str, str]:
        params = dict(super().get_extra_params(request))
        if request.GET.get("reauthenticate") and request.user.is_authenticated:
            oidc.start_reauthentication(request)
            params["prompt"] = "login"
        return params


class CouncilCallbackView(OIDCAuthenticationCallbackView):
    """Back from the council's identity provider."""

    permission: Requirement = Open("signing in with a council account")

    def get(self, request: HttpRequest) -> HttpResponse:
        if not oidc.is_configured():
            raise Http404("Signing in with a council account is not set up.")
        return super().get(request)

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        second_factor.complete_identity_provider_sign_in(self.request)
        return response

    def login_failure(self) -> HttpResponse:
        self.request.session[PROBLEM_SESSION_KEY] = getattr(
            self.request, oidc.REFUSAL_ATTRIBUTE, ""
        ) or _("Signing in with your council account did not work. Try again.")
        return redirect("login")


class PasswordChangeView(auth_views.PasswordChangeView):
    permission: Requirement = SignedIn("changing one's own password")
    form_class = GovukPasswordChangeForm


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    permission: Requirement = SignedIn("changing one's own password")


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a link to set a new password. The page that follows is the same whether or
    not an account has that address, so that it tells no one who has an account."""

    permission: Requirement = Open("resetting a forgotten password")
    form_class = GovukPasswordResetForm
    success_url = reverse_lazy("password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    permission: Requirement = Open("resetting a forgotten password")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    permission: Requirement = Open("resetting a forgotten password")
    form_class = GovukSetPasswordForm


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    permission: Requirement = Open("resetting a forgotten password")
