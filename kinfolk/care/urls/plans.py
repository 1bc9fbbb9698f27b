"""The pages of a child's care plans (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import plans

urlpatterns = [
    path(
        "<int:pk>/care/care-plans/",
        plans.CarePlanListView.as_view(),
        name="care-plan-list",
    ),
    path(
        "<int:pk>/care/care-plans/create/",
        plans.CarePlanCreateView.as_view(),
        name="care-plan-create",
    ),
    path(
        "<int:pk>/care/care-plans/for-the-child/",
        plans.CarePlanForChildView.as_view(),
        name="care-plan-for-child",
    ),
]
