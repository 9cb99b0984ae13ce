"""Telling a person something: the one place that chooses the channel and sends.

    notify(Recipient.for_user(user), "ambassadors.stage", {"volunteer_id": 12})

A *kind* ("app.event") is registered once by its app (`register_kind`) with a `build`
function that turns the payload — references such as ids, never message text — into the
template context, inside the background task, in the recipient's language and time zone.
Each kind has its templates under `notifications/<app>/<event>.`:

- `subject.txt` (one line), `email.txt` (and optionally `email.html`) for e-mail,
- `sms.txt` for a text message (whitespace is collapsed),
- the live push (a signed-in person's open pages) carries the subject.

Django escapes HTML in every template, `.txt` too: text templates say `{% autoescape off %}`.

The channel rule, the same for every kind:
- a live push to an account's open pages, whenever the recipient is an account (still active
  when the message leaves);
- an e-mail when the recipient has an address;
- an SMS when the recipient has a mobile number and either no e-mail address or the kind is
  `urgent` (a place confirmed, a workshop cancelled: things a family must not miss);
- nothing on a channel whose contact has opted out, unless the kind is not `optional`
  (a sign-in code, a cancellation);
- a kind whose context names `ONLY_CHANNELS` (a facilitator chose "SMS only") is further
  limited to those channels.

Messages leave after the transaction commits (nothing is sent for a rolled-back change),
from a background task whose arguments hold only the recipient and the payload. Bodies,
codes and contacts are never logged here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any

from asgiref.sync import async_to_sync
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .sms import send_sms

logger = logging.getLogger(__name__)


# A context key a kind's `build` may set: the channels this one message may use at most.
ONLY_CHANNELS = "only_channels"


def notification_group(user_id: int) -> str:
    """The channel-layer group of one person's open pages (the one definition)."""
    return f"notifications.user.{user_id}"


@dataclass(frozen=True)
class Recipient:
    """Who to tell: an account, or a guest known by the contacts they gave."""

    user_id: int | None = None
    email: str = ""
    phone: str = ""
    language: str = ""
    timezone: str = ""  # IANA name; empty: the site's

    @classmethod
    def for_user(cls, user, timezone_name: str = "") -> Recipient:
        territory = getattr(user, "territory", None)
        return cls(
            user_id=user.pk,
            email=user.email or "",
            phone=(user.phone if getattr(user, "phone_verified", True) else "") or "",
            language=getattr(user, "preferred_language", "") or "",
            timezone=timezone_name or (territory.timezone if territory else ""),
        )

    @classmethod
    def guest(cls, email="", phone="", language="", timezone_name="") -> Recipient:
        return cls(email=email or "", phone=phone or "", language=language, timezone=timezone_name)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Kind:
    name: str  # "app.event"
    build: Callable[..., dict | None] | None = None  # payload → context; None: send nothing
    urgent: bool = False  # an SMS as well as the e-mail
    optional: bool = True  # an opt-out stops it
    attachments: Callable[[dict], list[tuple[str, str, str]]] | None = None

    @property
    def template_prefix(self) -> str:
        return "notifications/" + self.name.replace(".", "/", 1)


_kinds: dict[str, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    _kinds[kind.name] = kind
    return kind


def get_kind(name: str) -> Kind:
    try:
        return _kinds[name]
    except KeyError:
        raise ValueError(f"Unknown notification kind: {name}") from None


_quiet: ContextVar[bool] = ContextVar("coeduc_notify_quiet", default=False)


def is_quiet() -> bool:
    """Inside `quietly()`: other services that broadcast or limit (rooms) ask here too."""
    return _quiet.get()


@contextmanager
def quietly():
    """Send nothing inside this block: the demo loader writes through the services (so every
    rule holds) without telling the demo's made-up families anything."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def notify(recipient: Recipient, kind: str, payload: dict | None = None, *, now=False) -> None:
    """Tell `recipient` about `kind`, after the current transaction commits.

    `now=True` sends in this process at once (a sign-in code: the person is waiting for it,
    and a code must never sit in the task queue's table).
    """
    get_kind(kind)  # fail early on a typo, in the caller's code
    if _quiet.get():
        return
    payload = payload or {}
    if now:
        deliver(recipient, kind, payload)
        return
    recipient_data = recipient.as_dict()
    transaction.on_commit(lambda: send_notification.enqueue(recipient_data, kind, payload))


def after_commit(callback: Callable[[], None]) -> None:
    """Run `callback` (which calls `notify`) once the transaction commits: for a service that
    loads its recipients after the commit, outside its lock. Decided now, so a `quietly()`
    block around the service still silences it although the commit comes after the block."""
    if _quiet.get():
        return
    transaction.on_commit(callback)


@task()
def send_notification(recipient: dict, kind: str, payload: dict) -> None:
    deliver(Recipient(**recipient), kind, payload)


def channels_for(recipient: Recipient, kind: Kind) -> list[str]:
    """The one channel rule (see the module's docstring)."""
    from .models import OptOut

    opted_out = OptOut.objects.opted_out(recipient) if kind.optional else set()
    channels = []
    if recipient.user_id and _account_is_active(recipient.user_id):
        channels.append("live")
    if recipient.email and recipient.email not in opted_out:
        channels.append("email")
    if (
        recipient.phone
        and recipient.phone not in opted_out
        and (kind.urgent or "email" not in channels)
    ):
        channels.append("sms")
    return channels


def deliver(recipient: Recipient, kind_name: str, payload: dict) -> list[str]:
    """Render and send now; returns the channels used (for tests and the task's log)."""
    kind = get_kind(kind_name)
    language = recipient.language or settings.LANGUAGE_CODE
    zone = recipient.timezone or settings.TIME_ZONE
    with translation.override(language), timezone.override(zone):
        context = kind.build(**payload) if kind.build else dict(payload)
        if context is None:
            return []
        context = {"SITE_URL": settings.SITE_URL, "recipient": recipient, **context}
        channels = channels_for(recipient, kind)
        if (only := context.get(ONLY_CHANNELS)) is not None:
            channels = [channel for channel in channels if channel in only]
        prefix = kind.template_prefix
        subject = ""
        if {"email", "live"} & set(channels):  # a kind sent by SMS only needs no subject
            subject = " ".join(render_to_string(f"{prefix}.subject.txt", context).split())
        for channel in channels:
            if channel == "email":
                _send_email(recipient.email, subject, prefix, context, kind)
            elif channel == "sms":
                body = render_to_string(f"{prefix}.sms.txt", context)
                send_sms(recipient.phone, " ".join(body.split()))
            elif channel == "live":
                _push_live(recipient.user_id, kind.name, subject, context)
    logger.info("notification %s sent by %s", kind_name, ",".join(channels) or "nothing")
    return channels


def _account_is_active(user_id: int) -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=user_id, is_active=True).exists()


def _send_email(address: str, subject: str, prefix: str, context: dict, kind: Kind) -> None:
    message = EmailMultiAlternatives(
        subject, render_to_string(f"{prefix}.email.txt", context), to=[address]
    )
    try:
        html = get_template(f"{prefix}.email.html").render(context)
    except TemplateDoesNotExist:
        html = None
    if html:
        message.attach_alternative(html, "text/html")
    if kind.attachments:
        for filename, content, mimetype in kind.attachments(context):
            message.attach(filename, content, mimetype)
    message.send()


def _push_live(user_id: int, kind: str, text: str, context: dict) -> None:
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if layer is None:
        return
    event: dict[str, Any] = {"type": "notify", "kind": kind, "text": text}
    if url := context.get("url"):
        event["url"] = url
    async_to_sync(layer.group_send)(notification_group(user_id), event)
