"""The only code that changes mentorships: ask, assign, accept or decline, log a session,
close, and the family's "did it help?". Same rules as `services`: one transaction, locked
rows, notifications after the commit."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.sanitize import plain_text
from parents.permissions import is_parent

from . import permissions, services
from .models import MentoringSession, Mentorship, Volunteer

MAX_ACTIVE_MENTORSHIPS = settings.AMBASSADORS_MAX_ACTIVE_MENTORSHIPS


def can_mentor(volunteer: Volunteer) -> bool:
    stage = services.first_stage_with("can_mentor")
    return stage is not None and volunteer.is_active and volunteer.stage.order >= stage.order


def _check_capacity(ambassador: Volunteer) -> None:
    if not can_mentor(ambassador):
        raise services.PathError(_("This person cannot accompany families at the moment."))
    if Mentorship.objects.active().filter(ambassador=ambassador).count() >= MAX_ACTIVE_MENTORSHIPS:
        raise services.PathError(
            ngettext(
                "This ambassador already accompanies %(n)d family, the most they can.",
                "This ambassador already accompanies %(n)d families, the most they can.",
                MAX_ACTIVE_MENTORSHIPS,
            )
            % {"n": MAX_ACTIVE_MENTORSHIPS}
        )


@transaction.atomic
def request_mentoring(family, *, territory, topic, message="", source=None, ambassador=None):
    if not is_parent(family):
        raise services.NotAllowed(_("Sign in to ask for help."))
    if ambassador is not None:
        if ambassador.user_id == family.pk:
            raise services.PathError(_("You cannot ask yourself."))
        if not can_mentor(ambassador):
            raise services.PathError(_("This person cannot accompany families at the moment."))
        territory = ambassador.territory
    mentorship = Mentorship.objects.create(
        family=family,
        ambassador=ambassador,
        territory=territory,
        topic=topic,
        message=message,
        source=source or Mentorship.Source.DIRECTORY,
    )
    if ambassador is not None:
        services.notify(ambassador.user, "mentoring_request", mentorship=mentorship.pk)
    return mentorship


@transaction.atomic
def assign_mentorship(facilitator, mentorship, ambassador) -> Mentorship:
    """A facilitator proposes an ambassador to a family who asked without choosing one."""
    mentorship = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if not permissions.can_assign_mentorship(facilitator, mentorship):
        raise services.NotAllowed(_("This request is outside your territories."))
    if not permissions.can_review(facilitator, ambassador):
        raise services.NotAllowed(
            _("This ambassador is outside your organisation and territories.")
        )
    if mentorship.status != Mentorship.Status.REQUESTED:
        raise services.PathError(_("This request has already been answered."))
    if ambassador.user_id == mentorship.family_id:
        raise services.PathError(_("A family cannot accompany itself."))
    _check_capacity(ambassador)
    mentorship.ambassador = ambassador
    mentorship.assigned_by = facilitator
    mentorship.source = mentorship.source or Mentorship.Source.FACILITATOR
    mentorship.save()
    services.notify(ambassador.user, "mentoring_request", mentorship=mentorship.pk)
    return mentorship


def _lock_own_mentorship(user, mentorship) -> Mentorship:
    locked = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if not permissions.is_mentoring_ambassador(user, locked):
        raise services.NotAllowed(_("This request is not addressed to you."))
    return locked


@transaction.atomic
def accept_mentorship(user, mentorship) -> Mentorship:
    locked = _lock_own_mentorship(user, mentorship)
    if locked.status != Mentorship.Status.REQUESTED:
        raise services.PathError(_("This request has already been answered."))
    # Lock the ambassador too: two acceptances at once cannot pass the limit together.
    ambassador = services.lock_volunteer(locked.ambassador_id)
    _check_capacity(ambassador)
    locked.status = Mentorship.Status.ACTIVE
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["status", "accepted_at"])
    services.touch(user.pk)
    services.notify(locked.family, "mentoring_accepted", mentorship=locked.pk)
    return locked


@transaction.atomic
def decline_mentorship(user, mentorship) -> Mentorship:
    locked = _lock_own_mentorship(user, mentorship)
    if locked.status != Mentorship.Status.REQUESTED:
        raise services.PathError(_("This request has already been answered."))
    locked.status = Mentorship.Status.DECLINED
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    services.notify(locked.family, "mentoring_declined", mentorship=locked.pk)
    return locked


@transaction.atomic
def log_session(user, mentorship, *, date, duration_minutes, topics, private_note=""):
    locked = _lock_own_mentorship(user, mentorship)
    if locked.status != Mentorship.Status.ACTIVE:
        raise services.PathError(_("Sessions are logged while the mentorship is under way."))
    session = MentoringSession.objects.create(
        mentorship=locked,
        date=date,
        duration_minutes=duration_minutes,
        topics=",".join(topics),
        private_note=plain_text(private_note),
    )
    services.touch(user.pk)
    return session


@transaction.atomic
def close_mentorship(user, mentorship) -> Mentorship:
    """The ambassador or the family closes; the family is then asked whether it helped."""
    locked = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if not (
        locked.family_id == user.pk
        or permissions.is_mentoring_ambassador(user, locked)
        or permissions.can_see_mentoring_notes(user, locked)
    ):
        raise services.NotAllowed(_("You cannot close this mentorship."))
    if locked.status not in (Mentorship.Status.ACTIVE, Mentorship.Status.REQUESTED):
        raise services.PathError(_("This mentorship is already closed."))
    locked.status = Mentorship.Status.CLOSED
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at"])
    if locked.family_id != user.pk:
        services.notify(locked.family, "mentoring_closed", mentorship=locked.pk)
    return locked


@transaction.atomic
def answer_helped(user, mentorship, helped: bool) -> Mentorship:
    locked = Mentorship.objects.select_for_update().get(pk=mentorship.pk)
    if locked.family_id != user.pk:
        raise services.NotAllowed(_("Only the family answers this question."))
    if locked.status != Mentorship.Status.CLOSED:
        raise services.PathError(_("The mentorship is not closed yet."))
    locked.helped = bool(helped)
    locked.save(update_fields=["helped"])
    return locked
