"""Wagtail admin viewsets: rooms and watched words (staff), the moderation log (read-only)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ModerationAction, Room, WatchedWord


class RoomViewSet(ModelViewSet):
    model = Room
    name = "help_rooms"
    url_prefix = "rooms/rooms"
    icon = "group"
    # A column of its own: listed by name, Wagtail prints the value as Python's "True".
    list_display = ["name", "territory", "language", BooleanColumn("is_active", label=_("open"))]
    form_fields = [
        "name",
        "slug",
        "description",
        "kind",
        "topic",
        "territory",
        "language",
        "rules",
        "slow_mode_seconds",
        "is_active",
    ]


class WatchedWordViewSet(ModelViewSet):
    model = WatchedWord
    name = "watched_words"
    url_prefix = "rooms/watched-words"
    icon = "warning"
    list_display = ["word", "action"]
    form_fields = ["word", "action"]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody adds, changes or deletes a row here, not even a superuser."""

    WRITE = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in self.WRITE and super().user_has_permission_for_instance(
            user, action, instance
        )


class ModerationLogViewSet(ModelViewSet):
    """Read-only: the log is written by the moderation services only."""

    model = ModerationAction
    name = "moderation_log"
    url_prefix = "rooms/moderation-log"
    icon = "history"
    list_display = ["created_at", "room", "kind", "actor", "target_user", "reason"]
    list_filter = ["kind", "room"]
    inspect_view_enabled = True
    form_fields = ["reason"]

    @property
    def permission_policy(self):
        return ReadOnlyPolicy(self.model)


class RoomsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Help rooms")
    menu_icon = "group"
    items = [RoomViewSet, WatchedWordViewSet, ModerationLogViewSet]
