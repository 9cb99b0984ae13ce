"""The admin around the editors: its own "not found", no Gravatar, no user bar on phone pages."""

import pytest
from django.test import Client
from django.urls import reverse

from parents.models import User
from tests.factories import make_organisation, make_venue, make_workshop
from workshops.models import Registration  # noqa: F401 — the app's models are loaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    user = User.objects.create_superuser(email="admin@example.org", password="x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client, user


@pytest.mark.parametrize("path", ["/admin/pages/999999/edit/", "/admin/nothing-here/"])
def test_the_admins_not_found_stays_in_the_admin(staff_client, path):
    client, _user = staff_client
    response = client.get(path)
    assert response.status_code == 404  # not a redirect to /fr/admin/… and the public 404
    assert "wagtailadmin/404.html" in [t.name for t in response.templates]


def test_no_gravatar_in_the_admin(staff_client):
    client, _user = staff_client
    content = client.get("/admin/").content.decode()
    assert "gravatar.com" not in content


def test_no_user_bar_on_the_facilitator_pages(staff_client):
    client, user = staff_client
    organisation = make_organisation()
    from parents.models import OrganisationMembership

    OrganisationMembership.objects.create(user=user, organisation=organisation)
    workshop = make_workshop(venue=make_venue(organisation=organisation))
    for name in ("manage_workshop", "manage_sheet", "manage_check_in"):
        content = client.get(reverse(f"workshops:{name}", args=[workshop.pk])).content.decode()
        assert "wagtail-userbar" not in content and "w-userbar" not in content, name
