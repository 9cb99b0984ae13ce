"""Facilitators' pages, phone-first: their organisations' workshops, the door, the follow-up.

Every view finds its workshop through `Workshop.objects.managed_by(user)`: a workshop of
another organisation is a 404, the same as one that does not exist.
"""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from . import exports, permissions, services, services_running, tokens
from .manage_forms import MessageForm, SeriesForm, WalkInForm
from .models import Registration, Workshop


def _managed_workshop(request, pk) -> Workshop:
    return get_object_or_404(
        Workshop.objects.managed_by(request.user).select_related(
            "venue__territory", "organisation"
        ),
        pk=pk,
    )


def _active_registrations(workshop):
    return Registration.objects.filter(workshop_id=workshop.pk).active()


@login_required
def workshop_list(request):
    if not permissions.can_manage_workshops(request.user):
        raise Http404
    now = timezone.now()
    workshops = (
        Workshop.objects.managed_by(request.user)
        .select_related("venue__territory", "organisation")
        .with_confirmed_seats()
    )
    return render(
        request,
        "workshops/manage/list.html",
        {
            "upcoming": workshops.filter(ends_at__gt=now).order_by("starts_at", "pk")[:100],
            "past": workshops.filter(ends_at__lte=now).order_by("-starts_at", "-pk")[:20],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request):
    if not permissions.can_manage_workshops(request.user):
        raise Http404
    form = SeriesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            series = services_running.create_series(
                organisation=data["organisation"],
                title=data["title"],
                starts=form.starts(services_running.weekly_starts),
                duration=form.duration(),
                description=data["description"],
                topic=data["topic"],
                format=data["format"],
                venue=data["venue"],
                languages=data["languages"],
                capacity=data["capacity"],
                waitlist_enabled=data["waitlist_enabled"],
                status=Workshop.Status.PUBLISHED if data["publish"] else Workshop.Status.DRAFT,
            )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            created = series.workshops.count()
            messages.success(
                request,
                ngettext("%(count)d session created.", "%(count)d sessions created.", created)
                % {"count": created},
            )
            return redirect("workshops:manage_list")
    return render(request, "workshops/manage/series_form.html", {"form": form})


@login_required
def workshop_registrations(request, pk):
    workshop = _managed_workshop(request, pk)
    registrations = Registration.objects.filter(workshop_id=workshop.pk)
    confirmed_all = registrations.filter(status=Registration.Status.CONFIRMED)
    # Search and filter the lists (the counts stay the workshop's).
    query = request.GET.get("q", "").strip()[:80]
    need = request.GET.get("need", "")
    shown = registrations
    if query:
        shown = shown.filter(
            Q(first_name__icontains=query) | Q(email__icontains=query) | Q(phone__icontains=query)
        )
    if need in NEED_FILTERS:
        shown = shown.filter(**{NEED_FILTERS[need]: True})
    confirmed = shown.filter(status=Registration.Status.CONFIRMED).order_by("created_at", "pk")
    return render(
        request,
        "workshops/manage/workshop.html",
        {
            "workshop": workshop,
            "confirmed": confirmed,
            "confirmed_seats": sum(r.seats for r in confirmed_all),
            "present_families": sum(1 for r in confirmed_all if r.attended),
            "present_people": sum(r.seats for r in confirmed_all if r.attended),
            "waiting": shown.waiting_in_order(),
            "cancelled_count": registrations.filter(status=Registration.Status.CANCELLED).count(),
            "query": query,
            "need": need if need in NEED_FILTERS else "",
            "need_choices": [
                ("childcare", _("Childcare")),
                ("interpreter", _("Interpreter")),
                ("accessibility", _("Step-free access")),
            ],
            "sent_messages": workshop.participant_messages.select_related("sent_by")[:20],
            "can_close": workshop.status == Workshop.Status.PUBLISHED
            and workshop.starts_at <= timezone.now(),
            "can_cancel": workshop.status in (Workshop.Status.PUBLISHED, Workshop.Status.DRAFT),
        },
    )


NEED_FILTERS = {
    "childcare": "needs_childcare",
    "interpreter": "needs_interpreter",
    "accessibility": "needs_accessibility",
}


@login_required
@require_http_methods(["GET", "POST"])
def message(request, pk):
    workshop = _managed_workshop(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        count = services_running.message_participants(
            workshop,
            subject=data["subject"],
            body=data["body"],
            channels=data["channels"],
            include_waiting=data["include_waiting"],
            sent_by=request.user,
        )
        messages.success(
            request,
            ngettext(
                "Your message is on its way to %(count)d family.",
                "Your message is on its way to %(count)d families.",
                count,
            )
            % {"count": count},
        )
        return redirect("workshops:manage_workshop", pk=workshop.pk)
    return render(request, "workshops/manage/message.html", {"workshop": workshop, "form": form})


@login_required
def sign_in_sheet(request, pk):
    workshop = _managed_workshop(request, pk)
    rows = Registration.objects.filter(
        workshop_id=workshop.pk, status=Registration.Status.CONFIRMED
    ).order_by("first_name", "pk")
    return render(request, "workshops/manage/sheet.html", {"workshop": workshop, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def walk_in(request, pk):
    """A family that turns up without signing up: added present, if its places are free."""
    workshop = _managed_workshop(request, pk)
    form = WalkInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            registration = services_running.add_walk_in(
                workshop, first_name=data["first_name"], seats=data["seats"], **data["contact"]
            )
        except services.RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("%(name)s is added and checked in.") % {"name": registration.first_name}
            )
            return redirect("workshops:manage_check_in", pk=workshop.pk)
    return render(request, "workshops/manage/walk_in.html", {"workshop": workshop, "form": form})


@login_required
def check_in_list(request, pk):
    workshop = _managed_workshop(request, pk)
    rows = Registration.objects.filter(
        workshop_id=workshop.pk, status=Registration.Status.CONFIRMED
    ).order_by("first_name", "pk")
    return render(
        request,
        "workshops/manage/check_in.html",
        {
            "workshop": workshop,
            "rows": rows,
            "present": sum(1 for row in rows if row.attended),
            # Attendance in people as well as families (a family's places are its people).
            "present_people": sum(row.seats for row in rows if row.attended),
        },
    )


def _check_in_response(request, registration, present: bool, next_url: str):
    try:
        registration = services_running.check_in(registration, present=present)
    except services.RegistrationError as error:
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"error": str(error.message)}, status=409)
        messages.error(request, error.message)
        return redirect(next_url)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"id": registration.pk, "present": bool(registration.attended)})
    if present:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.first_name})
    return redirect(next_url)


@login_required
@require_POST
def check_in(request, pk, registration_pk):
    workshop = _managed_workshop(request, pk)
    registration = get_object_or_404(
        Registration.objects.filter(workshop_id=workshop.pk), pk=registration_pk
    )
    present = request.POST.get("present", "1") == "1"
    next_url = reverse("workshops:manage_check_in", args=[workshop.pk]) + f"#r{registration.pk}"
    return _check_in_response(request, registration, present, next_url)


@require_http_methods(["GET", "POST"])
def check_in_by_code(request, token):
    """What the QR code opens: this family's check-in, for the organisation's facilitators.

    Anyone else (signed out, another organisation, a bad code) sees a plain 404.
    """
    try:
        registration = tokens.read_checkin_token(token)
    except tokens.InvalidToken:
        raise Http404 from None
    if not permissions.can_manage_registration(request.user, registration):
        raise Http404
    if request.method == "POST":
        next_url = reverse("workshops:manage_check_in", args=[registration.workshop_id])
        return _check_in_response(request, registration, True, next_url + f"#r{registration.pk}")
    return render(
        request,
        "workshops/manage/check_in_code.html",
        {"registration": registration, "workshop": registration.workshop},
    )


@login_required
@require_http_methods(["GET", "POST"])
def close(request, pk):
    workshop = _managed_workshop(request, pk)
    if request.method == "POST":
        try:
            services_running.close_workshop(workshop)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The workshop is closed. Thank you!"))
        return redirect("workshops:manage_workshop", pk=workshop.pk)
    absent = Registration.objects.filter(
        workshop_id=workshop.pk, status=Registration.Status.CONFIRMED, attended__isnull=True
    ).count()
    return render(request, "workshops/manage/close.html", {"workshop": workshop, "absent": absent})


@login_required
@require_http_methods(["GET", "POST"])
def cancel_workshop(request, pk):
    workshop = _managed_workshop(request, pk)
    if request.method == "POST":
        try:
            services_running.cancel_workshop(workshop)
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The workshop is cancelled. Every family is told."))
        return redirect("workshops:manage_workshop", pk=workshop.pk)
    return render(
        request,
        "workshops/manage/cancel.html",
        {"workshop": workshop, "families": _active_registrations(workshop).count()},
    )


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def export_csv(request, pk):
    sheet = exports.registration_sheet(_managed_workshop(request, pk))
    return _download(exports.to_csv(sheet), "text/csv; charset=utf-8", f"{sheet.filename}.csv")


@login_required
def export_xlsx(request, pk):
    sheet = exports.registration_sheet(_managed_workshop(request, pk))
    return _download(exports.to_xlsx(sheet), exports.XLSX_CONTENT_TYPE, f"{sheet.filename}.xlsx")


def registration_qr(request, token):
    """The QR code of a family's confirmation (SVG): the check-in code for the door."""
    from .views import _registration_or_error_page

    registration, error_page = _registration_or_error_page(request, token)
    if error_page:
        return error_page
    url = request.build_absolute_uri(
        reverse("workshops:check_in_by_code", args=[tokens.make_checkin_token(registration)])
    )
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2, dark="#1d2430")
    response = HttpResponse(out.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response
