"""Every change in the rooms: post, accept the rules, read, report, duty, help requests.

Each function checks the permission and writes the database in one transaction; an event the
pages must not miss takes its stream's number there (`rooms.events`), and is broadcast after
the commit, serialised once (`{"type": "room.event", "text": …}`), which every consumer
forwards as it is. Moderation lives in `rooms.moderation`, which follows the same rules.
"""

import contextlib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.locking import lock
from core.notify import Recipient, is_quiet, notify

from . import events, permissions, ratelimit, watched_words
from . import voice as voice_files
from .errors import RoomError
from .events import broadcast, person
from .masking import mask_contacts
from .models import Connection, HelpRequest, Member, Message, OnDuty, Report, Room
from .voice import check_recording, clean_note

MAX_LENGTH = settings.ROOMS_MESSAGE_MAX_LENGTH


def _notify(user, kind: str, payload: dict) -> None:
    if not is_quiet():
        notify(Recipient.for_user(user), kind, payload)


# --- Checks shared by posts and questions ------------------------------------------------


def _clean_input(text) -> str:
    if not isinstance(text, str):
        raise RoomError("invalid")
    # Kept as typed (contacts masked): shown escaped through core.sanitize.plain_text_to_html.
    text = text.strip()
    if not text:
        raise RoomError("empty")
    if len(text) > MAX_LENGTH:
        raise RoomError("too_long")
    return text


def check_rate_limit(user):
    """At most ROOMS_RATE_LIMIT_MESSAGES in any ROOMS_RATE_LIMIT_SECONDS, per person, all rooms
    together. A sliding window in the shared cache, so that every server process agrees: a
    burst across a fixed window's edge is still refused. Returns the watched words' version,
    read in the same round trip (`rooms.ratelimit`)."""
    if is_quiet():
        return watched_words.current_version()  # the demo loader writes conversations at once
    try:
        taken, version = ratelimit.take(
            f"rooms:rate:{user.pk}",
            settings.ROOMS_RATE_LIMIT_MESSAGES,
            settings.ROOMS_RATE_LIMIT_SECONDS,
            timezone.now().timestamp(),
            read_key=watched_words.VERSION_KEY,
        )
    except ratelimit.CacheUnavailable:
        raise RoomError("unavailable") from None
    if not taken:
        raise RoomError("rate_limited")
    return version


def _lock_member(user, room: Room) -> Member:
    member, _created = Member.objects.get_or_create(room=room, user=user)
    return lock(Member, member.pk)


def _check_room_post(user, room: Room, now, member: Member | None) -> None:
    """Raises RoomError when this person may not post in the room now (rules, mute, ban, slow
    mode). Only slow mode needs the member's row locked (two posts at once must not both pass)
    and the time of the last post kept; without it, the membership already read is enough."""
    if room.slow_mode_seconds or member is None:
        members = Member.objects.filter(room=room, user=user)
        member = (members.select_for_update() if room.slow_mode_seconds else members).first()
    refusal = permissions.post_refusal(user, room, member)
    if refusal:
        raise RoomError(refusal)
    if not room.slow_mode_seconds or permissions.can_moderate_room(user, room, member):
        return
    last = member.last_posted_at
    if last and (now - last).total_seconds() < room.slow_mode_seconds:
        raise RoomError("slow_mode")
    Member.objects.filter(pk=member.pk).update(last_posted_at=now)


def _prepare_text(text: str, words_version) -> tuple[str, bool]:
    """Masked contacts, watched words applied: (text, held for review)."""
    text, held = watched_words.apply(text, words_version)
    text, _masked = mask_contacts(text)
    return text, held


# --- Room messages -------------------------------------------------------------------------


def post_message(
    user,
    room: Room,
    text,
    client_id="",
    help_request=None,
    member: Member | None = None,
    voice=None,
) -> Message:
    """Save a message, then send it to the room (or to the help request's thread).

    A message held for review is saved but not sent; the caller tells its author. `member`:
    the poster's membership if the caller has just read it (the consumer's re-check of every
    frame), not read a second time unless it must be locked. `voice`: an uploaded recording,
    for a voice message (`text` is then its optional note): checked first (`rooms.voice`), its
    file written once the post is allowed, and deleted again if it is not saved after all."""
    recording = check_recording(voice) if voice is not None else None
    text = _clean_input(text) if recording is None else clean_note(text)
    client_id = str(client_id or "")[:64]
    words_version = check_rate_limit(user)
    # A transaction only to hold a lock while checking (the thread's state, slow mode): most
    # posts are one statement, the number and the INSERT (`rooms.events.save_numbered`): a
    # room's rate is bounded by its round trips to the database (bench/rooms_fanout.py).
    locking = help_request is not None or bool(room.slow_mode_seconds)
    stored = ""
    try:
        with transaction.atomic() if locking else contextlib.nullcontext():
            now = timezone.now()
            if help_request is not None:
                help_request = lock(HelpRequest, help_request.pk)
                if not permissions.can_write_in_thread(user, help_request):
                    raise RoomError("forbidden")
            else:
                _check_room_post(user, room, now, member)
            text, held = _prepare_text(text, words_version)
            message = Message(
                room=room,
                help_request=help_request,
                author=user,
                text=text,
                client_id=client_id,
                status=Message.Status.HELD if held else Message.Status.VISIBLE,
                created_at=now,
            )
            stored = voice_files.attach(message, recording, room)
            if held:
                message.save(force_insert=True)  # nobody sees it yet: no number
            else:
                # Last: the stream's row stays locked from its number to the commit.
                events.save_numbered(message, help_request or room)
                events.publish_message(message)
    except BaseException:
        voice_files.discard(stored)  # refused or not saved: no file left behind
        raise
    return message


def accept_rules(user, room: Room) -> Member:
    with transaction.atomic():
        member = _lock_member(user, room)
        if not permissions.can_read_room(user, room, member):
            raise RoomError("banned" if member.is_banned else "forbidden")
        if member.rules_accepted_at is None:
            member.rules_accepted_at = timezone.now()
            member.save(update_fields=["rules_accepted_at"])
    return member


def mark_read(user, room: Room, up_to) -> int:
    """Move the person's read marker forward (never back); returns the marker."""
    if not isinstance(up_to, int) or isinstance(up_to, bool) or up_to <= 0:
        raise RoomError("invalid")
    if not Message.objects.in_room(room).filter(pk=up_to).exists():
        raise RoomError("not_found")
    member, _created = Member.objects.get_or_create(room=room, user=user)
    # One UPDATE with a condition: two tabs marking at once cannot move it back.
    Member.objects.filter(pk=member.pk, last_read_id__lt=up_to).update(last_read_id=up_to)
    return max(member.last_read_id, up_to)


def report_message(user, room: Room, message_id, reason) -> None:
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise RoomError("invalid")
    reason = (reason if isinstance(reason, str) else "").strip()[:500]
    if not reason:
        raise RoomError("invalid", _("Say in a few words what is wrong with this message."))
    message = (
        Message.objects.in_room(room).visible().filter(pk=message_id).select_related("room").first()
    )
    if message is None:
        raise RoomError("not_found")
    if not permissions.can_read_room(user, room):
        raise RoomError("forbidden")
    with transaction.atomic():
        Report.objects.create(message=message, reporter=user, reason=reason)


# --- Presence ------------------------------------------------------------------------------


PRESENCE_LIMIT = 100


def presence_event(room: Room) -> dict:
    """Who is here (the first 100 names, and how many in all: a big room stays cheap)."""
    from django.contrib.auth import get_user_model

    here = Connection.objects.filter(room=room).values("user_id")
    users = get_user_model().objects.filter(pk__in=here).order_by("display_name", "pk")
    people = [person(user) for user in users.only("pk", "display_name")[:PRESENCE_LIMIT]]
    count = len(people) if len(people) < PRESENCE_LIMIT else users.count()
    return {"type": "presence", "present": people, "count": count}


def connected(user, room: Room, channel_name: str) -> dict:
    """Record an open socket; returns who is here, for the newcomer. The room hears of it
    through `broadcast_presence`, which the consumers call at most twice a second a room."""
    with transaction.atomic():
        Connection.objects.update_or_create(
            channel_name=channel_name, defaults={"room": room, "user": user}
        )
    return presence_event(room)


def disconnected(room_id: int, channel_name: str) -> None:
    Connection.objects.filter(channel_name=channel_name).delete()


def broadcast_presence(room_id: int) -> None:
    room = Room.objects.filter(pk=room_id).first()
    if room is not None:
        broadcast(room.group_name, presence_event(room))


# --- Duty and help requests ----------------------------------------------------------------


def on_duty_people(room: Room) -> list[dict]:
    duties = OnDuty.objects.select_related("user").order_by("since")
    if room.territory_id is not None:
        duties = duties.filter(territory_id=room.territory_id)
    return [person(duty.user) for duty in duties]


def set_duty(user, on: bool) -> bool:
    volunteer = permissions.ambassador_volunteer(user)
    if volunteer is None:
        raise RoomError("forbidden")
    with transaction.atomic():
        if on:
            OnDuty.objects.update_or_create(user=user, defaults={"territory": volunteer.territory})
        else:
            OnDuty.objects.filter(user=user).delete()
        for room in Room.objects.active().for_territory(volunteer.territory_id):
            broadcast(room.group_name, {"type": "on_duty", "people": on_duty_people(room)})
    return on


def _publish_help_request(help_request: HelpRequest) -> None:
    """Numbered last (the room's row stays locked until the commit), then sent to the room."""
    help_request.room_seq = events.take_number(help_request.room)
    HelpRequest.objects.filter(pk=help_request.pk).update(room_seq=help_request.room_seq)
    events.publish_help_request(help_request)


def ask_for_help(user, room: Room, question, is_private=False, voice=None) -> HelpRequest:
    """Send a question to the ambassadors on duty. `voice`: an uploaded recording, for a
    question asked by voice (`question` is then its optional note), checked and kept as a
    voice message's is (`post_message`)."""
    recording = check_recording(voice) if voice is not None else None
    question = _clean_input(question) if recording is None else clean_note(question)
    words_version = check_rate_limit(user)
    stored = ""
    try:
        with transaction.atomic():
            member = _lock_member(user, room)
            refusal = permissions.post_refusal(user, room, member)
            if refusal:
                raise RoomError(refusal)
            question, _held = _prepare_text(question, words_version)
            help_request = HelpRequest(
                room=room, asker=user, question=question, is_private=bool(is_private)
            )
            stored = voice_files.attach(help_request, recording, room)
            help_request.save(force_insert=True)
            _tell_ambassadors_not_connected(help_request)
            _publish_help_request(help_request)
    except BaseException:
        voice_files.discard(stored)  # refused or not saved: no file left behind
        raise
    return help_request


def _tell_ambassadors_not_connected(help_request: HelpRequest) -> None:
    room = help_request.room
    duties = OnDuty.objects.select_related("user").exclude(user=help_request.asker_id)
    if room.territory_id is not None:
        duties = duties.filter(territory_id=room.territory_id)
    connected_ids = set(Connection.objects.filter(room=room).values_list("user_id", flat=True))
    for duty in duties:
        if duty.user_id not in connected_ids:
            _notify(duty.user, "rooms.help_request", {"help_request_id": help_request.pk})


def claim(user, help_request_id) -> HelpRequest:
    """One ambassador takes the question; the others see it taken (the row is locked)."""
    if not isinstance(help_request_id, int) or isinstance(help_request_id, bool):
        raise RoomError("invalid")
    with transaction.atomic():
        try:
            help_request = lock(HelpRequest, help_request_id)
        except HelpRequest.DoesNotExist:
            raise RoomError("not_found") from None
        if not permissions.can_claim(user, help_request):
            raise RoomError("forbidden")
        if help_request.status != HelpRequest.Status.OPEN:
            raise RoomError("already_claimed")
        help_request.status = HelpRequest.Status.CLAIMED
        help_request.claimed_by = user
        help_request.claimed_at = timezone.now()
        help_request.save(update_fields=["status", "claimed_by", "claimed_at"])
        if help_request.asker is not None:
            _notify(help_request.asker, "rooms.claimed", {"help_request_id": help_request.pk})
        _publish_help_request(help_request)
    return help_request


def resolve(user, help_request: HelpRequest) -> HelpRequest:
    with transaction.atomic():
        help_request = lock(HelpRequest, help_request.pk)
        if not permissions.can_resolve(user, help_request):
            raise RoomError("forbidden")
        help_request.status = HelpRequest.Status.RESOLVED
        help_request.resolved_at = timezone.now()
        help_request.resolved_seq = events.take_number(help_request)
        help_request.save(update_fields=["status", "resolved_at", "resolved_seq"])
        broadcast(help_request.thread_group, events.resolved_event(help_request))
    return help_request
