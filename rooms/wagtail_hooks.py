"""Wagtail admin of the rooms: rooms, watched words, and the read-only moderation log."""

from wagtail import hooks

from .viewsets import RoomsViewSetGroup


@hooks.register("register_admin_viewset")
def register_rooms_viewsets():
    return RoomsViewSetGroup()
