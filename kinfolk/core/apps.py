from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kinfolk.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from kinfolk.core.registry import discover_registrations

        # Every app's chronology kinds and duty pages are declared before any page or
        # command runs (kinfolk.core.registry).
        discover_registrations()
