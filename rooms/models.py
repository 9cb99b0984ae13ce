"""Peer-help rooms: rooms, members, messages, help requests, reports, moderation, duty.

Only `rooms.services` changes these rows; the models hold data, invariants and reads.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AppendOnlyModel
from core.vocabularies import Topic
from parents.models import Territory

from .storage import voice_storage


class EventCounter(models.Model):
    """A row whose `last_event_seq` only `rooms.events.take_number` moves, in SQL, row locked.
    A save from an instance read earlier (an admin form open for a minute) writes every field
    but that one: writing back its older number would give two events the same."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        updating = not self._state.adding and not kwargs.get("force_insert")
        if updating and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "last_event_seq"
            ]
        super().save(*args, **kwargs)


class Recorded(models.Model):
    """A row that may carry a recording (a voice message, a question asked by voice): the file
    kept out of MEDIA_ROOT (rooms.storage), its type and length as read from it (rooms.voice)."""

    voice = models.FileField(storage=voice_storage, max_length=200, blank=True)
    voice_type = models.CharField(max_length=20, blank=True)
    voice_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        abstract = True


class RoomQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_territory(self, territory_id):
        """Rooms open to people of this territory (and rooms open to every territory)."""
        return self.filter(Q(territory__isnull=True) | Q(territory_id=territory_id))


class Room(EventCounter):
    """A place where parents help each other, on a topic, in a territory or in a language."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Topic")
        TERRITORY = "territory", _("Territory")
        LANGUAGE = "language", _("Language")

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, blank=True)
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="rooms",
        help_text=_("Empty: open to parents of every territory."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    rules = models.TextField(_("rules"))
    slow_mode_seconds = models.PositiveIntegerField(_("seconds between two messages"), default=0)
    is_active = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The number of the room's last event (rooms.events): taken, row locked, by each change.
    last_event_seq = models.PositiveBigIntegerField(default=0, editable=False)

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def group_name(self) -> str:
        return f"rooms.room.{self.pk}"

    @property
    def is_rtl(self) -> bool:
        return self.language in settings.LANGUAGES_BIDI


class Member(models.Model):
    """A person in a room: rules accepted, what they read, and the moderators' measures."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="room_memberships"
    )
    rules_accepted_at = models.DateTimeField(null=True, blank=True)
    last_read_id = models.PositiveBigIntegerField(default=0)
    last_posted_at = models.DateTimeField(null=True, blank=True)
    muted_until = models.DateTimeField(null=True, blank=True)
    banned_at = models.DateTimeField(null=True, blank=True)
    is_moderator = models.BooleanField(_("moderator"), default=False)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("room member")
        verbose_name_plural = _("room members")
        constraints = [models.UniqueConstraint(fields=["room", "user"], name="unique_room_member")]

    def __str__(self):
        return f"{self.user} — {self.room}"

    def is_muted(self, now=None) -> bool:
        return self.muted_until is not None and self.muted_until > (now or timezone.now())

    @property
    def is_banned(self) -> bool:
        return self.banned_at is not None


class HelpRequest(Recorded, EventCounter):
    """A parent's question to the ambassadors on duty, then a private thread with the one
    who claimed it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an ambassador")
        CLAIMED = "claimed", _("Being answered")
        RESOLVED = "resolved", _("Resolved")

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="help_requests")
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Asked by voice, the question is its recording's optional note.
    question = models.TextField(_("your question"), blank=True)
    is_private = models.BooleanField(_("only the ambassadors see my question"), default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    erased = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Numbers of rooms.events: its last change in the room's stream (asked, claimed), its
    # thread's own stream, and the thread's number of its resolution.
    room_seq = models.PositiveBigIntegerField(default=0, editable=False)
    last_event_seq = models.PositiveBigIntegerField(default=0, editable=False)
    resolved_seq = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"#{self.pk} — {self.get_status_display()}"

    @property
    def thread_group(self) -> str:
        return f"rooms.thread.{self.pk}"


class MessageQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Message.Status.VISIBLE)

    def in_room(self, room):
        """The room's own conversation (not the private threads)."""
        return self.filter(room=room, help_request__isnull=True)


class Message(Recorded, models.Model):
    """One message, in a room or in a help request's private thread. Plain text, contacts
    already masked; shown through core.sanitize.plain_text_to_html."""

    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by a moderator")
        HELD = "held", _("Held for review")
        REJECTED = "rejected", _("Not published")

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="messages")
    help_request = models.ForeignKey(
        HelpRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # A voice message's text is its recording's note, perhaps empty.
    text = models.TextField()
    # The author erased their account: the text is gone, "deleted account" is shown instead.
    erased = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.VISIBLE)
    client_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The number of its last change that pages saw (published, hidden, restored) in its
    # stream, the room's or its thread's (rooms.events); 0 while it was never shown.
    seq = models.PositiveBigIntegerField(default=0, editable=False)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["room", "help_request", "status", "id"]),
            models.Index(fields=["room", "help_request", "seq"], name="rooms_message_stream_seq"),
        ]

    def __str__(self):
        return f"#{self.pk}"


class Report(models.Model):
    """A message reported by a member, with their reason, until a moderator handles it."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("why"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"#{self.pk} — message #{self.message_id}"


class OnDuty(models.Model):
    """An ambassador who is on duty now (the row is deleted when they go off duty)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="room_duty"
    )
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ambassador on duty")
        verbose_name_plural = _("ambassadors on duty")

    def __str__(self):
        return str(self.user)


class Connection(models.Model):
    """One open WebSocket in a room (presence). Removed when the socket closes."""

    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="connections")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    connected_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user} — {self.room}"


class WatchedWord(models.Model):
    """A word or phrase the team watches for in rooms (insults, scams, dangerous advice)."""

    class Action(models.TextChoices):
        BLOCK = "block", _("Refuse the message")
        MASK = "mask", _("Mask the word")
        HOLD = "hold", _("Hold the message for review")

    word = models.CharField(_("word or phrase"), max_length=100, unique=True)
    action = models.CharField(_("what to do"), max_length=5, choices=Action.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("watched word")
        verbose_name_plural = _("watched words")
        ordering = ["word"]

    def __str__(self):
        return self.word


class ModerationAction(AppendOnlyModel):
    """Who did what, when and why in a room. Written once; never changed nor deleted."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Message hidden")
        RESTORE = "restore", _("Message restored")
        RELEASE = "release", _("Held message published")
        REJECT = "reject", _("Held message refused")
        MUTE = "mute", _("Member muted")
        BAN = "ban", _("Member banned")
        UNBAN = "unban", _("Ban lifted")
        SLOW_MODE = "slow_mode", _("Slow mode changed")
        DISMISS = "dismiss", _("Report dismissed")

    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, related_name="moderation_log", verbose_name=_("room")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    kind = models.CharField(_("action"), max_length=10, choices=Kind.choices)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member"),
    )
    message = models.ForeignKey(
        Message,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("message"),
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.created_at:%Y-%m-%d %H:%M}"
