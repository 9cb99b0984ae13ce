"""Facilitators' pages: the queue of volunteers ready for their next stage, one volunteer's
evidence and history, decisions, deactivation, the inactivity review and open requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parents.models import Territory
from parents.permissions import facilitated_organisations

from . import criteria, mentoring, permissions, services
from .forms import DeactivateForm, DecisionForm
from .models import Mentorship, Volunteer
from .selectors import evidence_details
from .views import PAGE_SIZE
from .views_mentoring import id_or_none

REVIEW_LIST_SIZE = 20


def _require_facilitator(user) -> None:
    if not permissions.can_use_facilitator_pages(user):
        raise PermissionDenied


@login_required
def queue(request):
    """Volunteers whose evidence meets a next stage that needs a facilitator. The criteria
    are counted in SQL for the whole page at once: the queries do not grow with people."""
    _require_facilitator(request.user)
    stages = criteria.load_stages()
    scope = Volunteer.objects.active().in_scope_of(request.user)
    # "all": every volunteer in scope (to answer, or validate with an exception).
    show_all = request.GET.get("list") == "all"
    if show_all:
        listed = criteria.with_evidence(scope, stages)
    else:
        listed = criteria.ready_for_next_stage(
            criteria.with_evidence(scope.filter(review_state=""), stages), stages, validation=True
        )
    listed = listed.select_related("user", "stage", "territory").order_by("stage_since", "pk")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for volunteer in page:
        following = criteria.next_stage(stages, volunteer.stage_id)
        results = criteria.evaluate(volunteer, following) if following else []
        rows.append((volunteer, following, results))
    review = list(
        scope.filter(needs_review_since__isnull=False)
        .select_related("user", "stage", "territory")
        .order_by("needs_review_since", "pk")[:REVIEW_LIST_SIZE]
    )
    territories = Territory.objects.filter(
        organisations__in=facilitated_organisations(request.user)
    ).values("pk")
    requests = list(
        Mentorship.objects.filter(
            status=Mentorship.Status.REQUESTED,
            ambassador__isnull=True,
            territory__in=territories,
        )
        .exclude(family=request.user)
        .select_related("family", "territory")
        .order_by("created_at", "pk")[:REVIEW_LIST_SIZE]
    )
    return render(
        request,
        "ambassadors/queue.html",
        {
            "page": page,
            "rows": rows,
            "review": review,
            "requests": requests,
            "show_all": show_all,
        },
    )


def _volunteer_in_scope(request, pk):
    _require_facilitator(request.user)
    volunteer = get_object_or_404(Volunteer.objects.select_related("stage", "territory"), pk=pk)
    if not permissions.can_review(request.user, volunteer):
        # Outside one's scope, a volunteer does not exist.
        raise Http404
    return volunteer


@login_required
def volunteer_detail(request, pk):
    volunteer = _volunteer_in_scope(request, pk)
    stages = criteria.load_stages()
    volunteer = (
        criteria.with_evidence(Volunteer.objects.filter(pk=volunteer.pk), stages)
        .select_related("stage", "territory", "user", "organisation")
        .get()
    )
    following = criteria.next_stage(stages, volunteer.stage_id)
    results = criteria.evaluate(volunteer, following) if following else []
    context = {
        "volunteer": volunteer,
        "following": following,
        "results": results,
        "evidence_ok": bool(following) and criteria.evidence_met(following, results),
        "evidence": evidence_details(volunteer),
        "history": volunteer.history.select_related("from_stage", "to_stage", "actor"),
        "reviews": volunteer.reviews.select_related("stage", "reviewer"),
        "badges": volunteer.badges.select_related("stage"),
        "mentorships": volunteer.mentorships.select_related("family").order_by("-created_at")[:20],
        "can_validate": permissions.can_validate(request.user, volunteer),
        "form": DecisionForm(initial={"to_stage": following.pk if following else None}),
        "deactivate_form": DeactivateForm(),
    }
    return render(request, "ambassadors/volunteer.html", context)


@login_required
@require_POST
def decide(request, pk):
    volunteer = _volunteer_in_scope(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("ambassadors:volunteer", pk=pk)
    data = form.cleaned_data
    try:
        if data["decision"] == DecisionForm.APPROVE:
            services.approve(
                request.user,
                volunteer,
                to_stage=data["to_stage"],
                comment=data["message"],
                override_reason=data["override_reason"],
            )
            messages.success(request, _("Validated: the volunteer has moved to the next stage."))
        else:
            services.review(
                request.user, volunteer, decision=data["decision"], message=data["message"]
            )
            messages.success(request, _("Your answer has been sent to the volunteer."))
    except services.NotAllowed as error:
        raise PermissionDenied(str(error.message)) from error
    except services.PathError as error:
        messages.error(request, error.message)
        return redirect("ambassadors:volunteer", pk=pk)
    return redirect("ambassadors:queue")


@login_required
@require_POST
def deactivate(request, pk):
    volunteer = _volunteer_in_scope(request, pk)
    form = DeactivateForm(request.POST)
    try:
        services.deactivate(
            request.user,
            volunteer,
            reason=form.cleaned_data["reason"] if form.is_valid() else "",
        )
    except services.NotAllowed as error:
        raise PermissionDenied(str(error.message)) from error
    except services.PathError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The volunteer is deactivated; their badges are revoked."))
    return redirect("ambassadors:volunteer", pk=pk)


@login_required
@require_POST
def keep(request, pk):
    volunteer = _volunteer_in_scope(request, pk)
    try:
        services.keep_active(request.user, volunteer, message=request.POST.get("message", ""))
    except services.NotAllowed as error:
        raise PermissionDenied(str(error.message)) from error
    except services.PathError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The ambassador stays active."))
    return redirect("ambassadors:queue")


@login_required
def assign(request, pk):
    """Propose an ambassador of the territory to a family who asked without choosing one."""
    _require_facilitator(request.user)
    mentorship = get_object_or_404(Mentorship.objects.select_related("territory"), pk=pk)
    if not permissions.can_assign_mentorship(request.user, mentorship):
        raise Http404
    mentor_stage = services.first_stage_with("can_mentor")
    candidates = (
        Volunteer.objects.active()
        .in_scope_of(request.user)
        .filter(territory=mentorship.territory_id)
        .exclude(user=mentorship.family_id)
        .select_related("user")
        .order_by("pk")
    )
    candidates = (
        candidates.filter(stage__order__gte=mentor_stage.order)
        if mentor_stage
        else candidates.none()
    )
    if request.method == "POST":
        ambassador_id = id_or_none(request.POST.get("ambassador"))
        ambassador = candidates.filter(pk=ambassador_id).first() if ambassador_id else None
        if ambassador is None:
            messages.error(request, _("Choose one of the ambassadors in the list."))
        else:
            try:
                mentoring.assign_mentorship(request.user, mentorship, ambassador)
            except services.NotAllowed as error:
                raise PermissionDenied(str(error.message)) from error
            except services.PathError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("The ambassador has been asked."))
                return redirect("ambassadors:queue")
    return render(
        request,
        "ambassadors/assign.html",
        {"mentorship": mentorship, "candidates": candidates[:50]},
    )
