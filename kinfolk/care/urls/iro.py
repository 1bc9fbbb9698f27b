"""The pages of the child's independent reviewing officer (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import iro

urlpatterns = [
    path("<int:pk>/care/iro/", iro.ChildIROView.as_view(), name="iro"),
    path("<int:pk>/care/iro/allocate/", iro.IROAllocateView.as_view(), name="iro-allocate"),
]
