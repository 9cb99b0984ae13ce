"""Absolute links for messages that leave the site (e-mail, SMS, credentials)."""

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`/fr/ateliers/` → `https://coeduc.example.org/fr/ateliers/` (from `SITE_URL`)."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def absolute_reverse(name: str, *args, **kwargs) -> str:
    return absolute_url(reverse(name, args=args or None, kwargs=kwargs or None))
