from django.urls import path

app_name = "frontdoor"

urlpatterns: list = []
