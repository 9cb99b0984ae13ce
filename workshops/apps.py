from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self):
        from parents.models import OrganisationMembership

        from . import notifications_links, signals  # noqa: F401 — the links-again kind
        from .personal_data import register_sources

        register_sources()  # what this app keeps about people (core.personal_data)

        post_save.connect(
            signals.membership_saved,
            sender=OrganisationMembership,
            dispatch_uid="workshops.membership_saved",
        )
        post_delete.connect(
            signals.membership_deleted,
            sender=OrganisationMembership,
            dispatch_uid="workshops.membership_deleted",
        )
