"""The child's leaving pages, under ``/children/<pk>/leaving/``."""

from django.urls import path  # noqa: F401

app_name = "leaving"

urlpatterns: list = []
