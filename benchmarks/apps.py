from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """The national-scale benchmark: seeding a separate database and loading it.

    No models; it depends on both apps, and nothing depends on it.
    """

    name = "benchmarks"
    verbose_name = "Benchmarks"
