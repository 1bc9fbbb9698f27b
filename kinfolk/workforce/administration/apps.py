from django.contrib.admin.apps import SimpleAdminConfig


class ReferenceDataAdminConfig(SimpleAdminConfig):
    """Django's admin, as Kinfolk installs it: one site, behind the access policy, holding the
    reference data that ``kinfolk.workforce.administration.site`` registers and nothing else
    (no other app's ``admin`` module is read)."""

    default_site = "kinfolk.workforce.administration.site.KinfolkAdminSite"

    def ready(self) -> None:
        super().ready()
        from django.contrib.admin import site

        from kinfolk.workforce.administration.site import register_reference_data

        register_reference_data(site)
