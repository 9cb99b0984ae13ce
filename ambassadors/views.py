"""Pages of the ambassador path: parse the request, authorise, call a service, render.

Facilitators' pages and mentoring live in `views_facilitators.py` and `views_mentoring.py`;
badges in `views_badges.py`. This module holds the volunteer's own pages and the directory.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parents.models import Territory

from . import criteria, mentoring, selectors, services
from .forms import ApplicationForm
from .models import Charter, CharterSignature, Volunteer

PAGE_SIZE = 25


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
        "status": selectors.path_status(volunteer, stages),
        "evidence": selectors.evidence_details(volunteer),
        "history": volunteer.history.select_related("from_stage", "to_stage", "actor"),
        "reviews": volunteer.reviews.select_related("stage"),
        "badges": volunteer.badges.select_related("stage"),
        "training_guides": selectors.training_guides(),
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
    people = selectors.directory_listing(territory)
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
