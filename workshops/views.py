"""Public workshop pages: parse the request, authorise, call a service, render."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import ics, lost_links, services, signup_limits, tokens
from .forms import LostLinkForm, RegistrationForm, SeatsForm, WorkshopFilterForm
from .models import Registration, Workshop
from .permissions import can_manage_workshops

PAGE_SIZE = 25
LIMIT_MESSAGES = {
    "connection": gettext_lazy(
        "Too many sign-ups from this connection. Please try again in a few minutes."
    ),
    "contact": gettext_lazy(
        "Too many sign-ups with this e-mail address or phone number. "
        "Please try again in a few minutes."
    ),
}

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _public_workshops():
    return Workshop.objects.select_related("venue__territory", "organisation")


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def _json_ld(request, workshop: Workshop) -> str:
    """schema.org Event, escaped so that it cannot close its <script> element."""
    mode = {
        Workshop.Format.ON_SITE: "OfflineEventAttendanceMode",
        Workshop.Format.ONLINE: "OnlineEventAttendanceMode",
        Workshop.Format.HYBRID: "MixedEventAttendanceMode",
    }[workshop.format]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": workshop.title,
        "description": workshop.description,
        "startDate": workshop.local_starts_at.isoformat(),
        "endDate": workshop.local_ends_at.isoformat(),
        "eventStatus": "https://schema.org/"
        + ("EventCancelled" if workshop.status == Workshop.Status.CANCELLED else "EventScheduled"),
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "inLanguage": workshop.language_codes,
        "isAccessibleForFree": True,
        "url": _absolute(request, workshop.get_absolute_url()),
        "organizer": {"@type": "Organization", "name": workshop.organisation.name},
        "maximumAttendeeCapacity": workshop.capacity,
        "remainingAttendeeCapacity": workshop.places_left(),
    }
    if workshop.has_venue:
        venue = workshop.venue
        data["location"] = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.address,
                "postalCode": venue.postcode,
                "addressLocality": venue.commune,
                "addressRegion": venue.territory.name,
                "addressCountry": "FR",
            },
        }
    else:
        data["location"] = {"@type": "VirtualLocation", "url": data["url"]}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308


def workshop_list(request):
    filters = WorkshopFilterForm(request.GET or None)
    workshops = filters.filter(
        _public_workshops()
        .published()
        .upcoming()
        .with_confirmed_seats()
        .order_by("starts_at", "pk")
    )
    page = Paginator(workshops, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "workshops/list.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
    )


def _initial_for(user) -> dict:
    if not user.is_authenticated:
        return {}
    return {
        "first_name": user.display_name,
        "email": user.email or "",
        "phone": user.phone or "",
    }


@require_http_methods(["GET", "POST"])
def workshop_detail(request, pk):
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        limit = form.is_valid() and signup_limits.reached(request, pk, form.cleaned_data)
        if limit:
            form.add_error(None, LIMIT_MESSAGES[limit])
            status = 429
        elif form.is_valid():
            try:
                registration = _register(request, pk, form.cleaned_data)
            except services.RegistrationError as error:
                form.add_error(None, error.message)
            else:
                signup_limits.count(request, pk, form.cleaned_data)
                return redirect("workshops:confirmation", token=tokens.make_token(registration))
    else:
        form = RegistrationForm(initial=_initial_for(request.user))
    # The page itself is loaded only when it is shown: a sign-up that succeeds never needs it.
    workshop = get_object_or_404(
        _public_workshops().visible_to(request.user).with_confirmed_seats(), pk=pk
    )
    context = {
        "workshop": workshop,
        "form": form,
        "open": workshop.is_open_for_registration(),
        "json_ld": _json_ld(request, workshop),
    }
    return render(request, "workshops/detail.html", context, status=status)


def _register(request, workshop_id: int, data: dict) -> Registration:
    """Sign up straight from the form: `services.register` locks and reads the workshop itself.

    Only a published workshop takes sign-ups, and every published workshop is public, so a
    sign-up that succeeds needed no visibility check; any refusal (a draft included) goes back
    to the page, which is loaded with the check (404 for a draft the person may not see).
    """
    try:
        return services.register(
            Workshop(pk=workshop_id),
            first_name=data["first_name"],
            email=data["email"] or None,
            phone=data["phone"] or None,
            seats=data["seats"],
            needs=services.Needs(
                childcare=data["needs_childcare"],
                interpreter=data["needs_interpreter"],
                accessibility=data["needs_accessibility"],
                details=data["needs_details"],
            ),
            user=request.user,
            language=get_language(),
        )
    except Workshop.DoesNotExist:
        raise Http404 from None


def workshop_calendar(request, pk):
    workshop = get_object_or_404(_public_workshops().visible_to(request.user), pk=pk)
    return _calendar_response(
        ics.workshop_calendar(workshop, url=_absolute(request, workshop.get_absolute_url()))
    )


def _calendar_response(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="workshop.ics"'
    return response


def _registration_or_error_page(request, token):
    """(registration, None) for a good token, else (None, a friendly 404/410 page)."""
    try:
        return tokens.read_token(token), None
    except tokens.ExpiredToken:
        return None, render(request, "workshops/token_error.html", {"expired": True}, status=410)
    except tokens.InvalidToken:
        return None, render(request, "workshops/token_error.html", {"expired": False}, status=404)


def confirmation(request, token):
    registration, error_page = _registration_or_error_page(request, token)
    if error_page:
        return error_page
    return render(
        request,
        "workshops/confirmation.html",
        {
            "registration": registration,
            "workshop": registration.workshop,
            "position": registration.waitlist_position(),
            "token": token,
        },
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    registration, error_page = _registration_or_error_page(request, token)
    if error_page:
        return error_page
    form = SeatsForm(initial={"seats": registration.seats})
    if request.method == "POST":
        form = SeatsForm(request.POST)
        if form.is_valid():
            try:
                services.change_seats(registration, form.cleaned_data["seats"])
            except services.RegistrationError as error:
                form.add_error("seats", error.message)
            else:
                messages.success(request, _("Your places are updated."))
                return redirect("workshops:manage", token=token)
    return render(
        request,
        "workshops/manage.html",
        {
            "registration": registration,
            "workshop": registration.workshop,
            "position": registration.waitlist_position(),
            "form": form,
            "token": token,
            "can_change": registration.is_active
            and registration.workshop.starts_at > timezone.now(),
        },
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration, error_page = _registration_or_error_page(request, token)
    if error_page:
        return error_page
    if request.method == "POST" and registration.is_active:
        services.cancel(registration)
        messages.success(request, _("Your places are cancelled. Thank you for letting us know."))
        return redirect("workshops:manage", token=token)
    if not registration.is_active:
        return redirect("workshops:manage", token=token)
    return render(
        request,
        "workshops/cancel.html",
        {"registration": registration, "workshop": registration.workshop, "token": token},
    )


@require_http_methods(["GET", "POST"])
def lost_link(request):
    """Send the links again to the contact given; the same answer whether it is known or not."""
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = form.cleaned_data["contact"]
        address = signup_limits.client_address(request)
        if lost_links.rate_limited(address, next(iter(contact.values()))):
            return render(request, "429.html", status=429)
        lost_links.send_links_again(**contact, language=get_language())
        return render(request, "workshops/lost_link_sent.html", {"contact": contact})
    return render(request, "workshops/lost_link.html", {"form": form})


def registration_calendar(request, token):
    registration, error_page = _registration_or_error_page(request, token)
    if error_page:
        return error_page
    workshop = registration.workshop
    confirmed = registration.status == Registration.Status.CONFIRMED
    return _calendar_response(
        ics.workshop_calendar(
            workshop,
            url=_absolute(request, reverse("workshops:manage", args=[token])),
            online_link=workshop.online_link if confirmed else "",
        )
    )


def _status_label(registration: Registration, now) -> str:
    """What became of a sign-up, in words: a past workshop was attended or missed."""
    workshop = registration.workshop
    if registration.status == Registration.Status.CANCELLED:
        return pgettext("past sign-up", "You cancelled")
    if workshop.status == Workshop.Status.CANCELLED:
        return pgettext("past sign-up", "Workshop cancelled")
    if workshop.ends_at > now:
        return registration.get_status_display()
    if registration.status == Registration.Status.WAITLISTED:
        return pgettext("past sign-up", "No place became free")
    if registration.attended:
        return pgettext("past sign-up", "Attended")
    if registration.attended is False:
        return pgettext("past sign-up", "Missed")
    return pgettext("past sign-up", "Took place (attendance not recorded)")


@login_required
def mine(request):
    registrations = (
        Registration.objects.of_person(request.user)
        .select_related("workshop__venue__territory", "workshop__organisation")
        .order_by("-workshop__starts_at")
    )
    now = timezone.now()
    upcoming, past = [], []
    for registration in registrations:
        row = (registration, tokens.make_token(registration), _status_label(registration, now))
        (upcoming if registration.workshop.ends_at > now else past).append(row)
    upcoming.reverse()  # the next one first
    return render(
        request,
        "workshops/mine.html",
        {"upcoming": upcoming, "past": past, "can_manage": can_manage_workshops(request.user)},
    )
