from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParentsConfig(AppConfig):
    name = "parents"
    verbose_name = _("People and accounts")


from wagtail.users.apps import WagtailUsersAppConfig  # noqa: E402


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that fit Coéduc's user model (no first/last name)."""

    user_viewset = "parents.viewsets.UserViewSet"
