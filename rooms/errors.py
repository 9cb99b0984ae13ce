"""The rooms' refusals: a machine code (rooms/PROTOCOL.md) and a translated message.

Below every other module of the app (it imports nothing of it): services, watched words,
moderation and consumers all raise or answer with it.
"""

from django.utils.translation import gettext_lazy as _


class RoomError(Exception):
    """A refusal with a machine code (see rooms/PROTOCOL.md) and a message for the person."""

    MESSAGES = {
        "empty": _("Write a message first."),
        "too_long": _("This message is too long."),
        "rate_limited": _("You are sending messages too fast. Wait a few seconds."),
        "slow_mode": _("This room is in slow mode. Wait a little before your next message."),
        "muted": _("A moderator has muted you in this room for a while."),
        "banned": _("You can no longer take part in this room."),
        "rules_not_accepted": _("Please read and accept the room’s rules first."),
        "not_found": _("This message or request does not exist here."),
        "forbidden": _("You are not allowed to do this here."),
        "blocked_word": _("This message contains words that are not accepted here."),
        "held_for_review": _("Your message will be published once a moderator has read it."),
        "already_claimed": _("Another ambassador is already answering this question."),
        "invalid": _("This request is not valid."),
        # A voice message's recording (rooms.voice): nothing is stored.
        "voice_empty": _("This recording is empty. Record your message again."),
        "voice_type": _(
            "This file is not a sound recording we can play. Send an Ogg, WebM or MP4 (M4A) "
            "recording."
        ),
        "voice_broken": _("This recording is incomplete or damaged. Record it again."),
        "voice_too_big": _("This recording is too big."),
        "voice_too_long": _("This recording is too long."),
        "unavailable": _(
            "Nothing was sent: the rooms are unavailable for a moment. Try again in a minute."
        ),
    }

    def __init__(self, code: str, message=None):
        self.code = code
        self.message = str(message or self.MESSAGES.get(code, self.MESSAGES["invalid"]))
        super().__init__(self.message)

    def as_event(self, client_id: str = "") -> dict:
        event = {"type": "error", "code": self.code, "message": self.message}
        if client_id:
            event["client_id"] = client_id  # the post it refuses: the page keeps its text
        return event
