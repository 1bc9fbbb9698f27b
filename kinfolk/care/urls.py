"""The child's care pages, under ``/children/<pk>/care/``: periods, episodes, placements and
proceedings (``urls_episodes``); care plans, reviews and visits (``urls_reviews``); health,
education and missing episodes (``urls_health``)."""

from kinfolk.care.urls_episodes import urlpatterns as episode_urls
from kinfolk.care.urls_health import urlpatterns as health_urls
from kinfolk.care.urls_reviews import urlpatterns as review_urls

app_name = "care"

urlpatterns = [*episode_urls, *review_urls, *health_urls]
