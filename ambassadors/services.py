"""The only code that changes the ambassador path: applications, stage changes, reviews,
charter signatures, deactivation and inactivity (mentoring: `ambassadors.mentoring`).

Each operation runs in one transaction, locks the volunteer row it changes, writes the
append-only history, and enqueues notifications after the commit.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.notify import Recipient, is_quiet
from core.notify import notify as core_notify
from parents.permissions import facilitated_organisations, is_parent

from . import criteria, permissions
from .models import (
    Badge,
    Charter,
    CharterSignature,
    Review,
    Stage,
    StageChange,
    Volunteer,
)

INACTIVITY_MONTHS = settings.AMBASSADORS_INACTIVITY_MONTHS
# After the reminder, how long before the ambassador is shown to facilitators for review.
REVIEW_AFTER_REMINDER_DAYS = settings.AMBASSADORS_REVIEW_AFTER_REMINDER_DAYS


class PathError(Exception):
    """A refusal the person can understand; `message` is translated."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


class NotAllowed(PathError):
    pass


def notify(user, event: str, **payload) -> None:
    """Tell an active person about their path or a mentorship (`ambassadors.notifications`),
    after the commit; nothing inside `quietly()`."""
    if is_quiet() or not user.is_active:
        return
    core_notify(Recipient.for_user(user), f"ambassadors.{event}", payload)


def lock_volunteer(volunteer_id: int) -> Volunteer:
    """Lock the volunteer row until the end of the transaction: the one place that locks.

    No join in the locking query: PostgreSQL rechecks a locked row against the rows it was
    joined to before the wait, and would lose a volunteer whose stage just changed."""
    return Volunteer.objects.select_for_update().get(pk=volunteer_id)


def _lock_with_evidence(volunteer_id: int, stages) -> Volunteer:
    """Lock, then read the evidence as it is once the lock is held."""
    lock_volunteer(volunteer_id)
    return (
        criteria.with_evidence(Volunteer.objects.filter(pk=volunteer_id), stages)
        .select_related("stage", "territory")
        .get()
    )


def touch(user_id: int, now=None) -> None:
    """Something happened on the path: the inactivity clock starts again."""
    Volunteer.objects.filter(user_id=user_id, deactivated_at__isnull=True).update(
        last_activity_at=now or timezone.now(), reminded_at=None, needs_review_since=None
    )


# --- application and charter -------------------------------------------------------------


@transaction.atomic
def apply(
    user,
    *,
    territory,
    motivation,
    availability,
    languages,
    topics="",
    commune="",
    in_directory=False,
):
    """A parent applies: they start at the first stage, recorded in the history."""
    if not is_parent(user):
        raise NotAllowed(_("Sign in to apply."))
    if Volunteer.objects.filter(user=user).exists():
        raise PathError(_("You have already applied."))
    first = Stage.objects.order_by("order").first()
    if first is None:
        raise PathError(_("The ambassador path is not open yet."))
    now = timezone.now()
    volunteer = Volunteer.objects.create(
        user=user,
        territory=territory,
        stage=first,
        stage_since=now,
        motivation=motivation,
        availability=availability,
        languages=",".join(languages) if isinstance(languages, list | tuple) else languages,
        topics=",".join(topics) if isinstance(topics, list | tuple) else topics,
        commune=commune,
        in_directory=in_directory,
        consent_at=now,
        created_at=now,
        last_activity_at=now,
    )
    StageChange.objects.create(
        volunteer=volunteer,
        kind=StageChange.Kind.APPLICATION,
        to_stage=first,
        actor=user,
        created_at=now,
    )
    advance_automatically([volunteer.pk])
    return volunteer


def set_directory_listing(volunteer, listed: bool) -> None:
    """Opt in or out of the territory's directory (never while deactivated)."""
    Volunteer.objects.filter(pk=volunteer.pk, deactivated_at__isnull=True).update(
        in_directory=bool(listed)
    )


@transaction.atomic
def sign_charter(user) -> CharterSignature:
    charter = Charter.current()
    if charter is None:
        raise PathError(_("There is no charter to sign yet."))
    signature, _created = CharterSignature.objects.get_or_create(user=user, charter=charter)
    touch(user.pk)
    volunteer = Volunteer.objects.filter(user=user).first()
    if volunteer is not None:
        advance_automatically([volunteer.pk])
    return signature


def publish_charter(text: str) -> Charter:
    """A new version of the charter: active ambassadors are asked to sign again."""
    with transaction.atomic():
        last = Charter.objects.order_by("-version").first()
        # The receiver of Charter's post_save asks active ambassadors to sign again.
        return Charter.objects.create(version=(last.version + 1) if last else 1, text=text)


def ask_to_sign_again(charter: Charter) -> None:
    """Tell active ambassadors that a new version is there (the criterion reads it anyway)."""
    badge_stage = first_stage_with("issues_badge")
    if badge_stage is None or charter.version == 1:
        return
    for volunteer in (
        Volunteer.objects.active()
        .filter(stage__order__gte=badge_stage.order)
        .select_related("user__territory")
    ):
        notify(volunteer.user, "charter", version=charter.version)


# --- stage changes ------------------------------------------------------------------------


def _organisation_for(volunteer: Volunteer, facilitator=None):
    """The organisation that accompanies the volunteer (and issues their badges)."""
    if volunteer.organisation_id:
        return volunteer.organisation
    if facilitator is not None:
        organisations = facilitated_organisations(facilitator)
    else:
        organisations = volunteer.territory.organisations.all()
    return organisations.filter(territories=volunteer.territory_id).order_by("pk").first()


def _move(volunteer, to_stage, kind, *, actor=None, organisation=None, reason="", results=()):
    now = timezone.now()
    StageChange.objects.create(
        volunteer=volunteer,
        kind=kind,
        from_stage=volunteer.stage,
        to_stage=to_stage,
        actor=actor,
        organisation=organisation or volunteer.organisation,
        reason=reason,
        evidence=[r.as_json() for r in results],
        created_at=now,
    )
    volunteer.stage = to_stage
    volunteer.stage_since = now
    volunteer.last_activity_at = now
    volunteer.reminded_at = volunteer.needs_review_since = None
    volunteer.review_state = volunteer.review_message = ""
    if organisation is not None and volunteer.organisation_id is None:
        volunteer.organisation = organisation
    volunteer.save()
    if to_stage.issues_badge:
        from .badges import issue_badge

        issue_badge(volunteer, to_stage, results)
    notify(volunteer.user, "stage", stage=to_stage.pk)


def advance_automatically(volunteer_ids=None) -> int:
    """Move on every volunteer whose evidence meets a next stage that needs no facilitator.

    Found in bulk (one query per round); a round per stage at most, since a volunteer can
    climb several automatic stages one after the other. Returns the number of moves.
    """
    stages = criteria.load_stages()
    moves = 0
    for _round in range(len(stages)):
        queryset = Volunteer.objects.active()
        if volunteer_ids is not None:
            queryset = queryset.filter(pk__in=volunteer_ids)
        ready = list(
            criteria.ready_for_next_stage(
                criteria.with_evidence(queryset, stages), stages, validation=False
            ).values_list("pk", flat=True)
        )
        if not ready:
            break
        for pk in ready:
            with transaction.atomic():
                volunteer = _lock_with_evidence(pk, stages)
                following = criteria.next_stage(stages, volunteer.stage_id)
                if following is None or following.requires_validation:
                    continue
                results = criteria.evaluate(volunteer, following)
                if not criteria.evidence_met(following, results):
                    continue
                volunteer.stage = next(s for s in stages if s.pk == volunteer.stage_id)
                _move(
                    volunteer,
                    following,
                    StageChange.Kind.AUTOMATIC,
                    results=results,
                )
                moves += 1
    return moves


def _check_reviewer(facilitator, volunteer) -> None:
    if volunteer.user_id == facilitator.pk:
        raise NotAllowed(_("You cannot validate your own path."))
    if not permissions.can_validate(facilitator, volunteer):
        raise NotAllowed(_("This volunteer is outside your organisation and territories."))
    if not volunteer.is_active:
        raise PathError(_("This volunteer is deactivated."))


@transaction.atomic
def approve(facilitator, volunteer, *, to_stage, comment="", override_reason="") -> StageChange:
    """A facilitator moves a volunteer to their next stage, and only that one.

    Missing evidence can be overridden only with a written reason, kept in the history."""
    stages = criteria.load_stages()
    locked = _lock_with_evidence(volunteer.pk, stages)
    _check_reviewer(facilitator, locked)
    following = criteria.next_stage(stages, locked.stage_id)
    if following is None:
        raise PathError(_("This volunteer is already at the last stage."))
    if to_stage.pk != following.pk:
        raise PathError(
            _("A volunteer moves one stage at a time: the next stage is “%(stage)s”.")
            % {"stage": following.display_name}
        )
    results = criteria.evaluate(locked, following)
    met = criteria.evidence_met(following, results)
    override_reason = (override_reason or "").strip()
    if not met and not override_reason:
        raise PathError(
            _("Some evidence is missing. To validate anyway, write the reason for the exception.")
        )
    for result in results:
        if result.criterion.kind == result.criterion.Kind.VALIDATION:
            result.met = True
    organisation = _organisation_for(locked, facilitator)
    kind = StageChange.Kind.VALIDATION if met else StageChange.Kind.OVERRIDE
    reason = (comment or "").strip()
    if not met:
        reason = f"{reason}\n{override_reason}".strip() if reason else override_reason
    _move(
        locked,
        following,
        kind,
        actor=facilitator,
        organisation=organisation,
        reason=reason,
        results=results,
    )
    volunteer.refresh_from_db()
    return locked.history.order_by("-created_at", "-pk").first()


@transaction.atomic
def review(facilitator, volunteer, *, decision: str, message: str) -> Review:
    """Ask for more (with a message) or decline (with a reason): the stage does not move."""
    locked = lock_volunteer(volunteer.pk)
    _check_reviewer(facilitator, locked)
    message = (message or "").strip()
    if decision not in (Review.Decision.MORE, Review.Decision.DECLINED):
        raise PathError(_("Unknown decision."))
    if not message:
        raise PathError(_("Write a message to the volunteer."))
    stages = criteria.load_stages()
    following = criteria.next_stage(stages, locked.stage_id)
    if following is None:
        raise PathError(_("This volunteer is already at the last stage."))
    record = Review.objects.create(
        volunteer=locked,
        stage=following,
        decision=decision,
        message=message,
        reviewer=facilitator,
    )
    locked.review_state = decision
    locked.review_message = message
    locked.save(update_fields=["review_state", "review_message"])
    # The facilitator's words are read from the review when the e-mail is written (ids only).
    notify(locked.user, "review", decision=decision, review=record.pk)
    return record


@transaction.atomic
def ask_again(volunteer) -> None:
    """The volunteer has done what was asked: back in the facilitators' queue."""
    locked = lock_volunteer(volunteer.pk)
    locked.review_state = locked.review_message = ""
    locked.last_activity_at = timezone.now()
    locked.save(update_fields=["review_state", "review_message", "last_activity_at"])


@transaction.atomic
def deactivate(facilitator, volunteer, *, reason: str) -> StageChange:
    """Deactivate with a written reason; the badges are revoked (their status says so)."""
    locked = lock_volunteer(volunteer.pk)
    _check_reviewer(facilitator, locked)
    reason = (reason or "").strip()
    if not reason:
        raise PathError(_("Write the reason for the deactivation."))
    now = timezone.now()
    change = StageChange.objects.create(
        volunteer=locked,
        kind=StageChange.Kind.DEACTIVATION,
        from_stage=locked.stage,
        to_stage=None,
        actor=facilitator,
        organisation=_organisation_for(locked, facilitator),
        reason=reason,
        created_at=now,
    )
    locked.deactivated_at = now
    locked.deactivation_reason = reason
    locked.in_directory = False
    locked.needs_review_since = None
    locked.save()
    Badge.objects.filter(volunteer=locked, revoked_at__isnull=True).update(
        revoked_at=now, revocation_reason=reason
    )
    notify(locked.user, "deactivated")
    return change


@transaction.atomic
def keep_active(facilitator, volunteer, *, message: str = "") -> Review:
    """After an inactivity review: the ambassador stays, the clock starts again."""
    locked = lock_volunteer(volunteer.pk)
    _check_reviewer(facilitator, locked)
    record = Review.objects.create(
        volunteer=locked,
        stage=locked.stage,
        decision=Review.Decision.KEPT,
        message=(message or "").strip(),
        reviewer=facilitator,
    )
    touch(locked.user_id)
    return record


# --- inactivity ---------------------------------------------------------------------------


def first_stage_with(flag: str) -> Stage | None:
    return Stage.objects.filter(**{flag: True}).order_by("order").first()


def check_inactivity(now=None) -> tuple[int, int]:
    """Remind inactive ambassadors once, then list them for review. Never demotes anyone.

    Idempotent: a second run on the same day changes nothing. Returns (reminded, listed)."""
    now = now or timezone.now()
    badge_stage = first_stage_with("issues_badge")
    if badge_stage is None:
        return 0, 0
    # Stages as a subquery, not a join: only volunteer rows are locked below.
    ambassadors = Volunteer.objects.active().filter(
        stage__in=Stage.objects.filter(order__gte=badge_stage.order).values("pk")
    )
    cutoff = now - timedelta(days=30 * INACTIVITY_MONTHS)
    with transaction.atomic():
        to_remind = list(
            ambassadors.filter(last_activity_at__lt=cutoff, reminded_at__isnull=True)
            .select_for_update()
            .values_list("pk", "user_id")
        )
        Volunteer.objects.filter(pk__in=[pk for pk, _u in to_remind]).update(reminded_at=now)
        reminded = get_user_model().objects.filter(pk__in=[u for _pk, u in to_remind])
        for user in reminded.select_related("territory"):
            notify(user, "inactive")
        listed = ambassadors.filter(
            reminded_at__lt=now - timedelta(days=REVIEW_AFTER_REMINDER_DAYS),
            needs_review_since__isnull=True,
        ).update(needs_review_since=now)
    return len(to_remind), listed
