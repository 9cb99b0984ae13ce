"""Wagtail admin: the log of figure exports, read-only, for staff."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from parents.permissions import is_staff

from .models import ExportLog


class StaffReadOnlyPolicy(ModelPermissionPolicy):
    """Staff read the log; nobody adds, changes or deletes a row, not even a superuser."""

    def user_has_permission(self, user, action):
        return action == "view" and is_staff(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_staff=True)


class ExportLogViewSet(ModelViewSet):
    model = ExportLog
    name = "figure_exports"
    url_prefix = "observatory/exports"
    menu_label = _("Figure exports")
    icon = "download"
    add_to_admin_menu = True
    list_display = ["created_at", "user", "role", "territory", "format", "filters", "rows"]
    list_filter = ["territory", "format", "role"]
    inspect_view_enabled = True
    form_fields = ["territory", "format"]  # never shown: nobody may add or change

    @property
    def permission_policy(self):
        return StaffReadOnlyPolicy(self.model)
