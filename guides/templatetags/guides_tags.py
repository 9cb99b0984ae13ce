"""Template tags of the guides: other pages point into them (the home page); recordings."""

from django import template
from wagtail.models import Locale

from .. import audio
from ..models import GuideIndexPage

register = template.Library()


@register.simple_tag
def guide_index():
    """The guide index in the current language (None before the guides exist)."""
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return None
    return GuideIndexPage.objects.live().filter(locale=locale).first()


@register.simple_tag(takes_context=True)
def resume_guide(context):
    """{"guide", "url", "done", "total"} for the guide a signed-in parent left unfinished."""
    from ..services import resume_for

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    found = resume_for(user, Locale.get_active())
    if found is None:
        return None
    guide, progress = found
    steps = guide.step_ids()
    remaining = [step for step in steps if step not in progress.completed_steps]
    anchor = f"#step-{remaining[0]}" if remaining else ""
    return {
        "guide": guide,
        "url": f"{guide.url}{anchor}",
        "done": len(steps) - len(remaining),
        "total": len(steps),
    }


@register.simple_tag
def recording_url(document) -> str:
    """Where a guide's recording plays from: the guides' own view (inline, byte ranges)."""
    return audio.recording_url(document)
