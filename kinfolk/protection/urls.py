from django.urls import path

app_name = "protection"

urlpatterns: list = []
