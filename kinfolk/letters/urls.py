"""Letters to a child's family, under ``/children/<pk>/letters/``."""

from django.urls import path

from kinfolk.letters import views

app_name = "letters"

urlpatterns = [
    path("<int:pk>/letters/", views.LetterListView.as_view(), name="letters"),
    # The kind of letter is in the query string (``?kind=before_proceedings``), and the
    # conference or assessment it is about too, as on every page about one of a child's records.
    path("<int:pk>/letters/write/", views.LetterCreateView.as_view(), name="letter-create"),
    # ``?letter=<id>``; the latest letter without it.
    path("<int:pk>/letters/letter/", views.LetterDetailView.as_view(), name="letter"),
]
