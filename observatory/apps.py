"""The territory observatory: anonymised figures for pilots and staff, and their exports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    label = "observatory"
    verbose_name = _("Observatory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data

        personal_data.register_sources()
