"""Personal data of workshops: families' registrations, and the messages facilitators sent.

A registration is found by its account, or by the e-mail address or phone a guest gave.
Erasing goes through `services_reminders.anonymise_registrations`, the 90-day purge's path:
the first name, contacts and written needs go, the place stays as an anonymous count (seats,
status, needs ticked, attendance), so workshop figures do not move. A place still held for a
workshop that has not started is cancelled first (through `services.cancel`, so the waiting
list moves up): nobody can use the place of a family that asked to be forgotten.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, Source, declare_not_personal, register

from . import services, services_reminders
from .models import ParticipantMessage, Registration, Venue, Workshop, WorkshopSeries


def registrations_of(person: Person):
    match = Q(pk__in=[])
    if person.user_id:
        match |= Q(user_id=person.user_id)
    for email in person.emails:
        match |= Q(email__iexact=email)
    if person.phones:
        match |= Q(phone__in=person.phones)
    return Registration.objects.filter(match)


def _export_registrations(person: Person):
    rows = registrations_of(person).select_related("workshop").order_by("created_at", "pk")
    return [
        {
            "workshop": row.workshop.title,
            "starts_at": row.workshop.starts_at.isoformat(),
            "first_name": row.first_name,
            "email": row.email,
            "phone": row.phone,
            "places": row.seats,
            "needs_childcare": row.needs_childcare,
            "needs_interpreter": row.needs_interpreter,
            "needs_accessibility": row.needs_accessibility,
            "other_needs": row.needs_details,
            "language": row.language,
            "status": row.status,
            "signed_up_at": row.created_at.isoformat(),
            "consent_given_at": row.consent_at.isoformat(),
            "attended": row.attended,
            "anonymised_at": row.anonymised_at.isoformat() if row.anonymised_at else None,
        }
        for row in rows
    ]


def _erase_registrations(person: Person) -> int:
    upcoming = registrations_of(person).active().filter(workshop__starts_at__gt=timezone.now())
    for registration in upcoming:
        services.cancel(registration)
    return services_reminders.anonymise_registrations(registrations_of(person), detach_account=True)


def _export_messages_sent(person: Person):
    if not person.user_id:
        return []
    rows = ParticipantMessage.objects.filter(sent_by_id=person.user_id).select_related("workshop")
    return [
        {
            "workshop": row.workshop.title,
            "subject": row.subject,
            "message": row.body,
            "sent_at": row.sent_at.isoformat(),
        }
        for row in rows
    ]


def _erase_messages_sent(person: Person) -> int:
    # The words stay: they were the organisation's message to a workshop's families (and
    # the families' record of what they were told); only the link to the author goes.
    if not person.user_id:
        return 0
    return ParticipantMessage.objects.filter(sent_by_id=person.user_id).update(sent_by=None)


def register_sources() -> None:
    """Called from `AppConfig.ready()` (idempotent)."""
    register(
        Source(
            name="workshops.registrations",
            label=_("Your workshop sign-ups: first name, contact, places and needs"),
            covers={
                Registration._meta.label: ("first_name", "email", "phone", "needs_details", "user")
            },
            export=_export_registrations,
            erase=_erase_registrations,
            order=20,
        )
    )
    register(
        Source(
            name="workshops.participant_messages",
            label=_("Messages you sent to workshop participants"),
            covers={ParticipantMessage._meta.label: ("subject", "body", "sent_by")},
            export=_export_messages_sent,
            erase=_erase_messages_sent,
            order=20,
        )
    )

    declare_not_personal(
        Venue._meta.label,
        ["name", "address", "commune"],
        "A public venue where workshops are held (a library, a school), not a person's home.",
    )
    declare_not_personal(
        Workshop._meta.label,
        ["title", "description"],
        "What an organisation publishes about its workshop, for everyone to read.",
    )
    declare_not_personal(
        WorkshopSeries._meta.label, ["title"], "The published name of a cycle of workshops."
    )
