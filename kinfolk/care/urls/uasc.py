"""The pages that record the status of an unaccompanied asylum-seeking child (included by
``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import uasc

urlpatterns = [
    path("<int:pk>/care/uasc/start/", uasc.UASCStartView.as_view(), name="uasc-start"),
    path("<int:pk>/care/uasc/end/", uasc.UASCEndView.as_view(), name="uasc-end"),
]
