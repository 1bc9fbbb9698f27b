from django.urls import path

from kinfolk.duties import views

app_name = "duties"

urlpatterns = [
    path("", views.MyWorkView.as_view(), name="my-work"),
    path("team/", views.TeamWorkView.as_view(), name="team-work"),
]
