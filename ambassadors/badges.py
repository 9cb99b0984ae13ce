"""Open Badges 3.0: the OpenBadgeCredential of a stage reached, its issuer and its status.

The credential's `id` is its public verification page; `credentialStatus` points to a
1EdTech revocation list for that one credential, which lists it once the ambassador is
deactivated. URLs are absolute (SITE_URL) and in the site's default language, so that a
credential keeps the same addresses whatever language it was downloaded in.
"""

import hashlib

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Badge

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
REVOCATION_LIST_TYPE = "1EdTechRevocationList"


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


def issuer_profile(organisation) -> dict:
    return {
        "id": issuer_url(organisation),
        "type": ["Profile"],
        "name": organisation.name,
        "url": settings.SITE_URL,
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
    }


def _identifier(volunteer) -> list[dict]:
    """The recipient's e-mail address, salted and hashed as OB 3.0 describes."""
    email = (volunteer.user.email or "").strip().lower()
    if not email:
        return []
    salt = str(volunteer.pk)
    digest = hashlib.sha256((email + salt).encode()).hexdigest()
    return [
        {
            "type": "IdentityObject",
            "identityHash": f"sha256${digest}",
            "identityType": "emailAddress",
            "hashed": True,
            "salt": salt,
        }
    ]


def credential(badge: Badge) -> dict:
    """The OpenBadgeCredential document (JSON-LD)."""
    stage = badge.stage
    subject = {
        "type": ["AchievementSubject"],
        "id": f"urn:uuid:{badge.public_id}",
        "name": badge.recipient_name,
        "achievement": achievement(stage),
    }
    identifier = _identifier(badge.volunteer)
    if identifier:
        subject["identifier"] = identifier
    document = {
        "@context": CONTEXT,
        "id": credential_url(badge),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(badge.organisation),
        "validFrom": badge.issued_at.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
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
        "credentialStatus": {"id": status_url(badge), "type": REVOCATION_LIST_TYPE},
    }
    return document


def revocation_list(badge: Badge) -> dict:
    """The 1EdTech revocation list the credential's status points to."""
    revoked = []
    if badge.is_revoked:
        revoked.append(
            {
                "id": credential_url(badge),
                "revocationReason": _("The ambassador’s role has ended."),
                "revocationDate": badge.revoked_at.replace(microsecond=0)
                .isoformat()
                .replace("+00:00", "Z"),
            }
        )
    return {
        "id": status_url(badge),
        "issuer": issuer_url(badge.organisation),
        "revokedCredentials": revoked,
    }
