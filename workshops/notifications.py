"""What workshops tell families: their places, reminders, and facilitators' messages.

Kinds are registered at start-up (`WorkshopsConfig.ready`); services call `tell` after the
commit with registration ids, and each message is rendered in the family's language and at
the venue's clock. Templates: `templates/notifications/workshops/`.
"""

from dataclasses import replace
from functools import partial

from django.utils import translation

from core.links import absolute_reverse, absolute_url
from core.notify import ONLY_CHANNELS, Kind, Recipient, notify, register_kind

from . import ics, tokens
from .models import ParticipantMessage, Registration

PLACES = ("registered", "promoted", "cancelled", "workshop_cancelled")
REMINDERS = ("reminder_48h", "reminder_3h", "followup")
MESSAGE = "message"
CALENDAR_MIMETYPE = "text/calendar; charset=utf-8; method=PUBLISH"


def _registrations():
    return Registration.objects.select_related(
        "workshop__venue__territory", "workshop__organisation"
    )


def recipient_for(registration: Registration) -> Recipient:
    """The contacts given on the registration (an account's too), its language, the venue's
    time zone; an account also hears it on its open pages."""
    guest = Recipient.guest(
        registration.email,
        registration.phone,
        registration.language,
        registration.workshop.timezone_name,
    )
    return replace(guest, user_id=registration.user_id)


def tell(registration_ids, event: str, **payload) -> None:
    """Notify each family of `event` (one of PLACES, REMINDERS or MESSAGE); call after commit."""
    for registration in _registrations().filter(pk__in=list(registration_ids)):
        if registration.anonymised_at is None:
            notify(
                recipient_for(registration),
                f"workshops.{event}",
                {"registration_id": registration.pk, **payload},
            )


def _common(registration: Registration) -> dict:
    workshop = registration.workshop
    return {
        "registration": registration,
        "workshop": workshop,
        "starts_at": workshop.local_starts_at,
        "ends_at": workshop.local_ends_at,
        "manage_url": absolute_reverse("workshops:manage", tokens.make_token(registration)),
        "url": absolute_url(workshop.get_absolute_url()),
    }


def build_places(event: str, registration_id: int) -> dict | None:
    registration = _registrations().filter(pk=registration_id).first()
    if registration is None:
        return None
    confirmed = registration.status == Registration.Status.CONFIRMED
    context = _common(registration)
    return {
        **context,
        "event": event,
        "confirmed": confirmed,
        "position": registration.waitlist_position(),
        "workshop_url": context["url"],
        "online_link": registration.workshop.online_link if confirmed else "",
    }


def calendar_file(context: dict) -> list[tuple[str, bytes, str]]:
    """The .ics that adds the workshop to a phone's calendar: only with confirmed places.

    A waiting family gets none (a calendar entry would say the place is theirs); it comes
    with the message that confirms the place (`promoted`). None for a cancellation either.
    """
    if context["event"] in ("cancelled", "workshop_cancelled") or not context["confirmed"]:
        return []
    content = ics.workshop_calendar(
        context["workshop"], url=context["workshop_url"], online_link=context["online_link"]
    )
    return [("workshop.ics", content, CALENDAR_MIMETYPE)]


def build_reminder(kind: str, registration_id: int) -> dict | None:
    registration = _registrations().filter(pk=registration_id, anonymised_at__isnull=True).first()
    if registration is None:
        return None
    if kind != "followup" and registration.status != Registration.Status.CONFIRMED:
        return None
    return {
        **_common(registration),
        "kind": kind,
        "cancel_url": absolute_reverse("workshops:cancel", tokens.make_token(registration)),
        "guides_url": absolute_url(f"/{translation.get_language()}/"),
        "online_link": registration.workshop.online_link,
    }


def build_message(registration_id: int, message_id: int) -> dict | None:
    message = ParticipantMessage.objects.filter(pk=message_id).first()
    registration = (
        _registrations()
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .filter(workshop_id=getattr(message, "workshop_id", None))
        .first()
    )
    if message is None or registration is None:
        return None
    return {
        **_common(registration),
        "message": message,
        "body": message.body,
        ONLY_CHANNELS: message.channel_list,
    }


# A confirmation, a cancellation or a reminder goes by e-mail and SMS when both are known:
# families read one or the other. Reminders can be refused (opt-out); news of places cannot.
for _event in PLACES:
    register_kind(
        Kind(
            name=f"workshops.{_event}",
            build=partial(build_places, _event),
            urgent=True,
            optional=False,
            attachments=calendar_file,
        )
    )
for _kind in REMINDERS:
    register_kind(
        Kind(name=f"workshops.{_kind}", build=partial(build_reminder, _kind), urgent=True)
    )
# The facilitator chooses the channels (ONLY_CHANNELS); practical news about places the
# family holds, so an opt-out from reminders does not silence it.
register_kind(Kind(name="workshops.message", build=build_message, urgent=True, optional=False))
