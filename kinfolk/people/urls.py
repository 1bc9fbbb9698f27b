from django.urls import path

from kinfolk.people.views import break_glass, children, search

app_name = "children"

urlpatterns = [
    path("search/", search.ChildSearchView.as_view(), name="search"),
    path("create/", children.ChildCreateView.as_view(), name="create"),
    path("<int:pk>/", children.ChildDetailView.as_view(), name="detail"),
    path("<int:pk>/identity/", children.ChildIdentityView.as_view(), name="identity"),
    path("<int:pk>/edit/", children.ChildUpdateView.as_view(), name="edit"),
    path(
        "<int:pk>/relationships/", children.ChildRelationshipsView.as_view(), name="relationships"
    ),
    path("<int:pk>/allocations/", children.ChildAllocationsView.as_view(), name="allocations"),
    path("<int:pk>/chronology/", children.ChildChronologyView.as_view(), name="chronology"),
    path("<int:pk>/access-log/", children.ChildAccessLogView.as_view(), name="access-log"),
    path("<int:pk>/addresses/create/", children.AddressCreateView.as_view(), name="address-create"),
    path(
        "<int:pk>/relationships/create/",
        children.RelationshipCreateView.as_view(),
        name="relationship-create",
    ),
    path("<int:pk>/restrict/", children.RestrictionView.as_view(), name="restrict"),
    path(
        "<int:pk>/restrict/lift/",
        children.LiftRestrictionView.as_view(),
        name="lift-restriction",
    ),
    path("<int:pk>/alerts/create/", children.AlertCreateView.as_view(), name="alert-create"),
    path("<int:pk>/seal/", children.SealView.as_view(), name="seal"),
    path("<int:pk>/break-glass/", break_glass.BreakGlassView.as_view(), name="break-glass"),
]
