from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "rooms"
    label = "rooms"
    verbose_name = _("Help rooms")

    def ready(self):
        # Notification kinds, personal-data sources, the receivers (watched words' cache, voice
        # messages' files), the check that the recordings stay private.
        from . import checks, notifications, personal_data, receivers  # noqa: F401
