"""Keeps the cache of anonymous guide pages fresh: any change to the page tree or to a page's
view restrictions bumps its version.

Bumping one number is cheaper and safer than finding every cached page a change shows up on
(titles in lists, related guides, the language switcher, the French fallback notice).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
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


def _restrictions_changed(**kwargs) -> None:
    # Now, and again after the commit: a reader between the two would otherwise put the page,
    # as it was before the restriction, back in the cache.
    for forget in (page_cache.forget_restrictions, page_cache.bump_version):
        forget()
        transaction.on_commit(forget)


post_save.connect(
    _restrictions_changed, sender=PageViewRestriction, dispatch_uid="guides_cache_on_restrict"
)
post_delete.connect(
    _restrictions_changed, sender=PageViewRestriction, dispatch_uid="guides_cache_on_unrestrict"
)
m2m_changed.connect(
    _restrictions_changed,
    sender=PageViewRestriction.groups.through,
    dispatch_uid="guides_cache_on_restrict_groups",
)
