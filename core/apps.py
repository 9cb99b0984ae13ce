"""The cross-cutting base of Coéduc (`core`): no pages of its own, only shared services."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = _("Coéduc base")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data_sources  # noqa: F401 — opt-outs and the SMS file outbox
