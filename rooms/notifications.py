"""Notification kinds of the rooms (see core.notify): a question for the ambassadors on duty
who have no room open, and "an ambassador answers you" for the parent."""

from django.urls import reverse

from core.links import absolute_url
from core.notify import Kind, register_kind

from .models import HelpRequest


def _build(help_request_id: int) -> dict | None:
    help_request = HelpRequest.objects.select_related("room").filter(pk=help_request_id).first()
    if help_request is None:
        return None
    path = reverse("rooms:help_request", args=[help_request.room.slug, help_request.pk])
    return {"room": help_request.room, "help_request": help_request, "url": absolute_url(path)}


def _build_for_ambassadors(help_request_id: int) -> dict | None:
    context = _build(help_request_id)
    if context is None or context["help_request"].status != HelpRequest.Status.OPEN:
        return None  # already claimed: nothing to tell
    return context


register_kind(Kind(name="rooms.help_request", build=_build_for_ambassadors))
register_kind(Kind(name="rooms.claimed", build=_build))
