"""The site's URLs plus one view that fails, for the error-page tests."""

from django.urls import path

from config.urls import handler403, urlpatterns

__all__ = ["handler403", "urlpatterns"]


def _fails(request):
    raise RuntimeError("a secret detail: db.internal:5432 password=hunter2")


urlpatterns = [path("fails/", _fails), *urlpatterns]
