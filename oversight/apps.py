from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        from recommendations import panels

        from .navigation import register_sections
        from .panels import item_oversight_panel, report_s55_panel

        panels.register(item_oversight_panel)
        panels.register_report_panel(report_s55_panel)
        register_sections()
