from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight"

    def ready(self) -> None:
        from recommendations import panels, timeline

        from .navigation import register_sections
        from .panels import item_oversight_panel, report_s55_panel

        panels.register(item_oversight_panel)
        panels.register_report_panel(report_s55_panel)
        from .services import target_date_requests_lapse

        timeline.register_when_closed(target_date_requests_lapse)
        register_sections()
