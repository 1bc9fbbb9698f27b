"""The child's casework page and the forms that record child in need work, under
``/children/<pk>/casework/``."""

from django.urls import path

from kinfolk.casework.views import (
    assessments,
    child_casework,
    episodes,
    family,
    notes,
    plans,
    visits,
)

app_name = "casework"

urlpatterns = [
    path(
        "<int:pk>/casework/",
        child_casework.ChildCaseworkView.as_view(),
        name="child-casework",
    ),
    path(
        "<int:pk>/casework/referrals/create/",
        episodes.ReferralCreateView.as_view(),
        name="referral-create",
    ),
    path(
        "<int:pk>/casework/assessments/create/",
        assessments.AssessmentCreateView.as_view(),
        name="assessment-create",
    ),
    path(
        "<int:pk>/casework/assessments/",
        assessments.AssessmentDetailView.as_view(),
        name="assessment-detail",
    ),
    path(
        "<int:pk>/casework/assessments/draft/",
        assessments.AssessmentDraftView.as_view(),
        name="assessment-draft",
    ),
    path(
        "<int:pk>/casework/assessments/autosave/",
        assessments.AssessmentAutosaveView.as_view(),
        name="assessment-autosave",
    ),
    path(
        "<int:pk>/casework/assessments/keep-alive/",
        assessments.AssessmentKeepAliveView.as_view(),
        name="assessment-keep-alive",
    ),
    path(
        "<int:pk>/casework/assessments/authorise/",
        assessments.AssessmentAuthoriseView.as_view(),
        name="assessment-authorise",
    ),
    path(
        "<int:pk>/casework/child-in-need-plans/create/",
        plans.ChildInNeedPlanCreateView.as_view(),
        name="child-in-need-plan-create",
    ),
    path(
        "<int:pk>/casework/child-in-need-plans/end/",
        plans.ChildInNeedPlanEndView.as_view(),
        name="child-in-need-plan-end",
    ),
    path(
        "<int:pk>/casework/contingency/edit/",
        plans.PlanContingencyUpdateView.as_view(),
        name="contingency-edit",
    ),
    path(
        "<int:pk>/casework/family-version/",
        family.PlanFamilyVersionView.as_view(),
        name="family-version",
    ),
    path(
        "<int:pk>/casework/family-version/edit/",
        family.PlanFamilyVersionUpdateView.as_view(),
        name="family-version-edit",
    ),
    path(
        "<int:pk>/casework/outcomes/create/",
        plans.PlanOutcomeCreateView.as_view(),
        name="outcome-create",
    ),
    path(
        "<int:pk>/casework/actions/create/",
        plans.PlanActionCreateView.as_view(),
        name="action-create",
    ),
    path(
        "<int:pk>/casework/actions/edit/",
        plans.PlanActionUpdateView.as_view(),
        name="action-edit",
    ),
    path("<int:pk>/casework/visits/create/", visits.VisitCreateView.as_view(), name="visit-create"),
    path(
        "<int:pk>/casework/case-notes/create/",
        notes.CaseNoteCreateView.as_view(),
        name="case-note-create",
    ),
    path("<int:pk>/casework/case-notes/", notes.CaseNoteListView.as_view(), name="case-notes"),
    path(
        "<int:pk>/casework/case-notes/<int:note>/",
        notes.CaseNoteDetailView.as_view(),
        name="case-note",
    ),
    path(
        "<int:pk>/casework/case-notes/correct/",
        notes.CaseNoteCorrectView.as_view(),
        name="case-note-correct",
    ),
    path(
        "<int:pk>/casework/case-notes/addendum/",
        notes.CaseNoteAddendumView.as_view(),
        name="case-note-addendum",
    ),
    path("case-notes/search/", notes.TeamNoteSearchView.as_view(), name="team-note-search"),
    path("<int:pk>/casework/close/", episodes.EpisodeCloseView.as_view(), name="episode-close"),
    path(
        "<int:pk>/casework/close/decide/",
        episodes.ClosureDecideView.as_view(),
        name="closure-decide",
    ),
    path(
        "<int:pk>/casework/close/answer/",
        episodes.ClosureAnswerView.as_view(),
        name="closure-answer",
    ),
]
