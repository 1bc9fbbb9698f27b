"""URLs of the care episodes pages (included by ``kinfolk.care.urls``)."""

urlpatterns: list = []
