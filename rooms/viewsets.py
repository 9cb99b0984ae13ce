"""Wagtail admin viewsets: rooms and watched words (staff), the moderation log (read-only)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import ModerationAction, Room, WatchedWord


class RoomViewSet(ModelViewSet):
    model = Room
    name = "help_rooms"
    url_prefix = "rooms/rooms"
    icon = "group"
    list_display = ["name", "territory", "language", "is_active"]
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

    def get_urlpatterns(self):
        # Only the list and the inspect view: no create, edit or delete.
        keep = {"index", "index_results", "inspect"}
        return [p for p in super().get_urlpatterns() if getattr(p, "name", "") in keep]


class RoomsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Help rooms")
    menu_icon = "group"
    items = [RoomViewSet, WatchedWordViewSet, ModerationLogViewSet]
