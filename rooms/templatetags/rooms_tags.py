"""Template filters of the rooms: a message's text as safe HTML, the name others see."""

from django import template
from django.utils.safestring import mark_safe

from core.sanitize import plain_text_to_html

from ..events import display_name

register = template.Library()


@register.filter
def plain_text(text: str) -> str:
    # plain_text_to_html escapes everything; only its own links are HTML.
    return mark_safe(plain_text_to_html(text))  # noqa: S308


@register.filter
def first_name(user) -> str:
    return display_name(user) if user else ""
