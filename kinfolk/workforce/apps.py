from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "kinfolk.workforce"
    label = "workforce"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from kinfolk.workforce.sessions import forget_signed_in_session, record_signed_in_session

        user_logged_in.connect(record_signed_in_session, dispatch_uid="workforce-signed-in")
        user_logged_out.connect(forget_signed_in_session, dispatch_uid="workforce-signed-out")
