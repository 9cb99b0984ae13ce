"""Open Badges 3.0: the OpenBadgeCredential of a stage reached, its issuer, status and proof.

The credential's `id` is its public verification page. Its `credentialStatus` is a
`BitstringStatusListEntry` (W3C, in the credentials v2 context): the bit of this badge in the
signed status list, set once the ambassador is deactivated. URLs are absolute (SITE_URL) and
everything is written in the site's default language: one credential, one content, whatever
language it was downloaded in. The proof is a VC-JWT signed with EdDSA (ambassadors/badge_proof.py),
whose `kid` names a key published in the issuer's profile.
"""

import base64
import gzip
import hashlib
from datetime import datetime

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import badge_proof
from .models import Badge

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
REVOCATION_LIST_TYPE = "1EdTechRevocationList"  # the per-badge status page, for people
STATUS_ENTRY_TYPE = "BitstringStatusListEntry"
# The W3C minimum: 16 KB of bits, so that a list says nothing about how many badges exist.
STATUS_LIST_MIN_BITS = 131072


def absolute(name: str, *args) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return f"{settings.SITE_URL}{reverse(name, args=args)}"


def credential_url(badge: Badge) -> str:
    return absolute("ambassadors:badge", badge.public_id)


def status_url(badge: Badge) -> str:
    return absolute("ambassadors:badge_status", badge.public_id)


def issuer_url(organisation) -> str:
    return absolute("ambassadors:issuer", organisation.pk)


def achievement_url(stage) -> str:
    return absolute("ambassadors:achievement", stage.slug)


def status_list_url(organisation) -> str:
    return absolute("ambassadors:issuer_status_list", organisation.pk)


def key_id(organisation) -> str:
    """The verification method in the issuer's profile that holds the public key."""
    return f"{issuer_url(organisation)}#key-{badge_proof.key_thumbprint()}"


def _timestamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issue_badge(volunteer, stage, results=()) -> Badge:
    """Called by the services when a stage that issues a badge is reached (one per stage)."""
    organisation = volunteer.organisation
    if organisation is None:
        organisation = volunteer.territory.organisations.order_by("pk").first()
    if organisation is None:
        return None
    evidence = [r.as_json() for r in results if r.met]
    badge, _created = Badge.objects.get_or_create(
        volunteer=volunteer,
        stage=stage,
        defaults={
            "organisation": organisation,
            "recipient_name": volunteer.first_name,
            "evidence": evidence,
        },
    )
    return badge


def _issuer(organisation) -> dict:
    return {
        "id": issuer_url(organisation),
        "type": ["Profile"],
        "name": organisation.name,
        "url": settings.SITE_URL,
    }


def issuer_profile(organisation) -> dict:
    """The issuer's own document: a JSON-LD profile that publishes its public key."""
    return {
        "@context": CONTEXT,
        **_issuer(organisation),
        "verificationMethod": [
            {
                "id": key_id(organisation),
                "type": "JsonWebKey",
                "controller": issuer_url(organisation),
                "publicKeyJwk": badge_proof.public_jwk(),
            }
        ],
    }


def achievement(stage) -> dict:
    narrative = (
        "\n".join(f"- {criterion.describe()}" for criterion in stage.criteria.all())
        or stage.display_description
    )
    return {
        "id": achievement_url(stage),
        "type": ["Achievement"],
        "achievementType": "Achievement",
        "name": _("Coéduc: %(stage)s") % {"stage": stage.display_name},
        "description": stage.display_description
        or _("Reached the stage “%(stage)s” of the Coéduc ambassador path.")
        % {"stage": stage.display_name},
        "criteria": {"narrative": narrative},
        "image": {
            "id": f"{settings.SITE_URL}{static('ambassadors/badge.svg')}",
            "type": "Image",
            "caption": _("Coéduc ambassador badge"),
        },
    }


def _identifier(badge: Badge) -> list[dict]:
    """The recipient's address (e-mail, else phone), hashed with this credential's random salt."""
    user = badge.volunteer.user
    email = (user.email or "").strip().lower()
    if email:
        value, kind = email, "emailAddress"
    elif user.phone:
        value, kind = user.phone, "ext:phoneNumber"
    else:
        return []
    salt = badge.identity_salt
    digest = hashlib.sha256((value + salt).encode()).hexdigest()
    return [
        {
            "type": "IdentityObject",
            "identityHash": f"sha256${digest}",
            "identityType": kind,
            "hashed": True,
            "salt": salt,
        }
    ]


def credential(badge: Badge) -> dict:
    """The OpenBadgeCredential document (JSON-LD), the same in every language."""
    with translation.override(settings.LANGUAGE_CODE):
        return _credential(badge)


def _credential(badge: Badge) -> dict:
    stage = badge.stage
    # The recipient is named by `identifier` (OB 3.0 accepts it in place of an `id`); the
    # credential's own id is not the recipient's.
    subject = {
        "type": ["AchievementSubject"],
        "name": badge.recipient_name,
        "achievement": achievement(stage),
    }
    identifier = _identifier(badge)
    if identifier:
        subject["identifier"] = identifier
    return {
        "@context": CONTEXT,
        "id": credential_url(badge),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": _issuer(badge.organisation),
        "validFrom": _timestamp(badge.issued_at),
        "name": _("Coéduc: %(stage)s") % {"stage": stage.display_name},
        "credentialSubject": subject,
        "evidence": [
            {
                "id": f"{credential_url(badge)}#evidence-{index}",
                "type": ["Evidence"],
                "name": item["label"],
                "narrative": item["label"]
                if item.get("value") is None
                else f"{item['label']}: {item['value']}",
            }
            for index, item in enumerate(badge.evidence, start=1)
        ],
        "credentialStatus": {
            "id": status_url(badge),
            "type": STATUS_ENTRY_TYPE,
            "statusPurpose": "revocation",
            "statusListIndex": str(badge.pk),
            "statusListCredential": status_list_url(badge.organisation),
        },
    }


def _jwt_claims(document: dict, subject: str | None = None) -> dict:
    """The JWT's registered claims, taken from the credential (OB 3.0, VC-JWT)."""
    valid_from = datetime.fromisoformat(document["validFrom"].replace("Z", "+00:00"))
    issuer = document["issuer"]
    claims = {
        "iss": issuer["id"] if isinstance(issuer, dict) else issuer,
        "jti": document["id"],
        "nbf": int(valid_from.timestamp()),
    }
    if subject:
        claims["sub"] = subject
    return {**document, **claims}


def signed_credential(badge: Badge) -> str:
    """The credential as a VC-JWT (compact JWS, EdDSA): what a wallet or verifier checks."""
    document = credential(badge)
    return badge_proof.sign(_jwt_claims(document), key_id(badge.organisation))


def verify_credential(token: str, badge: Badge) -> dict:
    """The credential inside `token`, once its signature and its identity are checked.

    Raises InvalidProof when the signature is not the issuer's, or the token is another badge's.
    """
    header, payload = badge_proof.verify(token)
    if header.get("kid") != key_id(badge.organisation):
        raise badge_proof.InvalidProof("unknown key")
    if payload.get("id") != credential_url(badge) or payload.get("jti") != payload.get("id"):
        raise badge_proof.InvalidProof("another credential")
    return payload


def status_list(organisation) -> dict:
    """The issuer's BitstringStatusListCredential: one bit per badge (its pk), set if revoked."""
    indexes = list(
        Badge.objects.filter(organisation=organisation, revoked_at__isnull=False).values_list(
            "pk", flat=True
        )
    )
    size = max(STATUS_LIST_MIN_BITS, ((max(indexes, default=0) // 8) + 1) * 8)
    bits = bytearray(size // 8)
    for index in indexes:
        # The spec's order: the first index is the most significant bit of the first byte.
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    encoded = "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")
    url = status_list_url(organisation)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url(organisation),
        "validFrom": _timestamp(timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }


def signed_status_list(organisation) -> str:
    return badge_proof.sign(_jwt_claims(status_list(organisation)), key_id(organisation))


def is_revoked_in_list(encoded: str, index: int) -> bool:
    raw = base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4))
    bits = gzip.decompress(raw)
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def revocation_list(badge: Badge) -> dict:
    """The 1EdTech revocation list the credential's status points to."""
    revoked = []
    if badge.is_revoked:
        revoked.append(
            {
                "id": credential_url(badge),
                "revocationReason": _("The ambassador’s role has ended."),
                "revocationDate": _timestamp(badge.revoked_at),
            }
        )
    return {
        "id": status_url(badge),
        "issuer": issuer_url(badge.organisation),
        "revokedCredentials": revoked,
    }
