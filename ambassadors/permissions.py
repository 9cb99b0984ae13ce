"""Who may do what on the ambassador path: one function per question."""

from parents.permissions import facilitated_organisations, is_facilitator, is_parent

from .models import Mentorship, Volunteer


def in_scope(user, volunteer: Volunteer) -> bool:
    """A facilitator's scope: volunteers their organisation accompanies, and those of its
    territories that no organisation accompanies yet."""
    if not is_parent(user):
        return False
    organisations = facilitated_organisations(user)
    if volunteer.organisation_id is not None:
        return organisations.filter(pk=volunteer.organisation_id).exists()
    return organisations.filter(territories=volunteer.territory_id).exists()


def can_review(user, volunteer: Volunteer) -> bool:
    """See a volunteer's evidence and history in the facilitators' pages."""
    return is_facilitator(user) and in_scope(user, volunteer)


def can_validate(user, volunteer: Volunteer) -> bool:
    """Decide on a volunteer's next stage: in scope, and never oneself."""
    return volunteer.user_id != getattr(user, "pk", None) and can_review(user, volunteer)


def can_use_facilitator_pages(user) -> bool:
    return is_facilitator(user)


def is_mentoring_ambassador(user, mentorship: Mentorship) -> bool:
    return (
        is_parent(user)
        and mentorship.ambassador_id is not None
        and mentorship.ambassador.user_id == user.pk
    )


def can_see_mentorship(user, mentorship: Mentorship) -> bool:
    return (is_parent(user) and mentorship.family_id == user.pk) or can_see_mentoring_notes(
        user, mentorship
    )


def can_see_mentoring_notes(user, mentorship: Mentorship) -> bool:
    """Private notes: the ambassador who wrote them and the facilitators in scope, only."""
    if is_mentoring_ambassador(user, mentorship):
        return True
    if mentorship.ambassador_id is None:
        return False
    return mentorship.family_id != user.pk and can_review(user, mentorship.ambassador)


def can_assign_mentorship(user, mentorship: Mentorship) -> bool:
    return (
        is_parent(user)
        and mentorship.family_id != user.pk
        and facilitated_organisations(user).filter(territories=mentorship.territory_id).exists()
    )
