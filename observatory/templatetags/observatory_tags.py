"""Template helpers of the observatory."""

from django import template

register = template.Library()


@register.filter
def figure(figures: dict, key: str):
    """A figure of a row by its metric key."""
    return figures.get(key)
