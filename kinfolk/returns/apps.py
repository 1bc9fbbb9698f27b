from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "kinfolk.returns"
    verbose_name = "Statutory returns: CIN census, SSDA903 and Ofsted Annex A"

    def ready(self) -> None:
        from kinfolk.core.events import casework_changed
        from kinfolk.returns import receivers

        casework_changed.connect(
            receivers.mark_for_data_quality_recheck, dispatch_uid="returns.data_quality"
        )
