"""Translations follow their original: published only when translated, withdrawn with it.

wagtail-localize makes new translations as drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
is off in the settings). Its editor still publishes with the French text in place of any segment
not yet translated; a page in Arabic showing French under dir="rtl" is worse than the fallback
notice readers get while there is no translation, so such a publication is withdrawn at once.
"""

import logging

from django.conf import settings
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished
from wagtail_localize.models import Translation

logger = logging.getLogger(__name__)


def untranslated_segments(page: Page) -> int:
    """How many segments of this synced translation have no translation yet (0 if not synced)."""
    translation = (
        Translation.objects.filter(
            enabled=True,
            target_locale_id=page.locale_id,
            source__object_id=page.translation_key,
        )
        .select_related("source")
        .first()
    )
    if translation is None or translation.source.locale_id == page.locale_id:
        return 0
    total, translated = translation.get_progress()
    return total - translated


def _withdraw_untranslated(sender, instance, revision=None, **kwargs):
    page = instance
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return
    missing = untranslated_segments(page)
    if missing:
        logger.info("Translation %s withdrawn: %d segments untranslated", page.pk, missing)
        Page.objects.get(pk=page.pk).specific.unpublish(log_action="wagtail.unpublish")


def _unpublish_translations(sender, instance, **kwargs):
    """The original withdrawn (French): its translations go with it."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    for translation in instance.get_translations().live().specific():
        translation.unpublish(log_action="wagtail.unpublish")


page_published.connect(_withdraw_untranslated, dispatch_uid="guides_withdraw_untranslated")
page_unpublished.connect(_unpublish_translations, dispatch_uid="guides_unpublish_translations")
