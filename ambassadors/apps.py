from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    name = "ambassadors"
    verbose_name = _("Ambassador path")

    def ready(self):
        from . import receivers  # noqa: F401 — listens to guides and attendance
