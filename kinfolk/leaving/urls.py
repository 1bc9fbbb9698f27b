"""The child's leaving pages, under ``/children/<pk>/leaving/``, and the list of care leavers
at ``/care-leavers/``; included at the site root."""

from django.urls import path

from kinfolk.leaving import views

app_name = "leaving"

urlpatterns = [
    path("care-leavers/", views.CareLeaverListView.as_view(), name="care-leavers"),
    path("children/<int:pk>/leaving/", views.ChildLeavingView.as_view(), name="child-leaving"),
    path(
        "children/<int:pk>/leaving/personal-advisers/allocate/",
        views.PersonalAdviserAllocateView.as_view(),
        name="adviser-allocate",
    ),
    path(
        "children/<int:pk>/leaving/pathway-plans/create/",
        views.PathwayPlanCreateView.as_view(),
        name="pathway-plan-create",
    ),
    path(
        "children/<int:pk>/leaving/pathway-plans/audit/",
        views.PathwayPlanAuditView.as_view(),
        name="pathway-plan-audit",
    ),
    path(
        "children/<int:pk>/leaving/contacts/create/",
        views.CareLeaverContactCreateView.as_view(),
        name="contact-create",
    ),
    path(
        "children/<int:pk>/leaving/staying-put/create/",
        views.StayingPutCreateView.as_view(),
        name="staying-put-create",
    ),
    path(
        "children/<int:pk>/leaving/staying-put/end/",
        views.StayingPutEndView.as_view(),
        name="staying-put-end",
    ),
    path(
        "children/<int:pk>/leaving/support-to-25/create/",
        views.SupportTo25CreateView.as_view(),
        name="support-create",
    ),
    path(
        "children/<int:pk>/leaving/support-to-25/end/",
        views.SupportTo25EndView.as_view(),
        name="support-end",
    ),
]
