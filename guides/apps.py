"""The guides: step-by-step pages for families, with progress, easy-read and reading aids."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidesConfig(AppConfig):
    name = "guides"
    label = "guides"
    verbose_name = _("Guides")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            signals,  # noqa: F401 — connects the cache invalidation
            translation_rules,  # noqa: F401 — translations follow their original
        )
        from .personal_data import register_sources

        register_sources()  # what this app keeps about people (core.personal_data)
