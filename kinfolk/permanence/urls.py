"""The child's permanence pages, under ``/children/<pk>/permanence/``."""

from django.urls import path  # noqa: F401

app_name = "permanence"

urlpatterns: list = []
