"""Mentoring pages: ask to be accompanied, answer, log sessions, close, "did it help?"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import mentoring, permissions, services
from .forms import MentoringRequestForm, SessionForm
from .models import Mentorship, Volunteer


def id_or_none(value) -> int | None:
    """A row id typed in a URL or a form ("abc", "-1" or 20 digits are none: not a 500)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


@login_required
def my_mentoring(request):
    """My mentorships: those I asked for, and those I give as an ambassador."""
    asked = Mentorship.objects.filter(family=request.user).select_related("ambassador__user")
    volunteer = Volunteer.objects.filter(user=request.user).first()
    given = (
        Mentorship.objects.filter(ambassador=volunteer)
        .select_related("family")
        .order_by("status", "-created_at")
        if volunteer
        else Mentorship.objects.none()
    )
    return render(
        request,
        "ambassadors/mentoring.html",
        {"asked": asked[:50], "given": given[:50], "volunteer": volunteer},
    )


@login_required
def ask(request):
    """Ask to be accompanied: by an ambassador of the directory, or by whoever the
    facilitators propose (from a guide, a workshop follow-up or a help room)."""
    ambassador = None
    if request.GET.get("ambassador"):
        ambassador = get_object_or_404(
            Volunteer.objects.active().select_related("user", "territory"),
            pk=id_or_none(request.GET["ambassador"]),
            in_directory=True,
        )
    source = request.GET.get("source")
    if source not in Mentorship.Source.values:
        source = Mentorship.Source.DIRECTORY if ambassador else Mentorship.Source.GUIDE
    initial = {"territory": ambassador.territory_id if ambassador else request.user.territory_id}
    form = MentoringRequestForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            mentoring.request_mentoring(
                request.user,
                territory=form.cleaned_data["territory"],
                topic=form.cleaned_data["topic"],
                message=form.cleaned_data["message"],
                source=source,
                ambassador=ambassador,
            )
        except services.PathError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your request is sent. You will be told of the answer."))
            return redirect("ambassadors:mentoring")
    return render(request, "ambassadors/ask.html", {"form": form, "ambassador": ambassador})


def _visible_mentorship(request, pk) -> Mentorship:
    mentorship = get_object_or_404(
        Mentorship.objects.select_related("ambassador__user", "family", "territory"), pk=pk
    )
    if not permissions.can_see_mentorship(request.user, mentorship):
        raise Http404
    return mentorship


@login_required
def detail(request, pk):
    return _detail(request, _visible_mentorship(request, pk))


def _detail(request, mentorship, form=None, status=200):
    """The mentorship's page; `form` is the session form as typed when it had an error."""
    can_see_notes = permissions.can_see_mentoring_notes(request.user, mentorship)
    is_ambassador = permissions.is_mentoring_ambassador(request.user, mentorship)
    context = {
        "mentorship": mentorship,
        "is_family": mentorship.family_id == request.user.pk,
        "is_ambassador": is_ambassador,
        "can_see_notes": can_see_notes,
        # The family sees that sessions took place, never the ambassador's private notes.
        "sessions": mentorship.sessions.all() if can_see_notes else [],
        "form": (form or SessionForm()) if is_ambassador else None,
    }
    return render(request, "ambassadors/mentorship.html", context, status=status)


def _act(request, pk, action, success):
    mentorship = _visible_mentorship(request, pk)
    try:
        action(request.user, mentorship)
    except services.NotAllowed as error:
        raise PermissionDenied(str(error.message)) from error
    except services.PathError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("ambassadors:mentorship", pk=pk)


@login_required
@require_POST
def accept(request, pk):
    return _act(request, pk, mentoring.accept_mentorship, _("You accompany this family."))


@login_required
@require_POST
def decline(request, pk):
    return _act(request, pk, mentoring.decline_mentorship, _("The family will be told."))


@login_required
@require_POST
def close(request, pk):
    return _act(request, pk, mentoring.close_mentorship, _("The mentorship is closed."))


@login_required
@require_POST
def log(request, pk):
    mentorship = _visible_mentorship(request, pk)
    if not permissions.is_mentoring_ambassador(request.user, mentorship):
        raise PermissionDenied
    form = SessionForm(request.POST)
    if not form.is_valid():
        # The page again with what was typed and the errors next to their fields.
        return _detail(request, mentorship, form=form, status=400)
    try:
        mentoring.log_session(request.user, mentorship, **form.cleaned_data)
    except services.PathError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The session is logged."))
    return redirect("ambassadors:mentorship", pk=pk)


@login_required
@require_POST
def helped(request, pk):
    mentorship = _visible_mentorship(request, pk)
    try:
        mentoring.answer_helped(request.user, mentorship, request.POST.get("helped") == "yes")
    except services.NotAllowed as error:
        raise PermissionDenied(str(error.message)) from error
    except services.PathError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you for your answer."))
    return redirect("ambassadors:mentorship", pk=pk)
