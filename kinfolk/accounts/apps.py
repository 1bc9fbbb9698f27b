from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kinfolk.accounts"
    label = "accounts"
    verbose_name = "Sign-in"
