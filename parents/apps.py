from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParentsConfig(AppConfig):
    # Two AppConfig classes live in this module: without `default`, Django would use a bare
    # AppConfig for "parents" and never call this ready().
    default = True
    name = "parents"
    verbose_name = _("People and accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from . import (
            checks,
            facilitators_group,
            notifications,  # noqa: F401  (registers its kinds with core.notify)
            receivers,  # noqa: F401  (connects allauth's sign-in signals)
        )
        from .consumers import close_sockets_of_session

        facilitators_group.connect()
        checks.replace_allauth_settings_check()

        user_logged_out.connect(close_sockets_of_session, dispatch_uid="parents.close_sockets")
        from .personal_data import register_sources

        register_sources()  # what this app keeps about people (core.personal_data)


from wagtail.users.apps import WagtailUsersAppConfig  # noqa: E402


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that fit Coéduc's user model (no first/last name)."""

    user_viewset = "parents.viewsets.UserViewSet"
