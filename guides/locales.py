"""The source language of the guides: they are written in it, and progress is kept on it."""

from django.conf import settings
from wagtail.models import Locale


def default_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)
