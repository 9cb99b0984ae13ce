"""Guide progress: the only code that records steps done and announces completed guides."""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from .events import guide_completed
from .locales import default_locale
from .models import GuidePage, GuideProgress

# A browser can only send so much: more would be a forged request, not a parent's reading.
MAX_GUIDES_PER_MERGE = 200


def source_guide(guide: GuidePage) -> GuidePage:
    """The French page of a guide: progress is kept there, whatever language it was read in."""
    return guide.source_guide()


def guide_by_key(translation_key: str) -> GuidePage | None:
    guides = GuidePage.objects.live().filter(translation_key=translation_key)
    return guides.filter(locale=default_locale()).first() or guides.first()


def progress_for(user, guide: GuidePage) -> GuideProgress | None:
    return guide.progress_of(user)


def record_steps(user, guide: GuidePage, step_ids, done: bool = True) -> GuideProgress:
    """Mark steps done (or not done). Completing every step sends `guide_completed` once."""
    guide = source_guide(guide)
    valid = guide.step_ids()
    asked = {str(step_id) for step_id in step_ids} & set(valid)
    with transaction.atomic():
        progress, _created = GuideProgress.objects.select_for_update().get_or_create(
            user=user, page=Page.objects.get(pk=guide.pk)
        )
        steps = set(progress.completed_steps)
        steps = steps | asked if done else steps - asked
        progress.completed_steps = [step_id for step_id in valid if step_id in steps]
        newly_completed = progress.completed_at is None and set(valid) <= steps
        if newly_completed:
            progress.completed_at = timezone.now()
        progress.save()
        if newly_completed:
            transaction.on_commit(
                lambda: guide_completed.send(
                    sender=GuideProgress,
                    user=user,
                    page=guide,
                    progress=progress,
                    is_training_guide=guide.is_training_guide,
                )
            )
    return progress


def merge_progress(user, guides: dict) -> list[GuideProgress]:
    """Add the steps a parent did before signing in (kept by their browser) to their account.

    ``guides``: {translation key of a guide: [step ids]}. Unknown guides and steps are ignored;
    nothing is ever removed by a merge.
    """
    merged = []
    for key, step_ids in list(guides.items())[:MAX_GUIDES_PER_MERGE]:
        if not isinstance(step_ids, list):
            continue
        guide = guide_by_key(str(key))
        if guide is not None:
            merged.append(record_steps(user, guide, step_ids[:100], done=True))
    return merged


def resume_for(user, locale) -> tuple[GuidePage, GuideProgress] | None:
    """The guide a parent last worked on and has not finished, in their language if possible."""
    progress = (
        GuideProgress.objects.filter(user=user, completed_at__isnull=True)
        .exclude(completed_steps=[])
        .order_by("-updated_at")
        .first()
    )
    if progress is None:
        return None
    guide = GuidePage.objects.live().filter(pk=progress.page_id).first()
    if guide is None:
        return None
    translated = guide.get_translation_or_none(locale)
    if translated is not None and translated.live:
        guide = translated.specific
    return guide, progress
