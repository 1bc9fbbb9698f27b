from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "kinfolk.returns"
    verbose_name = "Statutory returns: CIN census, SSDA903 and Ofsted Annex A"

    def ready(self) -> None:
        from kinfolk.core.events import casework_changed
        from kinfolk.returns import receivers

        # The validators declare their rules in the rule registry (kinfolk.core.rules).
        from kinfolk.returns.cin import rules as _cin_rules  # noqa: F401
        from kinfolk.returns.ssda903 import rules as _ssda903_rules  # noqa: F401

        casework_changed.connect(
            receivers.mark_for_data_quality_recheck, dispatch_uid="returns.data_quality"
        )
