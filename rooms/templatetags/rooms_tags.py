"""Template filters of the rooms: a message's text as safe HTML, the name others see, how long
a recording (a voice message, a question asked by voice) lasts."""

import math

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from core.sanitize import plain_text_to_html

from ..events import display_name, recording_view
from ..models import HelpRequest

register = template.Library()


@register.filter
def plain_text(text: str) -> str:
    # plain_text_to_html escapes everything; only its own links are HTML.
    return mark_safe(plain_text_to_html(text))  # noqa: S308


@register.filter
def first_name(user) -> str:
    return display_name(user) if user else ""


def _whole_seconds(seconds) -> int:
    return max(1, math.ceil((seconds or 0) - 0.05))  # 7.02 s is "7 seconds", 0.3 s is "1"


@register.filter
def clock(seconds) -> str:
    """A length as players show it: 0:07, 1:45."""
    whole = _whole_seconds(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


@register.filter
def spoken_length(seconds) -> str:
    """A length as words, for the player's label: "7 seconds", "105 seconds"."""
    whole = _whole_seconds(seconds)
    return ngettext("%(count)d second", "%(count)d seconds", whole) % {"count": whole}


# The same strings as room.js's (data-t-voice-label, data-t-voice-length), with {name} slots.
@register.simple_tag
def voice_label(row) -> str:
    """The player's accessible name: who, when, how long (a voice message's, a question's)."""
    when = dateformat.format(timezone.localtime(row.created_at), "j M, H:i")
    if isinstance(row, HelpRequest):
        label, author = gettext("Voice question from {name}, {when}, {length}"), row.asker
    else:
        label, author = gettext("Voice message from {name}, {when}, {length}"), row.author
    return label.format(
        name=display_name(author) or gettext("A parent"),
        when=when,
        length=spoken_length(row.voice_seconds),
    )


@register.simple_tag
def voice_url(row, room) -> str:
    """Where a page's player fetches a recording (`room`: the page's, already read)."""
    return reverse(recording_view(row), args=[room.slug, row.pk])


@register.simple_tag
def voice_length(row) -> str:
    if isinstance(row, HelpRequest):
        return gettext("Voice question, {length}").format(length=clock(row.voice_seconds))
    return gettext("Voice message, {length}").format(length=clock(row.voice_seconds))


@register.simple_tag
def voice_limits() -> str:
    """The limits of a voice message, as the form tells them: "At most 2 minutes and 2 MB."."""
    seconds = settings.ROOMS_VOICE_MAX_SECONDS
    if seconds % 60:
        length = ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    else:
        minutes = seconds // 60
        length = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    size = f"{settings.ROOMS_VOICE_MAX_BYTES / (1024 * 1024):.2g}"
    return gettext("At most %(length)s and %(size)s MB.") % {"length": length, "size": size}
