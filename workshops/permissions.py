"""Who may run which workshop: one function per question, used by views, templates and admin.

A facilitator acts only for the organisations they are a member of; staff run the platform
and see everything. Everyone else manages nothing (and gets a 404 rather than a hint).
"""

from parents.models import Organisation
from parents.permissions import facilitated_organisations, is_facilitator, is_staff

from .models import Registration, Venue, Workshop


def managed_organisations(user):
    """The organisations whose workshops this person runs (staff: all of them)."""
    if is_staff(user):
        return Organisation.objects.all()
    return facilitated_organisations(user)


def can_manage_workshops(user) -> bool:
    """May this person open the facilitator pages at all?"""
    return is_staff(user) or is_facilitator(user)


def can_manage_organisation(user, organisation_id: int | None) -> bool:
    if organisation_id is None:
        return False
    return managed_organisations(user).filter(pk=organisation_id).exists()


def can_manage_workshop(user, workshop: Workshop) -> bool:
    return can_manage_organisation(user, workshop.organisation_id)


def can_manage_venue(user, venue: Venue) -> bool:
    return can_manage_organisation(user, venue.organisation_id)


def can_manage_registration(user, registration: Registration) -> bool:
    return Workshop.objects.managed_by(user).filter(pk=registration.workshop_id).exists()


def managed_venues(user):
    return Venue.objects.filter(organisation__in=managed_organisations(user))


def managed_registrations(user):
    return Registration.objects.filter(workshop__in=Workshop.objects.managed_by(user))
