"""The ambassador credential is signed, verifiable by anyone with an independent JOSE library."""

import base64
import gzip
import hashlib
import json
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import OKPKey

from ambassadors import badges
from ambassadors.models import Badge
from tests.factories import make_user, make_volunteer, stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def badge(ligue, aisne):
    user = make_user(name="Samira", territory=aisne, email="samira@example.org")
    volunteer = make_volunteer(user=user, territory=aisne, at="ambassador", organisation=ligue)
    return badges.issue_badge(volunteer, stage("ambassador"))


def _path(url):
    return urlsplit(url).path


def _published_key(client, document):
    """What a verifier does: the issuer's profile, then the verification method the kid names."""
    issuer = document["issuer"]
    profile = client.get(_path(issuer["id"] if isinstance(issuer, dict) else issuer)).json()
    assert profile["@context"] == badges.CONTEXT
    return profile


def _verify_independently(client, token):
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=" * 4))
    profile = _published_key(client, claims)
    (method,) = [m for m in profile["verificationMethod"] if m["id"] == header["kid"]]
    key = OKPKey.import_key(method["publicKeyJwk"])
    return jws.deserialize_compact(token, key, algorithms=["EdDSA"])


def test_the_signed_credential_verifies_with_the_issuers_published_key(badge):
    client = Client(HTTP_HOST="localhost")
    response = client.get(reverse("ambassadors:badge_jwt", args=[badge.public_id]))
    assert response["Content-Type"] == "application/vc+jwt"
    token = response.content.decode()
    verified = _verify_independently(client, token)
    assert verified.protected["alg"] == "EdDSA"
    claims = json.loads(verified.payload)
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["jti"] == claims["id"] and claims["iss"] == claims["issuer"]["id"]


def test_a_tampered_credential_fails_the_independent_check(badge):
    client = Client(HTTP_HOST="localhost")
    token = client.get(reverse("ambassadors:badge_jwt", args=[badge.public_id])).content.decode()
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * 4))
    claims["credentialSubject"]["name"] = "Mallory"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    with pytest.raises(BadSignatureError):
        _verify_independently(client, f"{header}.{forged}.{signature}")


def test_the_verification_page_checks_a_pasted_credential(badge):
    client = Client(HTTP_HOST="localhost")
    token = client.get(reverse("ambassadors:badge_jwt", args=[badge.public_id])).content.decode()
    page = reverse("ambassadors:badge", args=[badge.public_id])
    assert client.get(page).context["signature_ok"] is True
    good = client.post(page, {"credential": token}).context["pasted"]
    assert good["valid"] is True
    header, payload, signature = token.split(".")
    tampered = f"{header}.{payload[:-4]}AAAA.{signature}"
    assert client.post(page, {"credential": tampered}).context["pasted"]["valid"] is False
    assert client.post(page, {"credential": "nonsense"}).status_code == 200
    Badge.objects.filter(pk=badge.pk).update(revoked_at=timezone.now())
    revoked = client.post(page, {"credential": token}).context["pasted"]
    assert revoked["valid"] is False and "revoked" in revoked["message"]


def test_the_subject_is_the_recipient_hashed_with_a_random_salt(badge):
    document = badges.credential(badge)
    subject = document["credentialSubject"]
    assert subject.get("id") != document["id"]  # never the credential's own id
    (identity,) = subject["identifier"]
    assert identity["salt"] not in (str(badge.volunteer.pk), str(badge.pk))
    assert len(identity["salt"]) == 32
    expected = hashlib.sha256(("samira@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"
    other = badges.issue_badge(badge.volunteer, stage("mentor"))
    assert other.identity_salt != badge.identity_salt


def test_one_credential_one_content_in_every_language(badge):
    client = Client(HTTP_HOST="localhost")
    tokens = set()
    for language in ("fr", "en", "ar"):
        with translation.override(language):
            url = reverse("ambassadors:badge_jwt", args=[badge.public_id])
        tokens.add(client.get(url).content)
    assert len(tokens) == 1


def test_status_entry_is_a_w3c_bitstring_list_that_turns_on_when_revoked(badge):
    client = Client(HTTP_HOST="localhost")
    document = badges.credential(badge)
    entry = document["credentialStatus"]
    assert entry["type"] == "BitstringStatusListEntry"
    assert entry["statusPurpose"] == "revocation"

    def bit():
        token = client.get(_path(entry["statusListCredential"])).content.decode()
        status = json.loads(_verify_independently(client, token).payload)
        encoded = status["credentialSubject"]["encodedList"][1:]
        bits = gzip.decompress(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
        assert len(bits) * 8 >= 131072
        index = int(entry["statusListIndex"])
        return bool(bits[index // 8] & (0x80 >> (index % 8)))

    assert bit() is False
    Badge.objects.filter(pk=badge.pk).update(revoked_at=timezone.now())
    assert bit() is True


def test_the_achievement_has_an_image_and_the_issuer_a_context(badge):
    achievement = badges.credential(badge)["credentialSubject"]["achievement"]
    assert achievement["image"]["type"] == "Image"
    assert achievement["image"]["id"].endswith(".svg")
    profile = badges.issuer_profile(badge.organisation)
    assert profile["@context"] and profile["verificationMethod"][0]["publicKeyJwk"]["crv"] == (
        "Ed25519"
    )
