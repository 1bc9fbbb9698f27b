"""Subject access pages, under /subject-access/."""

from django.urls import path

from kinfolk.records import views

app_name = "records"

urlpatterns = [
    path("", views.SubjectAccessRequestListView.as_view(), name="requests"),
    path("create/", views.SubjectAccessRequestCreateView.as_view(), name="request-create"),
    path("register/", views.DisclosureRegisterView.as_view(), name="register"),
    path("<int:pk>/", views.SubjectAccessRequestDetailView.as_view(), name="request"),
    path("<int:pk>/extend/", views.SubjectAccessRequestExtendView.as_view(), name="extend"),
    path("<int:pk>/prepare/", views.DisclosurePrepareView.as_view(), name="prepare"),
    path(
        "<int:pk>/prepare/<str:record_type>/<str:record_id>/",
        views.DisclosureRecordView.as_view(),
        name="record",
    ),
    path(
        "<int:pk>/redactions/<int:redaction>/remove/",
        views.RedactionRemoveView.as_view(),
        name="redaction-remove",
    ),
    path("<int:pk>/complete/", views.DisclosureCompleteView.as_view(), name="complete"),
    path("<int:pk>/disclosures/<int:entry>/", views.DisclosureBundleView.as_view(), name="bundle"),
]
