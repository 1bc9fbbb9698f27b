from django.apps import AppConfig


class AllegationsConfig(AppConfig):
    name = "kinfolk.allegations"
    label = "allegations"
    verbose_name = "Allegations against people who work with children (LADO)"

    def ready(self) -> None:
        from kinfolk.allegations import registrations, signals  # noqa: F401
