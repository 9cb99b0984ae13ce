"""From the application to the badge, through the pages, and the badge's verification."""

import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from ambassadors.models import Badge, Volunteer
from tests.factories import attend, complete_guide, make_facilitator, make_organisation, make_user

pytestmark = pytest.mark.django_db

REQUIRED = ["@context", "id", "type", "issuer", "validFrom", "name", "credentialSubject"]


def client_for(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def apply(client, territory):
    return client.post(
        reverse("ambassadors:apply"),
        {
            "motivation": "J'ai appris Pronote, je veux aider.",
            "availability": "Le mercredi après-midi",
            "languages": ["fr", "ar"],
            "topics": ["pronote", "ent"],
            "territory": territory.pk,
            "commune": "Laon",
            "in_directory": "on",
            "consent": "on",
        },
    )


def test_full_path_from_application_to_a_badge_then_revoked(
    aisne, guides, facilitator, django_capture_on_commit_callbacks
):
    parent = make_user("Samira", territory=aisne, email="samira@example.org")
    client = client_for(parent)
    landing = client.get(reverse("ambassadors:path"))
    assert "Apply to volunteer" in landing.text or "Postuler" in landing.text

    # Consent is required.
    refused = client.post(reverse("ambassadors:apply"), {"motivation": "x"})
    assert refused.status_code == 200 and not Volunteer.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client, aisne)
    assert response.status_code == 302
    volunteer = Volunteer.objects.get(user=parent)
    assert volunteer.stage.slug == "volunteer"
    page = client.get(reverse("ambassadors:path"))
    assert page.context["status"]["current"].slug == "volunteer"
    assert page.context["status"]["step"]["kind"] in {"workshops_attended", "training_guides"}

    # Evidence arrives: attendance at the door, a training guide, the charter.
    with django_capture_on_commit_callbacks(execute=True):
        attend(parent, 2)
        complete_guide(parent, guides[0])
    volunteer.refresh_from_db()
    assert volunteer.stage.slug == "in-training"
    page = client.get(reverse("ambassadors:path"))
    assert page.context["status"]["step"]["kind"] == "charter_signed"
    client.post(reverse("ambassadors:charter"))
    page = client.get(reverse("ambassadors:path"))
    assert page.context["status"]["ready"] and page.context["status"]["step"]["kind"] == "wait"

    # The facilitator sees them in the queue, with the evidence, and validates.
    staff = client_for(facilitator)
    queue = staff.get(reverse("ambassadors:queue"))
    assert [row[0].pk for row in queue.context["rows"]] == [volunteer.pk]
    detail = staff.get(reverse("ambassadors:volunteer", args=[volunteer.pk]))
    assert detail.status_code == 200 and detail.context["evidence_ok"]
    with django_capture_on_commit_callbacks(execute=True):
        decided = staff.post(
            reverse("ambassadors:decide", args=[volunteer.pk]),
            {"decision": "approve", "to_stage": detail.context["following"].pk, "message": "Bravo"},
        )
    assert decided.status_code == 302
    page = client.get(reverse("ambassadors:path"))
    assert page.context["status"]["current"].slug == "ambassador"
    history = list(page.context["history"])
    assert [(c.kind, c.to_stage.slug) for c in history] == [
        ("application", "volunteer"),
        ("automatic", "in-training"),
        ("validation", "ambassador"),
    ]
    assert history[-1].actor == facilitator

    # The badge: an OpenBadgeCredential with every required field.
    badge = Badge.objects.get(volunteer=volunteer)
    download = client.get(reverse("ambassadors:badge_json", args=[badge.public_id]))
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    document = json.loads(download.content)
    for field in REQUIRED:
        assert field in document, field
    assert document["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    with translation.override(settings.LANGUAGE_CODE):  # a badge's id is one stable address
        assert document["id"].endswith(reverse("ambassadors:badge", args=[badge.public_id]))
    assert document["issuer"]["type"] == ["Profile"]
    assert document["issuer"]["name"] == "Ligue de l'Enseignement"
    assert document["issuer"]["id"].startswith("http")
    assert document["validFrom"].endswith("Z")
    subject = document["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject.get("id") or subject["identifier"]
    assert subject["identifier"][0]["hashed"] is True
    assert "samira@example.org" not in download.text
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["id"] and achievement["name"] and achievement["description"]
    assert achievement["criteria"]["narrative"]
    assert len(document["evidence"]) >= 4
    status = document["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"  # in the credentials v2 context

    public = Client(HTTP_HOST="localhost")  # anyone can verify, without an account
    path = reverse("ambassadors:badge", args=[badge.public_id])
    verification = public.get(path)
    assert verification.status_code == 200 and verification.context["badge"].is_revoked is False
    assert public.get(path, HTTP_ACCEPT="application/ld+json").json()["id"] == document["id"]
    status_path = urlsplit(status["id"]).path
    assert public.get(status_path).json()["revokedCredentials"] == []
    certificate = public.get(reverse("ambassadors:certificate", args=[badge.public_id]))
    assert certificate.status_code == 200 and "Samira" in certificate.text

    # Deactivated: the verification page and the status say revoked.
    staff.post(
        reverse("ambassadors:deactivate", args=[volunteer.pk]), {"reason": "A cessé son rôle."}
    )
    verification = public.get(path)
    assert verification.context["badge"].is_revoked is True
    revoked = public.get(status_path).json()["revokedCredentials"]
    assert [item["id"] for item in revoked] == [document["id"]]
    assert "A cessé" not in json.dumps(revoked)  # the private reason stays private


def test_path_page_for_someone_who_has_not_applied(aisne):
    client = client_for(make_user(territory=aisne))
    response = client.get(reverse("ambassadors:path"))
    assert response.status_code == 200
    assert response.templates[0].name == "ambassadors/landing.html"


def test_pages_need_a_sign_in_and_the_queue_a_facilitator(aisne):
    anonymous = Client(HTTP_HOST="localhost")
    for name in ("ambassadors:path", "ambassadors:apply", "ambassadors:queue"):
        assert anonymous.get(reverse(name)).status_code == 302
    parent = client_for(make_user(territory=aisne))
    assert parent.get(reverse("ambassadors:queue")).status_code == 403


def test_facilitator_pages_refuse_out_of_scope_and_self_validation(aisne, guides, ligue):
    parent = make_user(territory=aisne)
    client = client_for(parent)
    apply(client, aisne)
    volunteer = Volunteer.objects.get(user=parent)
    elsewhere = client_for(make_facilitator(make_organisation("La petite poussée", ("38",))))
    assert elsewhere.get(reverse("ambassadors:volunteer", args=[volunteer.pk])).status_code == 404
    response = elsewhere.post(
        reverse("ambassadors:decide", args=[volunteer.pk]),
        {"decision": "approve", "to_stage": volunteer.stage_id, "override_reason": "x"},
    )
    assert response.status_code == 404

    # A facilitator who is also on the path cannot validate themselves.
    from parents.models import OrganisationMembership

    OrganisationMembership.objects.create(user=parent, organisation=ligue)
    detail = client.get(reverse("ambassadors:volunteer", args=[volunteer.pk]))
    assert detail.status_code == 200 and detail.context["can_validate"] is False
    following = detail.context["following"]
    response = client.post(
        reverse("ambassadors:decide", args=[volunteer.pk]),
        {"decision": "approve", "to_stage": following.pk, "override_reason": "Moi-même"},
    )
    assert response.status_code == 403
    volunteer.refresh_from_db()
    assert volunteer.stage.slug == "volunteer"


def test_user_text_is_escaped(aisne, facilitator):
    parent = make_user(territory=aisne)
    client = client_for(parent)
    client.post(
        reverse("ambassadors:apply"),
        {
            "motivation": "<script>alert(1)</script>",
            "availability": "<b>soir</b>",
            "languages": ["fr"],
            "territory": aisne.pk,
            "consent": "on",
        },
    )
    volunteer = Volunteer.objects.get(user=parent)
    page = client_for(facilitator).get(reverse("ambassadors:volunteer", args=[volunteer.pk]))
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text
