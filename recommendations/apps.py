from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Reports and recommendations"

    def ready(self) -> None:
        from . import history, signals  # noqa: F401
        from .auth import logs, throttle  # noqa: F401
