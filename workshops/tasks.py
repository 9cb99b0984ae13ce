"""Background work of workshops: telling families about their places (e-mail and SMS)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from core.sms import send_sms

from . import ics, tokens
from .models import Registration

EVENTS = ("registered", "promoted", "cancelled", "workshop_cancelled")
REMINDER_KINDS = ("reminder_48h", "reminder_3h", "followup")


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _subject(registration: Registration, event: str) -> str:
    title = registration.workshop.title
    if event == "workshop_cancelled":
        return _("Workshop cancelled: %(title)s") % {"title": title}
    if event == "cancelled":
        return _("Your places are cancelled: %(title)s") % {"title": title}
    if registration.status == Registration.Status.WAITLISTED:
        return _("You are on the waiting list: %(title)s") % {"title": title}
    if event == "promoted":
        return _("A place is free for you: %(title)s") % {"title": title}
    return _("Your places are confirmed: %(title)s") % {"title": title}


@task()
def notify_registration(registration_id: int, event: str) -> None:
    """Tell a family what happened to its places, in the language it signed up in."""
    if event not in EVENTS:
        raise ValueError(event)
    registration = (
        Registration.objects.select_related("workshop__venue__territory", "workshop__organisation")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        return
    workshop = registration.workshop
    # Dates in the parent's language and in the venue's time zone (the `date` filter converts
    # to the current time zone).
    with translation.override(registration.language), timezone.override(workshop.tzinfo):
        manage_url = absolute(reverse("workshops:manage", args=[tokens.make_token(registration)]))
        workshop_url = absolute(workshop.get_absolute_url())
        confirmed = registration.status == Registration.Status.CONFIRMED
        context = {
            "registration": registration,
            "workshop": workshop,
            "event": event,
            "confirmed": confirmed,
            "position": registration.waitlist_position(),
            "manage_url": manage_url,
            "workshop_url": workshop_url,
            "starts_at": workshop.local_starts_at,
            "ends_at": workshop.local_ends_at,
            "online_link": workshop.online_link if confirmed else "",
        }
        subject = _subject(registration, event)
        if registration.email:
            body = render_to_string("workshops/email/notification.txt", context)
            message = EmailMessage(subject, body, to=[registration.email])
            if event not in ("cancelled", "workshop_cancelled"):
                message.attach(
                    "workshop.ics",
                    ics.workshop_calendar(
                        workshop, url=workshop_url, online_link=context["online_link"]
                    ),
                    "text/calendar; charset=utf-8; method=PUBLISH",
                )
            message.send()
        if registration.phone:
            body = render_to_string("workshops/email/notification_sms.txt", context)
            send_sms(registration.phone, " ".join(body.split()))


def _load(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("workshop__venue__territory", "workshop__organisation")
        .filter(pk=registration_id, anonymised_at__isnull=True)
        .first()
    )


def _reminder_subject(kind: str, title: str) -> str:
    if kind == "followup":
        return _("Thank you for coming: %(title)s") % {"title": title}
    if kind == "reminder_3h":
        return _("Today: %(title)s") % {"title": title}
    return _("Reminder: %(title)s") % {"title": title}


@task()
def send_reminder(registration_id: int, kind: str) -> None:
    """A reminder 48 h or 3 h before (with a "not coming" link), or the follow-up after."""
    if kind not in REMINDER_KINDS:
        raise ValueError(kind)
    registration = _load(registration_id)
    if registration is None:
        return
    if kind != "followup" and registration.status != Registration.Status.CONFIRMED:
        return
    workshop = registration.workshop
    with translation.override(registration.language), timezone.override(workshop.tzinfo):
        token = tokens.make_token(registration)
        context = {
            "registration": registration,
            "workshop": workshop,
            "kind": kind,
            "starts_at": workshop.local_starts_at,
            "ends_at": workshop.local_ends_at,
            "manage_url": absolute(reverse("workshops:manage", args=[token])),
            "cancel_url": absolute(reverse("workshops:cancel", args=[token])),
            "guides_url": absolute(f"/{translation.get_language()}/"),
            "online_link": workshop.online_link,
        }
        subject = _reminder_subject(kind, workshop.title)
        if registration.email:
            body = render_to_string("workshops/email/reminder.txt", context)
            EmailMessage(subject, body, to=[registration.email]).send()
        if registration.phone:
            body = render_to_string("workshops/email/reminder_sms.txt", context)
            send_sms(registration.phone, " ".join(body.split()))


@task()
def send_participants_message(registration_ids: list, subject: str, body: str, channels: list):
    """A facilitator's own words to the families, by e-mail and/or SMS, one message each."""
    for registration_id in registration_ids:
        registration = _load(registration_id)
        if registration is None:
            continue
        workshop = registration.workshop
        with translation.override(registration.language):
            manage_url = absolute(
                reverse("workshops:manage", args=[tokens.make_token(registration)])
            )
            context = {
                "registration": registration,
                "workshop": workshop,
                "body": body,
                "manage_url": manage_url,
            }
            if "email" in channels and registration.email:
                text = render_to_string("workshops/email/message.txt", context)
                EmailMessage(f"{workshop.title} — {subject}", text, to=[registration.email]).send()
            if "sms" in channels and registration.phone:
                send_sms(registration.phone, f"{workshop.organisation.name}: {body}")
