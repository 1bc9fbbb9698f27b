"""The pages of a child's education: personal education plans (included by
``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import education

urlpatterns = [
    path("<int:pk>/care/education/", education.EducationView.as_view(), name="education"),
    path(
        "<int:pk>/care/education/peps/create/",
        education.PEPCreateView.as_view(),
        name="pep-create",
    ),
    path("<int:pk>/care/education/peps/rate/", education.PEPRateView.as_view(), name="pep-rate"),
]
