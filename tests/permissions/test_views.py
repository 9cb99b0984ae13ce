"""The site's pages and actions in the permission matrix (`tables.VIEWS`): every named URL
outside the admin has a row (found by walking the URL resolver), and each role gets the
answer of its cell. The downloads are in `test_exports.py`."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from .cases import cells, check, views
from .tables import EXPORTS, ROLES, VIEWS

ADMIN_PREFIXES = ("admin/", "django-admin/")  # their pages are in test_admin.py


def site_url_names() -> set[str]:
    """Every named URL of the site outside the admin, from the resolver itself."""
    found = set()

    def walk(resolver, namespace=None):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern) in ADMIN_PREFIXES:
                    continue
                inner = pattern.namespace or namespace
                if namespace and pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}"
                walk(pattern, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver())
    return found


def names(table) -> set[str]:
    return {row.split("#")[0] for row in table}


def test_every_named_url_of_the_site_has_a_row():
    assert site_url_names() == names(VIEWS) | names(EXPORTS)


def test_every_row_has_its_request(world):
    assert set(views(world)) == set(VIEWS)


CELLS = cells(VIEWS)


@pytest.mark.parametrize(("row", "role"), CELLS, ids=[f"{row}-{role}" for row, role in CELLS])
def test_each_role_gets_the_answer_in_the_matrix(world, client, row, role):
    check(client, world, role, views(world)[row], VIEWS[row][ROLES.index(role)])
