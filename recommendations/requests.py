"""The request the tracker's views receive, typed for what its middleware adds."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class SignedInRequest(HttpRequest):
    """A request past LoginRequiredMiddleware (so `user` is a signed-in User) and
    django-htmx's middleware (`htmx`). Only for type checking: views receive Django's
    own request objects, which carry both attributes at run time."""

    user: User
    htmx: HtmxDetails
