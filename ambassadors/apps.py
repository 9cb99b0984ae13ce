from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    name = "ambassadors"
    verbose_name = _("Ambassador path")

    def ready(self):
        from . import (
            notifications,  # noqa: F401 — registers its kinds (core.notify)
            receivers,  # noqa: F401 — listens to guides and attendance
        )
        from .personal_data import register_sources

        register_sources()  # what this app keeps about people (core.personal_data)
