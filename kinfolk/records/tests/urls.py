"""The project's URLs for the page tests, with the landing page (URL name ``home``) that every
page's header links to added when the project's URLconf does not include it yet."""

from django.urls import NoReverseMatch, include, path, reverse

from kinfolk.urls import urlpatterns as project_urls

urlpatterns = list(project_urls)
try:
    reverse("home", urlconf="kinfolk.urls")
except NoReverseMatch:
    urlpatterns.append(path("", include("kinfolk.workspaces.urls")))
