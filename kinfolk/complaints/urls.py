"""Complaints: the complaints manager's pages under ``/complaints/``, and a child's complaints
under their record, ``/children/<pk>/complaints/``; included at the site root."""

from django.urls import path

from kinfolk.complaints.views import child, lists, stages

app_name = "complaints"

ONE = "children/<int:pk>/complaints/<int:complaint_pk>/"

urlpatterns = [
    path("complaints/", lists.ComplaintListView.as_view(), name="list"),
    path("complaints/record/", lists.ComplaintChildSearchView.as_view(), name="choose-child"),
    path("complaints/trends/", lists.TrendsView.as_view(), name="trends"),
    path("complaints/themes/", lists.ThemesView.as_view(), name="themes"),
    path(
        "complaints/themes/<int:theme_pk>/retire/",
        lists.RetireThemeView.as_view(),
        name="theme-retire",
    ),
    path(
        "children/<int:pk>/complaints/",
        child.ChildComplaintsView.as_view(),
        name="child-complaints",
    ),
    path(
        "children/<int:pk>/complaints/record/",
        child.ComplaintCreateView.as_view(),
        name="record",
    ),
    path(ONE, child.ComplaintDetailView.as_view(), name="complaint"),
    path(f"{ONE}extend/", stages.ExtensionView.as_view(), name="extend"),
    path(f"{ONE}respond/", stages.ResponseView.as_view(), name="respond"),
    path(f"{ONE}escalate/", stages.EscalationView.as_view(), name="escalate"),
    path(f"{ONE}panel/", stages.PanelDateView.as_view(), name="panel"),
    path(f"{ONE}withdraw/", stages.WithdrawalView.as_view(), name="withdraw"),
    path(f"{ONE}advocate/", stages.AdvocacyView.as_view(), name="advocate"),
    path(f"{ONE}learning/", stages.LearningView.as_view(), name="learning"),
    path(f"{ONE}actions/add/", stages.LearningActionView.as_view(), name="action-add"),
    path(
        f"{ONE}actions/<int:action_pk>/done/", stages.ActionDoneView.as_view(), name="action-done"
    ),
]
