"""The admin in the permission matrix (`tables.ADMIN`): Wagtail's pages that matter here,
every view of each admin viewset the project registers, and Django's admin."""

import pytest
from django.urls import get_resolver
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from .cases import admin, cells, check
from .tables import ADMIN, ROLES

PROJECT_APPS = {"parents", "workshops", "guides", "ambassadors", "rooms", "observatory", "coeduc"}


def project_viewset_views() -> set[str]:
    """`namespace:view` of each list, add, edit, delete and inspect view of the project's
    viewsets (those defined in its apps, Wagtail's user viewset included once subclassed)."""
    get_resolver().url_patterns  # noqa: B018 (loading the admin's URLs registers the viewsets)
    found = set()
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):
            continue
        if type(viewset).__module__.split(".")[0] not in PROJECT_APPS:
            continue
        views = ["index", "add", "edit", "delete"]
        if viewset.inspect_view_enabled:
            views.append("inspect")
        found |= {f"{viewset.url_namespace}:{view}" for view in views}
    return found


def test_every_view_of_the_project_viewsets_has_a_row():
    assert project_viewset_views() <= set(ADMIN)


def test_every_row_has_its_request(world):
    assert set(admin(world)) == set(ADMIN)


CELLS = cells(ADMIN)


@pytest.mark.parametrize(("row", "role"), CELLS, ids=[f"{row}-{role}" for row, role in CELLS])
def test_each_role_gets_the_answer_in_the_matrix(world, client, row, role):
    check(client, world, role, admin(world)[row], ADMIN[row][ROLES.index(role)])
