"""Kinfolk's URLs: each app keeps its own."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("kinfolk.accounts.urls")),
    path("", include("kinfolk.workspaces.urls")),
    path("children/", include("kinfolk.people.urls")),
    path("children/", include("kinfolk.casework.urls")),
    path("children/", include("kinfolk.protection.urls")),
    path("children/", include("kinfolk.letters.urls")),
    path("children/", include("kinfolk.care.urls")),
    path("", include("kinfolk.documents.urls")),
    path("", include("kinfolk.leaving.urls")),
    path("", include("kinfolk.permanence.urls")),
    path("", include("kinfolk.oversight.urls")),
    path("", include("kinfolk.participation.urls")),
    path("", include("kinfolk.audits.urls")),
    path("", include("kinfolk.registers.urls")),
    path("", include("kinfolk.allegations.urls")),
    path("", include("kinfolk.complaints.urls")),
    path("", include("kinfolk.privatefostering.urls")),
    path("", include("kinfolk.returns.urls")),
    path("front-door/", include("kinfolk.frontdoor.urls")),
    path("work/", include("kinfolk.duties.urls")),
    path("subject-access/", include("kinfolk.records.urls")),
    path("", include("kinfolk.workforce.urls")),
    path("", include("kinfolk.access.urls")),
    path("admin/", admin.site.urls),
]
