from django.apps import AppConfig


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Reports and recommendations"

    def ready(self) -> None:
        from . import figures, history, navigation, signals  # noqa: F401

        navigation.register_own_sections()
        # A tracked model that the history guard would not cover stops start-up.
        history.install_guard()
