"""`{{ number|phone }}`: a phone number as people write it, kept left-to-right in Arabic text."""

from django import template
from django.utils.html import format_html

from core import phones

register = template.Library()


@register.filter
def phone(value) -> str:
    """ "+33612345601" → <bdi dir="ltr">06 12 34 56 01</bdi>; nothing for an empty value.

    <bdi dir="ltr"> isolates the digits: inside Arabic text the groups would otherwise be
    reordered right-to-left ("01 56 34 12 06").
    """
    if not value:
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', phones.format_national(value))


@register.filter
def phone_text(value) -> str:
    """The grouped national form without markup, for text messages and e-mails in plain text."""
    return phones.format_national(value)


@register.filter
def phone_isolated(value) -> str:
    """The grouped form between Unicode isolates (LRI … PDI): left-to-right inside Arabic plain
    text, where no <bdi> can go (flash messages)."""
    return f"\u2066{phones.format_national(value)}\u2069" if value else ""
