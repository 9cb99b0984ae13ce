"""Every page of the path answers, escapes what people wrote, and the admin edits stages."""

import pytest
from django.test import Client
from django.urls import reverse

from ambassadors import mentoring, services
from ambassadors.models import Stage
from parents.models import User
from tests.factories import make_user, make_volunteer, stage

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_every_page_answers_for_its_people(aisne, ligue, facilitator):
    ambassador = make_volunteer(territory=aisne, at="in-training", in_directory=True)
    services.approve(facilitator, ambassador, to_stage=stage("ambassador"), override_reason="Démo")
    family = make_user("Kévin", territory=aisne)
    mentorship = mentoring.request_mentoring(
        family, territory=aisne, topic="ent", message="<i>Aide</i>", ambassador=ambassador
    )
    badge = ambassador.badges.get()
    for user, names in [
        (
            family,
            [
                ("ambassadors:path", []),
                ("ambassadors:apply", []),
                ("ambassadors:charter", []),
                ("ambassadors:directory", []),
                ("ambassadors:mentoring", []),
                ("ambassadors:mentoring_ask", []),
                ("ambassadors:mentorship", [mentorship.pk]),
            ],
        ),
        (
            ambassador.user,
            [
                ("ambassadors:path", []),
                ("ambassadors:mentoring", []),
                ("ambassadors:mentorship", [mentorship.pk]),
            ],
        ),
        (
            facilitator,
            [
                ("ambassadors:queue", []),
                ("ambassadors:volunteer", [ambassador.pk]),
                ("ambassadors:mentorship", [mentorship.pk]),
            ],
        ),
    ]:
        client = client_for(user)
        for name, args in names:
            response = client.get(reverse(name, args=args))
            assert response.status_code == 200, (name, response.status_code)
            assert "<i>Aide</i>" not in response.text
    anonymous = Client(HTTP_HOST="localhost")
    for name in ("badge", "certificate", "badge_json", "badge_status"):
        assert (
            anonymous.get(reverse(f"ambassadors:{name}", args=[badge.public_id])).status_code == 200
        )
    assert anonymous.get(reverse("ambassadors:issuer", args=[ligue.pk])).json()["type"] == [
        "Profile"
    ]
    achievement = anonymous.get(reverse("ambassadors:achievement", args=["ambassador"])).json()
    assert achievement["type"] == ["Achievement"]
    assert anonymous.get(reverse("ambassadors:directory")).status_code == 302


def test_directory_shows_only_opted_in_ambassadors_without_contact_details(aisne):
    listed = make_volunteer(territory=aisne, at="ambassador", in_directory=True, commune="Laon")
    make_volunteer(territory=aisne, at="ambassador", in_directory=False)
    make_volunteer(territory=aisne, at="in-training", in_directory=True)  # not yet
    client = client_for(make_user(territory=aisne))
    response = client.get(reverse("ambassadors:directory"))
    assert [a.pk for a in response.context["page"]] == [listed.pk]
    assert listed.user.email not in response.text
    assert "Laon" in response.text


def test_staff_edit_stages_and_criteria_in_the_admin(aisne):
    admin = User.objects.create_superuser("admin@example.org", "x")
    client = client_for(admin)
    ambassador = Stage.objects.get(slug="ambassador")
    listing = client.get(reverse("ambassador_stages:index"))
    assert listing.status_code == 200
    edit = client.get(reverse("ambassador_stages:edit", args=[ambassador.pk]))
    assert edit.status_code == 200
    assert "criteria-TOTAL_FORMS" in edit.text
    assert client.get(reverse("ambassador_charters:index")).status_code == 200
