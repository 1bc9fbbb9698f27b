"""The returns pages: building and downloading the returns, data quality, and each child's
failures (``/children/<pk>/returns/``); included at the site root."""

from django.urls import path  # noqa: F401

app_name = "returns"

urlpatterns: list = []
