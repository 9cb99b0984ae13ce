"""The moderation page of a room and its forms: reports, held messages, hide and restore,
mute, ban, slow mode, and the room's moderation log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import moderation, permissions, selectors
from .errors import RoomError
from .forms import MemberForm, MuteForm, ReasonForm, SlowModeForm
from .models import Member, Message
from .views import readable_room


def moderated_room(request, slug):
    """404 for a room the person may not read, 403 for a reader who does not moderate it."""
    room = readable_room(request, slug)
    if not permissions.can_moderate_room(request.user, room):
        raise PermissionDenied
    return room


def _back(room, back_to_room=False):
    if back_to_room:
        return redirect(reverse("rooms:room", args=[room.slug]))
    return redirect("rooms:moderation", room.slug)


@login_required
def page(request, slug):
    room = moderated_room(request, slug)
    authors = Message.objects.filter(room=room).values("author_id")
    members = (
        Member.objects.filter(room=room, user_id__in=authors)
        .exclude(user=request.user)
        .select_related("user")
        .order_by("user__display_name", "pk")[:100]
    )
    return render(
        request,
        "rooms/moderation.html",
        {
            "room": room,
            "reports": selectors.open_reports(room),
            "held": selectors.held_messages(room),
            "hidden": Message.objects.filter(room=room, status=Message.Status.HIDDEN)
            .select_related("author")
            .order_by("-pk")[:50],
            "members": members,
            "log": room.moderation_log.select_related("actor", "target_user")[:50],
            "slow_form": SlowModeForm(initial={"seconds": room.slow_mode_seconds}),
            "mute_durations": MuteForm.DURATIONS,
        },
    )


def _act(request, slug, action, success, form_class=ReasonForm, **kwargs):
    room = moderated_room(request, slug)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please say why (a few words are enough)."))
        return _back(room)
    try:
        action(request.user, room, **kwargs, **form.cleaned_data)
    except RoomError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return _back(room, request.POST.get("back") == "room")


@login_required
@require_POST
def hide(request, slug, pk):
    return _act(request, slug, moderation.hide, _("The message is hidden."), message_id=pk)


@login_required
@require_POST
def restore(request, slug, pk):
    return _act(request, slug, moderation.restore, _("The message is shown again."), message_id=pk)


@login_required
@require_POST
def release(request, slug, pk):
    return _act(request, slug, moderation.release, _("The message is published."), message_id=pk)


@login_required
@require_POST
def reject(request, slug, pk):
    return _act(
        request, slug, moderation.reject, _("The message will not be published."), message_id=pk
    )


@login_required
@require_POST
def dismiss(request, slug, pk):
    return _act(request, slug, moderation.dismiss_report, _("The report is closed."), report_id=pk)


@login_required
@require_POST
def mute(request, slug):
    return _act(request, slug, moderation.mute, _("The member is muted."), form_class=MuteForm)


@login_required
@require_POST
def ban(request, slug):
    return _act(
        request,
        slug,
        moderation.ban,
        _("The member is banned from this room."),
        form_class=MemberForm,
    )


@login_required
@require_POST
def unban(request, slug):
    return _act(request, slug, moderation.unban, _("The ban is lifted."), form_class=MemberForm)


@login_required
@require_POST
def slow_mode(request, slug):
    return _act(
        request, slug, moderation.set_slow_mode, _("Slow mode is updated."), form_class=SlowModeForm
    )
