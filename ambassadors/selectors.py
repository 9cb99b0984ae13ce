"""What the ambassador path's pages read: evidence, the next step, the directory.

Reads only (no state changes): views and the facilitators' pages call these, so each query
is written once and tested in one place.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from guides.models import GuidePage, GuideProgress
from workshops.models import Registration

from . import criteria, services
from .models import Charter, CharterSignature, Criterion, Mentorship, Stage, Volunteer


def training_guides(language: str | None = None) -> list:
    """The live training guides in the reader's language (French when not translated)."""
    guides = GuidePage.objects.live().filter(is_training_guide=True).order_by("path")
    localised = list(guides.filter(locale__language_code=language or get_language())[:10])
    return localised or list(guides.filter(locale__language_code="fr")[:10])


def evidence_details(volunteer) -> dict:
    """What a volunteer has done, listed (a few queries for one person's page)."""
    attended = (
        Registration.objects.filter(user_id=volunteer.user_id, attended=True)
        .select_related("workshop")
        .order_by("-workshop__starts_at")
    )
    guides = (
        GuideProgress.objects.filter(
            user_id=volunteer.user_id,
            completed_at__isnull=False,
            page_id__in=criteria.training_guide_ids(),
        )
        .select_related("page")
        .order_by("-completed_at")
    )
    signature = (
        CharterSignature.objects.filter(user_id=volunteer.user_id)
        .select_related("charter")
        .order_by("-charter__version")
        .first()
    )
    return {
        "attended": list(attended[:20]),
        "guides": list(guides[:20]),
        "signature": signature,
        "current_charter": Charter.current(),
    }


def path_status(volunteer, stages) -> dict:
    """The stage, what is there, what is missing and the single next step, for one person."""
    following = criteria.next_stage(stages, volunteer.stage_id)
    current = next(s for s in stages if s.pk == volunteer.stage_id)
    results = criteria.evaluate(volunteer, following) if following else []
    evidence = [r for r in results if r.criterion.kind != Criterion.Kind.VALIDATION]
    met = [r for r in evidence if r.met]
    missing = [r for r in evidence if not r.met]
    ready = bool(following) and criteria.evidence_met(following, results)
    charter = Charter.current()
    must_sign_again = current.issues_badge and charter is not None and not volunteer.charter_signed
    step = _next_step(volunteer, following, missing, ready, must_sign_again)
    return {
        "current": current,
        "following": following,
        "met": met,
        "missing": missing if not ready else [],
        "any_of": following is not None and following.combine == Stage.Combine.ANY,
        "ready": ready,
        "needs_validation": bool(following) and following.requires_validation,
        "must_sign_again": must_sign_again,
        "step": step,
    }


def _next_step(volunteer, following, missing, ready, must_sign_again) -> dict:
    if not volunteer.is_active:
        return {"kind": "ended", "text": _("Your ambassador role has ended.")}
    if must_sign_again:
        return {"kind": "charter", "text": _("Read and sign the new version of the charter.")}
    if volunteer.review_state == "more":
        return {
            "kind": "more",
            "text": _("Do what the facilitator asked, then tell them it is done."),
        }
    if volunteer.review_state == "declined":
        return {
            "kind": "declined",
            "text": _("A facilitator has declined for now. Read their reason below."),
        }
    if following is None:
        return {"kind": "last", "text": _("You are at the last stage. Thank you for your help!")}
    if ready:
        if following.requires_validation:
            return {
                "kind": "wait",
                "text": _(
                    "Everything is there. A facilitator of your territory will look at your "
                    "path: you have nothing more to do."
                ),
            }
        return {"kind": "wait", "text": _("Everything is there: your next stage is on its way.")}
    first = missing[0].criterion
    texts = {
        Criterion.Kind.WORKSHOPS_ATTENDED: _("Sign up for a workshop near you and attend it."),
        Criterion.Kind.TRAINING_GUIDES: _("Read a training guide to the end."),
        Criterion.Kind.CHARTER_SIGNED: _("Read and sign the ambassadors’ charter."),
        Criterion.Kind.MENTORING_SESSIONS: _("Accompany a family and log your sessions."),
        Criterion.Kind.DAYS_AT_STAGE: _("Keep going: this stage takes a little time."),
    }
    return {"kind": first.kind, "text": texts[first.kind]}


def directory_listing(territory):
    """Ambassadors of `territory` who opted in to the directory, with their number of active
    mentorships (one query, whatever the number of people)."""
    listed_stage = services.first_stage_with("listed_in_directory")
    if territory is None or listed_stage is None:
        return Volunteer.objects.none()
    active_mentorships = (
        Mentorship.objects.active()
        .filter(ambassador_id=OuterRef("pk"))
        .order_by()
        .values("ambassador_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Volunteer.objects.active()
        .filter(in_directory=True, territory=territory, stage__order__gte=listed_stage.order)
        .annotate(
            active_mentorships=Coalesce(
                Subquery(active_mentorships, output_field=IntegerField()), Value(0)
            )
        )
        .select_related("user", "stage")
        .order_by("commune", "pk")
    )
