from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from . import (
            notifications,  # noqa: F401 — registers its kinds (core.notify)
            notifications_links,  # noqa: F401 — the 'links again' kind
        )
        from .personal_data import register_sources

        register_sources()  # what this app keeps about people (core.personal_data)
