"""Admin lists: series managed there too, yes/no as icons, stage names translated."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_facilitator, make_organisation, make_venue
from workshops.models import WorkshopSeries

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="fr")
    client.force_login(user)
    return client


def test_a_facilitator_manages_their_series_in_the_admin(db):
    ligue = make_organisation("Ligue de l'Enseignement")
    other = make_organisation("La Trousse à Projets")
    claire = make_facilitator(ligue, "claire@example.org")
    WorkshopSeries.objects.create(organisation=ligue, title="Pronote en famille")
    WorkshopSeries.objects.create(organisation=other, title="Série d'ailleurs")
    client = _client(claire)
    index = client.get(reverse("workshopseries:index"))
    assert index.status_code == 200
    content = index.content.decode()
    assert "Pronote en famille" in content and "Série d'ailleurs" not in content
    created = client.post(
        reverse("workshopseries:add"), {"organisation": ligue.pk, "title": "Écrans et sommeil"}
    )
    assert created.status_code == 302
    assert WorkshopSeries.objects.filter(organisation=ligue, title="Écrans et sommeil").exists()


def test_venue_list_shows_no_true_or_false(db):
    ligue = make_organisation("Ligue de l'Enseignement")
    claire = make_facilitator(ligue, "claire@example.org")
    make_venue(organisation=ligue, step_free_access=True)
    content = _client(claire).get(reverse("venue:index")).content.decode()
    assert ">True<" not in content and ">False<" not in content
    assert "icon-success" in content or "icon-tick" in content or "w-text-positive" in content


def test_staff_user_pickers_name_people_with_a_masked_contact(db):
    from parents.models import User

    staff = User.objects.create_superuser(email="admin@example.org", password="x")
    User.objects.create_user(email="samira.b@example.org", display_name="Samira")
    User.objects.create_user(phone="+33612345678", display_name="Samira")
    content = _client(staff).get(reverse("organisationmembership:add")).content.decode()
    assert "Samira — s•••@example.org" in content
    assert "Samira — •• •• •• •• 78" in content
    assert "samira.b@example.org" not in content
