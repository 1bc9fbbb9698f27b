"""Letters to a child's family, under ``/children/<pk>/letters/``."""

from django.urls import path

from kinfolk.letters import views

app_name = "letters"

urlpatterns = [
    path("<int:pk>/letters/", views.LetterListView.as_view(), name="letters"),
    path(
        "<int:pk>/letters/write/<slug:kind>/",
        views.LetterCreateView.as_view(),
        name="letter-create",
    ),
    path("<int:pk>/letters/<int:letter>/", views.LetterDetailView.as_view(), name="letter"),
]
