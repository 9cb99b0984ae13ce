"""Reads for the rooms' pages and consumer: lists, history, catch-up, moderation queues."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from parents.permissions import facilitated_organisations, is_parent, is_staff

from . import permissions
from .models import HelpRequest, Message, Report, Room

HISTORY_SIZE = 50


def rooms_for(user):
    """The rooms a person may enter: their territory's and those open to all (every room
    for staff, and the rooms of their organisations' territories for facilitators)."""
    rooms = Room.objects.active().select_related("territory")
    if is_staff(user):
        return rooms
    if not is_parent(user):
        return rooms.none()
    territories = {user.territory_id}
    volunteer = permissions.ambassador_volunteer(user)
    if volunteer is not None:
        territories.add(volunteer.territory_id)
    organisations = facilitated_organisations(user)
    return rooms.filter(
        Q(territory__isnull=True)
        | Q(territory_id__in=[t for t in territories if t])
        | Q(territory__organisations__in=organisations)
    ).distinct()


def _messages(room, help_request=None):
    messages = Message.objects.visible().select_related("author", "room")
    if help_request is not None:
        return messages.filter(help_request=help_request)
    return messages.in_room(room)


def history(room, help_request=None) -> list[Message]:
    """The last 50 messages shown, in order: a page's first view (it catches up by number)."""
    latest = _messages(room, help_request).order_by("-pk")[:HISTORY_SIZE]
    return list(reversed(latest))


# --- Catch-up by event number (rooms.events) -----------------------------------------------


def stream_number(stream) -> int:
    """The last number of a room's stream, or of a help request's thread, read now."""
    rows = type(stream).objects.filter(pk=stream.pk).values_list("last_event_seq", flat=True)
    return rows.first() or 0


def thread_numbers(help_request) -> tuple[int, int]:
    """(the thread's last number, the number of its resolution), read together."""
    rows = HelpRequest.objects.filter(pk=help_request.pk)
    return rows.values_list("last_event_seq", "resolved_seq").first() or (0, 0)


def messages_changed(room, after: int, help_request=None) -> tuple[list[Message], bool]:
    """The stream's messages whose last change is numbered after `after` (shown, or hidden
    since), in that order; complete=False when more than 50 changed (the last 50 are given)."""
    messages = (
        Message.objects.filter(room=room, help_request=help_request, seq__gt=after)
        .filter(status__in=[Message.Status.VISIBLE, Message.Status.HIDDEN])
        .select_related("author", "room")
    )
    latest = list(messages.order_by("-seq")[: HISTORY_SIZE + 1])
    return list(reversed(latest[:HISTORY_SIZE])), len(latest) <= HISTORY_SIZE


def help_requests_changed(room, after: int, private: bool) -> tuple[list[HelpRequest], bool]:
    """The room's questions asked or claimed after number `after` (the private ones only for
    `private`), in that order; complete=False when more than 50."""
    requests = HelpRequest.objects.filter(room=room, room_seq__gt=after)
    if not private:
        requests = requests.filter(is_private=False)
    requests = requests.select_related("asker", "claimed_by", "room").order_by("-room_seq")
    latest = list(requests[: HISTORY_SIZE + 1])
    return list(reversed(latest[:HISTORY_SIZE])), len(latest) <= HISTORY_SIZE


def open_help_requests(user, room):
    requests = HelpRequest.objects.filter(room=room, status=HelpRequest.Status.OPEN).select_related(
        "asker", "room"
    )
    if permissions.can_help_in_room(user, room) or permissions.can_moderate_room(user, room):
        return requests
    return requests.filter(Q(is_private=False) | Q(asker=user))


def my_help_requests(user, room):
    return (
        HelpRequest.objects.filter(room=room)
        .filter(Q(asker=user) | Q(claimed_by=user))
        .select_related("asker", "claimed_by", "room")[:20]
    )


def open_reports(room):
    return (
        Report.objects.filter(message__room=room, handled_at__isnull=True)
        .select_related("message", "message__author", "reporter")
        .order_by("created_at")
    )


def held_messages(room):
    return Message.objects.filter(room=room, status=Message.Status.HELD).select_related("author")


def unanswered_for(user):
    """Questions nobody claimed within ROOMS_UNANSWERED_AFTER_MINUTES, in the person's scope."""
    limit = timezone.now() - timedelta(minutes=settings.ROOMS_UNANSWERED_AFTER_MINUTES)
    requests = HelpRequest.objects.filter(
        status=HelpRequest.Status.OPEN, created_at__lte=limit, room__is_active=True
    ).select_related("room", "room__territory", "asker")
    if is_staff(user):
        return requests.order_by("created_at")
    territories = facilitated_organisations(user).values("territories")
    return requests.filter(room__territory__in=territories).order_by("created_at")
