"""How the workshop pages say things: places left in words, never "0/3"."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Workshop

register = template.Library()


@register.filter
def places_left(workshop: Workshop) -> str:
    if workshop.status == Workshop.Status.CANCELLED:
        return _("Cancelled")
    left = workshop.places_left()
    if left > 0:
        return ngettext("%(count)d place left", "%(count)d places left", left) % {"count": left}
    if workshop.waitlist_enabled:
        return _("Full — join the waiting list")
    return _("Full")


@register.filter
def language_names(workshop: Workshop) -> str:
    from django.utils.translation import get_language_info

    names = []
    for code in workshop.language_codes:
        try:
            names.append(get_language_info(code)["name_translated"])
        except KeyError:
            names.append(code)
    return ", ".join(str(name) for name in names)


@register.filter
def manages_workshops(user) -> bool:
    """For the header: `{% if user|manages_workshops %}` shows the facilitators' link."""
    from ..permissions import can_manage_workshops

    return can_manage_workshops(user)
