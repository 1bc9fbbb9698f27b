from django.apps import AppConfig


class DutiesConfig(AppConfig):
    name = "kinfolk.duties"
    label = "duties"

    def ready(self) -> None:
        from kinfolk.core.events import casework_changed
        from kinfolk.duties import receivers

        casework_changed.connect(
            receivers.recompute_on_casework_change, dispatch_uid="duties.recompute"
        )
