"""Pages of the rooms. They work without JavaScript: messages are listed here and posting,
reporting and asking are plain forms calling the same services as the WebSocket consumer."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, selectors, services, voice
from .errors import RoomError
from .forms import HelpRequestForm, MessageForm, ReasonForm
from .models import HelpRequest, Message, OnDuty, Room

# What the voice message's form tells and its script enforces (the server checks them again).
VOICE_LIMITS = {
    "voice_max_seconds": voice.MAX_SECONDS,
    "voice_note_max_length": voice.NOTE_MAX_LENGTH,
}


def readable_room(request, slug) -> Room:
    """The room, or 404 for a room the person may not read (its existence is not told)."""
    room = get_object_or_404(Room.objects.active().select_related("territory"), slug=slug)
    if not permissions.can_read_room(request.user, room):
        raise Http404
    return room


def _back(room, anchor=""):
    return redirect(reverse("rooms:room", args=[room.slug]) + anchor)


@login_required
def index(request):
    return render(
        request,
        "rooms/index.html",
        {
            "rooms": selectors.rooms_for(request.user),
            "can_go_on_duty": permissions.can_go_on_duty(request.user),
            "on_duty": OnDuty.objects.filter(user=request.user).exists(),
            "can_see_unanswered": permissions.can_see_unanswered(request.user),
        },
    )


@login_required
def room(request, slug):
    room = readable_room(request, slug)  # its number read before the history (rooms.events)
    member = permissions.member_of(request.user, room)
    history = selectors.history(room)
    return render(
        request,
        "rooms/room.html",
        {
            "room": room,
            "member": member,
            "history": history,
            "seq": room.last_event_seq,
            "rules_accepted": bool(member and member.rules_accepted_at),
            "can_post": permissions.can_post(request.user, room, member),
            "muted": bool(member and member.is_muted()),
            "can_moderate": permissions.can_moderate_room(request.user, room, member),
            "can_help": permissions.can_help_in_room(request.user, room),
            "on_duty": services.on_duty_people(room),
            "am_on_duty": OnDuty.objects.filter(user=request.user).exists(),
            "open_requests": selectors.open_help_requests(request.user, room)[:20],
            "my_requests": selectors.my_help_requests(request.user, room),
            "form": MessageForm(),
            "help_form": HelpRequestForm(),
            "max_length": services.MAX_LENGTH,
            **VOICE_LIMITS,
        },
    )


@login_required
@require_POST
def accept_rules(request, slug):
    room = readable_room(request, slug)
    try:
        services.accept_rules(request.user, room)
    except RoomError as error:
        messages.error(request, error.message)
    return _back(room, "#post")


@login_required
@require_POST
def post(request, slug):
    room = readable_room(request, slug)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("text", [_("Write a message first.")])))
        return _back(room, "#post")
    try:
        message = services.post_message(request.user, room, form.cleaned_data["text"])
    except RoomError as error:
        messages.error(request, error.message)
        return _back(room, "#post")
    if message.status == Message.Status.HELD:
        messages.info(request, RoomError("held_for_review").message)
        return _back(room, "#post")
    return _back(room, f"#m-{message.pk}")


@login_required
@require_POST
def report(request, slug, pk):
    room = readable_room(request, slug)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.report_message(request.user, room, pk, reason)
    except RoomError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you. The room’s moderators will look at it."))
    return _back(room, f"#m-{pk}")


@login_required
@require_POST
def duty(request):
    on = request.POST.get("on") == "1"
    try:
        services.set_duty(request.user, on)
    except RoomError as error:
        raise PermissionDenied(error.message) from None
    messages.success(
        request, _("You are on duty.") if on else _("You are no longer on duty. Thank you!")
    )
    return redirect(request.POST.get("next") if _safe(request) else reverse("rooms:index"))


def _safe(request) -> bool:
    return url_has_allowed_host_and_scheme(
        request.POST.get("next", ""), {request.get_host()}, require_https=request.is_secure()
    )


# --- Help requests -------------------------------------------------------------------------


@login_required
@require_POST
def ask(request, slug):
    room = readable_room(request, slug)
    form = HelpRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your question first."))
        return _back(room, "#ask")
    try:
        help_request = services.ask_for_help(
            request.user, room, form.cleaned_data["question"], form.cleaned_data["is_private"]
        )
    except RoomError as error:
        messages.error(request, error.message)
        return _back(room, "#ask")
    messages.success(request, _("Your question is sent to the ambassadors on duty."))
    return redirect("rooms:help_request", room.slug, help_request.pk)


def _visible_request(request, slug, pk) -> HelpRequest:
    help_request = get_object_or_404(
        HelpRequest.objects.select_related("room", "asker", "claimed_by"),
        pk=pk,
        room__slug=slug,
        room__is_active=True,
    )
    if not permissions.can_see_help_request(request.user, help_request):
        raise Http404
    return help_request


@login_required
def help_request(request, slug, pk):
    help_request = _visible_request(request, slug, pk)  # its number read before the history
    can_read = permissions.can_read_thread(request.user, help_request)
    history = selectors.history(help_request.room, help_request) if can_read else []
    return render(
        request,
        "rooms/help_request.html",
        {
            "room": help_request.room,
            "help_request": help_request,
            "history": history,
            "seq": help_request.last_event_seq,
            "can_read_thread": can_read,
            "can_write": permissions.can_write_in_thread(request.user, help_request),
            "can_claim": help_request.status == HelpRequest.Status.OPEN
            and permissions.can_claim(request.user, help_request),
            "is_asker": help_request.asker_id == request.user.pk,
            "form": MessageForm(),
            "max_length": services.MAX_LENGTH,
            **VOICE_LIMITS,
        },
    )


@login_required
@require_POST
def claim(request, slug, pk):
    help_request = _visible_request(request, slug, pk)
    try:
        services.claim(request.user, help_request.pk)
    except RoomError as error:
        messages.error(request, error.message)
    return redirect("rooms:help_request", slug, pk)


@login_required
@require_POST
def thread_post(request, slug, pk):
    help_request = _visible_request(request, slug, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_message(
                request.user,
                help_request.room,
                form.cleaned_data["text"],
                help_request=help_request,
            )
        except RoomError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, " ".join(form.errors.get("text", [])))
    return redirect(reverse("rooms:help_request", args=[slug, pk]) + "#post")


@login_required
@require_POST
def resolve(request, slug, pk):
    help_request = _visible_request(request, slug, pk)
    try:
        services.resolve(request.user, help_request)
    except RoomError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Marked as resolved. Thank you!"))
    return redirect("rooms:help_request", slug, pk)


@login_required
def unanswered(request):
    if not permissions.can_see_unanswered(request.user):
        raise PermissionDenied
    return render(
        request,
        "rooms/unanswered.html",
        {
            "requests": selectors.unanswered_for(request.user),
            "settings_minutes": settings.ROOMS_UNANSWERED_AFTER_MINUTES,
        },
    )
