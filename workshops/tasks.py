"""Background work of workshops: telling families about their places (e-mail and SMS)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from parents.sms import send_sms

from . import ics, tokens
from .models import Registration

EVENTS = ("registered", "promoted", "cancelled")


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _subject(registration: Registration, event: str) -> str:
    title = registration.workshop.title
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
    with translation.override(registration.language):
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
            if event != "cancelled":
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
