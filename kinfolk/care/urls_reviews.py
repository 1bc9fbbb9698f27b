"""URLs of the care pages for care plans, reviews, visits, family time and life-story work (included by ``kinfolk.care.urls``)."""

urlpatterns: list = []
