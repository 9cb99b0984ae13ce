"""Voice messages and questions asked by voice, over HTTP: the upload (a multipart form, with or
without JavaScript) and the recording, served after a permission check on every request. The
sound never goes through the WebSocket: the message or question, once saved, is broadcast like
any other (its metadata only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import permissions, services, voice
from .errors import RoomError
from .events import serialize_message
from .models import HelpRequest, Message
from .views import _visible_request, readable_room

# A refusal's HTTP status for the page's script (the form without it is redirected back).
STATUSES = {"rate_limited": 429, "slow_mode": 429, "forbidden": 403, "banned": 403, "muted": 403}


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _refused(request, error: RoomError, client_id: str, back: str, anchor="#voice"):
    if _wants_json(request):
        return JsonResponse(error.as_event(client_id), status=STATUSES.get(error.code, 400))
    messages.error(request, error.message)
    return redirect(back + anchor)


def _post(request, room, help_request, back: str):
    client_id = request.POST.get("client_id", "")[:64]
    upload = request.FILES.get("audio")
    if upload is None:  # no file chosen: a browser sends none (never a written message here)
        return _refused(request, RoomError("voice_empty"), client_id, back)
    try:
        message = services.post_message(
            request.user,
            room,
            request.POST.get("note", ""),
            client_id,
            help_request=help_request,
            voice=upload,
        )
    except RoomError as error:
        return _refused(request, error, client_id, back)
    held = message.status == Message.Status.HELD
    if _wants_json(request):
        if held:
            return JsonResponse(RoomError("held_for_review").as_event(client_id), status=202)
        return JsonResponse({"type": "sent", "message": serialize_message(message)}, status=201)
    if held:
        messages.info(request, RoomError("held_for_review").message)
        return redirect(back + "#voice")
    return redirect(back + f"#m-{message.pk}")


@login_required
@require_POST
def room_post(request, slug):
    room = readable_room(request, slug)
    return _post(request, room, None, reverse("rooms:room", args=[room.slug]))


@login_required
@require_POST
def thread_post(request, slug, pk):
    help_request = _visible_request(request, slug, pk)
    back = reverse("rooms:help_request", args=[slug, pk])
    return _post(request, help_request.room, help_request, back)


@login_required
@require_POST
def ask(request, slug):
    """A question to the ambassadors asked by voice (its note optional), private or not."""
    room = readable_room(request, slug)
    back = reverse("rooms:room", args=[room.slug])
    upload = request.FILES.get("audio")
    if upload is None:
        return _refused(request, RoomError("voice_empty"), "", back, anchor="#ask-voice")
    try:
        help_request = services.ask_for_help(
            request.user,
            room,
            request.POST.get("note", ""),
            is_private=bool(request.POST.get("is_private")),
            voice=upload,
        )
    except RoomError as error:
        return _refused(request, error, "", back, anchor="#ask-voice")
    location = reverse("rooms:help_request", args=[room.slug, help_request.pk])
    if _wants_json(request):
        return JsonResponse({"type": "asked", "location": location}, status=201)
    messages.success(request, _("Your question is sent to the ambassadors on duty."))
    return redirect(location)


@require_GET
def question_recording(request, slug, pk):
    """A question asked by voice, to who sees the question (asked again on every request)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    help_request = get_object_or_404(
        HelpRequest.objects.select_related("room"), pk=pk, room__slug=slug, room__is_active=True
    )
    if not permissions.can_listen_to_question(request.user, help_request):
        raise Http404
    return voice.file_response(request, help_request, f"question-{help_request.pk}")


@require_GET
def recording(request, slug, pk):
    """The recording, to who may listen to it now (asked again on every request, each range
    included): 403 to a visitor, 404 to anyone else who may not (its existence is not told)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    message = get_object_or_404(
        Message.objects.select_related("room", "help_request"),
        pk=pk,
        room__slug=slug,
        room__is_active=True,
    )
    if not permissions.can_listen(request.user, message):
        raise Http404
    return voice.file_response(request, message, f"voice-{message.pk}")
