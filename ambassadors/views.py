"""Pages of the ambassador path: parse the request, authorise, call a service, render.

Facilitators' pages and mentoring live in `views_facilitators.py` and `views_mentoring.py`;
badges in `views_badges.py`. This module holds the volunteer's own pages and the directory.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from guides.models import GuidePage, GuideProgress
from parents.models import Territory
from workshops.models import Registration

from . import criteria, mentoring, services
from .forms import ApplicationForm
from .models import Charter, CharterSignature, Criterion, Mentorship, Stage, Volunteer

PAGE_SIZE = 25


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


@login_required
def path(request):
    volunteer = (
        Volunteer.objects.filter(user=request.user).select_related("stage", "territory").first()
    )
    if volunteer is None:
        return render(request, "ambassadors/landing.html", {"stages": criteria.load_stages()})
    stages = criteria.load_stages()
    volunteer = criteria.with_evidence(Volunteer.objects.filter(pk=volunteer.pk), stages)
    volunteer = volunteer.select_related("stage", "territory", "user").get()
    context = {
        "volunteer": volunteer,
        "stages": stages,
        "status": path_status(volunteer, stages),
        "evidence": evidence_details(volunteer),
        "history": volunteer.history.select_related("from_stage", "to_stage", "actor"),
        "reviews": volunteer.reviews.select_related("stage"),
        "badges": volunteer.badges.select_related("stage"),
        "training_guides": training_guides(),
    }
    return render(request, "ambassadors/path.html", context)


@login_required
def apply(request):
    if Volunteer.objects.filter(user=request.user).exists():
        return redirect("ambassadors:path")
    initial = {"territory": request.user.territory_id, "languages": [get_language()[:2]]}
    form = ApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.apply(
                request.user,
                territory=data["territory"],
                motivation=data["motivation"],
                availability=data["availability"],
                languages=data["languages"],
                topics=data["topics"],
                commune=data["commune"],
                in_directory=data["in_directory"],
            )
        except services.PathError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you! Your application is recorded."))
            return redirect("ambassadors:path")
    return render(request, "ambassadors/apply.html", {"form": form})


@login_required
def charter(request):
    current = Charter.current()
    signed = (
        current is not None
        and CharterSignature.objects.filter(user=request.user, charter=current).exists()
    )
    if request.method == "POST":
        try:
            services.sign_charter(request.user)
        except services.PathError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you: you have signed the charter."))
            return redirect("ambassadors:path")
    return render(request, "ambassadors/charter.html", {"charter": current, "signed": signed})


@login_required
@require_POST
def ask_again(request):
    volunteer = get_object_or_404(Volunteer, user=request.user, deactivated_at__isnull=True)
    services.ask_again(volunteer)
    messages.success(request, _("Done: the facilitators will look at your path again."))
    return redirect("ambassadors:path")


@login_required
@require_POST
def directory_opt(request):
    volunteer = get_object_or_404(Volunteer, user=request.user, deactivated_at__isnull=True)
    listed = request.POST.get("in_directory") == "1"
    services.set_directory_listing(volunteer, listed)
    messages.success(
        request,
        _("You are listed in the directory.")
        if listed
        else _("You are no longer listed in the directory."),
    )
    return redirect("ambassadors:path")


@login_required
def directory(request):
    """Ambassadors who opted in, one territory at a time: first name, languages, topics and
    commune, never contact details. Three queries whatever the number of people."""
    territories = list(Territory.objects.all())
    code = request.GET.get("territory") or (
        request.user.territory.code if request.user.territory_id else territories[0].code
    )
    territory = next((t for t in territories if t.code == code), None)
    if territory is None:
        territory = territories[0] if territories else None
    listed_stage = services.first_stage_with("listed_in_directory")
    people = Volunteer.objects.none()
    if territory is not None and listed_stage is not None:
        active_mentorships = (
            Mentorship.objects.active()
            .filter(ambassador_id=OuterRef("pk"))
            .order_by()
            .values("ambassador_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        people = (
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
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "ambassadors/directory.html",
        {
            "territories": territories,
            "territory": territory,
            "page": page,
            "limit": mentoring.MAX_ACTIVE_MENTORSHIPS,
        },
    )
