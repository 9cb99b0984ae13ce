"""Keeps the cache of anonymous guide pages fresh: any change to the page tree bumps its version.

Bumping one number is cheaper and safer than finding every cached page a change shows up on
(titles in lists, related guides, the language switcher, the French fallback notice).
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import cache as page_cache


def bump_cache_version(**kwargs) -> None:
    page_cache.bump_version()


page_published.connect(bump_cache_version, dispatch_uid="guides_cache_on_publish")
page_unpublished.connect(bump_cache_version, dispatch_uid="guides_cache_on_unpublish")
post_page_move.connect(bump_cache_version, dispatch_uid="guides_cache_on_move")


@receiver(post_delete, dispatch_uid="guides_cache_on_delete")
def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_cache_version()
