"""The administration pages of teams: the list, one team with its members and its changes,
creating, renaming and removing a team (docs/user-administration.md). The pages of staff
accounts, and the form page both share, are in ``users``."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.reauth import RecentAuthenticationRequired
from kinfolk.core.forms import CaseworkForm
from kinfolk.workforce import accounts
from kinfolk.workforce.administration.forms import TeamForm
from kinfolk.workforce.administration.views.users import AdministrationFormView
from kinfolk.workforce.models import AccountChange, Team


class TeamListView(TemplateView):
    """Every team, with how many active members each has."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/teams.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["teams"] = list(Team.objects.with_members().order_by("name"))
        return context


class TeamMixin:
    request: HttpRequest
    kwargs: dict[str, Any]

    def get_team(self) -> Team:
        return get_object_or_404(Team, pk=self.kwargs["pk"])


class TeamDetailView(TeamMixin, TemplateView):
    """One team: its members and every change made to it."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/team.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        team = self.get_team()
        context.update(
            team=team,
            members=list(team.members.order_by("-is_active", "display_name")),
            changes=list(AccountChange.objects.about_team(team.pk).select_related("actor")),
        )
        return context


class TeamCreateView(AdministrationFormView):
    """Record a new team."""

    permission = P.MANAGE_USERS
    form_class = TeamForm
    service = staticmethod(accounts.add_team)
    heading = gettext_lazy("Create a team")
    button = gettext_lazy("Create team")

    def success_message(self) -> str:
        return _("Team %(name)s created") % {"name": self.saved}

    def back_url(self) -> str:
        return reverse("teams")

    def get_success_url(self) -> str:
        return reverse("team-detail", args=[self.saved.pk])

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(_("Teams"), reverse("teams"))]


class TeamRenameView(TeamMixin, AdministrationFormView):
    """Give a team a new name."""

    permission = P.MANAGE_USERS
    form_class = TeamForm
    service = staticmethod(accounts.rename_team)
    heading = gettext_lazy("Rename the team")
    button = gettext_lazy("Rename team")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.team = self.get_team()
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"name": self.team.name}

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "team": self.team}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["caption"] = self.team.name
        return context

    def success_message(self) -> str:
        return _("The team is now called %(name)s") % {"name": self.saved}

    def back_url(self) -> str:
        return reverse("team-detail", args=[self.team.pk])

    def get_success_url(self) -> str:
        return self.back_url()

    def breadcrumbs(self) -> list[tuple[str, str]]:
        return [(_("Teams"), reverse("teams")), (self.team.name, self.back_url())]


class TeamDeleteView(RecentAuthenticationRequired, TeamMixin, TemplateView):
    """Delete a team recorded by mistake (refused while it has members or a history)."""

    permission = P.MANAGE_USERS
    template_name = "workforce/administration/team_delete.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.team = self.get_team()
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.POST.get("confirm") != "yes":
            return self.get(request, *args, **kwargs)
        name = self.team.name
        try:
            accounts.delete_team(team=self.team, actor=request.user)
        except ValidationError as error:
            return self.render_to_response(self.get_context_data(errors=error.messages))
        messages.success(request, _("Team %(name)s deleted") % {"name": name})
        return HttpResponseRedirect(reverse("teams"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(team=self.team, members=self.team.members.count())
        context.setdefault("errors", [])
        return context
