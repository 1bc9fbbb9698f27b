"""URLs of the care pages for health, education, missing episodes and exploitation (included by ``kinfolk.care.urls``)."""

urlpatterns: list = []
