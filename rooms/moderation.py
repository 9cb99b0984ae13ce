"""Moderation services: hide and restore, publish or refuse a held message, mute, ban, slow
mode, dismiss a report. Each checks the moderator's right on the room, writes the change and
one `ModerationAction` (who, what, when, why), and broadcasts after the commit (a message's
change numbered in its stream, `rooms.events`)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.locking import lock

from . import events, permissions
from .errors import RoomError
from .models import Member, Message, ModerationAction, Report, Room

MAX_MUTE_MINUTES = 7 * 24 * 60
MAX_SLOW_MODE_SECONDS = 3600


def _reason(reason) -> str:
    return (reason if isinstance(reason, str) else "").strip()[:500]


def _check(actor, room: Room) -> None:
    if not permissions.can_moderate_room(actor, room):
        raise RoomError("forbidden")


def _log(actor, room, kind, *, reason="", target_user=None, message=None, **details):
    return ModerationAction.objects.create(
        room=room,
        actor=actor,
        kind=kind,
        reason=reason,
        target_user=target_user,
        message=message,
        details=details,
    )


def _room_message(room: Room, message_id) -> Message:
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise RoomError("invalid")
    try:
        return lock(Message.objects.filter(room=room), message_id)
    except Message.DoesNotExist:
        raise RoomError("not_found") from None


def _close_reports(actor, message: Message) -> None:
    Report.objects.filter(message=message, handled_at__isnull=True).update(
        handled_at=timezone.now(), handled_by=actor
    )


def _set_status(actor, room, message_id, reason, *, allowed_from, to, kind) -> Message:
    _check(actor, room)
    with transaction.atomic():
        message = _room_message(room, message_id)
        if message.status not in allowed_from:
            raise RoomError("invalid")
        _close_reports(actor, message)
        _log(actor, room, kind, reason=_reason(reason), message=message, target_user=message.author)
        message.status = to
        seen = to in (Message.Status.VISIBLE, Message.Status.HIDDEN)  # a refused one never was
        if seen:
            # Last: the stream's row stays locked until the commit.
            message.seq = events.take_number(events.message_stream(message))
        message.save(update_fields=["status", "seq"])
        if seen:
            restored = kind == ModerationAction.Kind.RESTORE
            events.publish_message(message, restored=restored)
    return message


def hide(actor, room, message_id, reason="") -> Message:
    return _set_status(
        actor,
        room,
        message_id,
        reason,
        allowed_from={Message.Status.VISIBLE},
        to=Message.Status.HIDDEN,
        kind=ModerationAction.Kind.HIDE,
    )


def restore(actor, room, message_id, reason="") -> Message:
    return _set_status(
        actor,
        room,
        message_id,
        reason,
        allowed_from={Message.Status.HIDDEN},
        to=Message.Status.VISIBLE,
        kind=ModerationAction.Kind.RESTORE,
    )


def release(actor, room, message_id, reason="") -> Message:
    """Publish a message held for review."""
    return _set_status(
        actor,
        room,
        message_id,
        reason,
        allowed_from={Message.Status.HELD},
        to=Message.Status.VISIBLE,
        kind=ModerationAction.Kind.RELEASE,
    )


def reject(actor, room, message_id, reason="") -> Message:
    return _set_status(
        actor,
        room,
        message_id,
        reason,
        allowed_from={Message.Status.HELD},
        to=Message.Status.REJECTED,
        kind=ModerationAction.Kind.REJECT,
    )


def _target_member(actor, room, user_id) -> Member:
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise RoomError("invalid")
    member = Member.objects.filter(room=room, user_id=user_id).first()
    if member is None:
        raise RoomError("not_found")
    if user_id == actor.pk or permissions.can_moderate_room(member.user, room):
        raise RoomError("forbidden")  # a moderator is not muted or banned by a peer
    return lock(Member, member.pk)


def mute(actor, room, user_id, minutes, reason="") -> Member:
    _check(actor, room)
    if (
        not isinstance(minutes, int)
        or isinstance(minutes, bool)
        or not (1 <= minutes <= MAX_MUTE_MINUTES)
    ):
        raise RoomError("invalid")
    with transaction.atomic():
        member = _target_member(actor, room, user_id)
        member.muted_until = timezone.now() + timedelta(minutes=minutes)
        member.save(update_fields=["muted_until"])
        _log(
            actor,
            room,
            ModerationAction.Kind.MUTE,
            reason=_reason(reason),
            target_user=member.user,
            minutes=minutes,
        )
    return member


def ban(actor, room, user_id, reason="") -> Member:
    _check(actor, room)
    with transaction.atomic():
        member = _target_member(actor, room, user_id)
        if member.banned_at is None:
            member.banned_at = timezone.now()
            member.save(update_fields=["banned_at"])
        _log(
            actor, room, ModerationAction.Kind.BAN, reason=_reason(reason), target_user=member.user
        )
    return member


def unban(actor, room, user_id, reason="") -> Member:
    _check(actor, room)
    with transaction.atomic():
        member = _target_member(actor, room, user_id)
        member.banned_at = None
        member.save(update_fields=["banned_at"])
        _log(
            actor,
            room,
            ModerationAction.Kind.UNBAN,
            reason=_reason(reason),
            target_user=member.user,
        )
    return member


def set_slow_mode(actor, room, seconds, reason="") -> Room:
    _check(actor, room)
    if (
        not isinstance(seconds, int)
        or isinstance(seconds, bool)
        or not (0 <= seconds <= MAX_SLOW_MODE_SECONDS)
    ):
        raise RoomError("invalid")
    with transaction.atomic():
        room = lock(Room, room.pk)
        previous = room.slow_mode_seconds
        room.slow_mode_seconds = seconds
        room.save(update_fields=["slow_mode_seconds"])
        _log(
            actor,
            room,
            ModerationAction.Kind.SLOW_MODE,
            reason=_reason(reason),
            before=previous,
            after=seconds,
        )
    return room


def dismiss_report(actor, room, report_id, reason="") -> Report:
    _check(actor, room)
    with transaction.atomic():
        report = (
            Report.objects.select_related("message")
            .filter(pk=report_id, message__room=room, handled_at__isnull=True)
            .first()
        )
        if report is None:
            raise RoomError("not_found")
        report.handled_at = timezone.now()
        report.handled_by = actor
        report.save(update_fields=["handled_at", "handled_by"])
        _log(
            actor,
            room,
            ModerationAction.Kind.DISMISS,
            reason=_reason(reason),
            message=report.message,
            report=report.pk,
        )
    return report
