"""The child's care pages, under ``/children/<pk>/care/``, one module a topic as in
``kinfolk.care.views``."""

from kinfolk.care.urls import (
    education,
    episodes,
    family,
    health,
    iro,
    missing,
    plans,
    proceedings,
    reviews,
    uasc,
)

app_name = "care"

urlpatterns = [
    *episodes.urlpatterns,
    *proceedings.urlpatterns,
    *plans.urlpatterns,
    *reviews.urlpatterns,
    *iro.urlpatterns,
    *family.urlpatterns,
    *health.urlpatterns,
    *education.urlpatterns,
    *missing.urlpatterns,
    *uasc.urlpatterns,
]
