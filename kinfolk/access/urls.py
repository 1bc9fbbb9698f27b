"""Break-the-glass notices and reviews; included at the site root."""

from django.urls import path

from kinfolk.access import views

app_name = "access"

urlpatterns = [
    path("break-glass/notices/", views.BreakGlassNoticesView.as_view(), name="notices"),
    path("break-glass/reviews/", views.BreakGlassReviewsView.as_view(), name="reviews"),
    path("break-glass/reviews/<int:pk>/", views.BreakGlassReviewView.as_view(), name="review"),
]
