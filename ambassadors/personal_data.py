"""Personal data of the ambassador path: applications, history, charter, badges, mentoring.

Erasure keeps every count the observatory reads (stages reached, sessions logged, their
length and topics) and removes what is about the person:
- the volunteer's application (motivation, availability, commune) and the messages about it
  are emptied; the volunteer is taken out of the directory and deactivated;
- the append-only history (`StageChange`, `Review`) keeps its rows, kinds, stages and dates
  with the written reasons redacted: the one update the history allows, done on the plain
  base manager because the model's own manager refuses every change;
- charter signatures are deleted (evidence for a path that has ended);
- badges are revoked (their public status then lists them) and lose the recipient's name;
- mentoring: the family's request text and the sessions' private notes are erased, whether
  the person was the family or the ambassador; a mentorship still open is closed.
What a facilitator wrote about *other* volunteers (their reasons and reviews) stays when the
facilitator's own account is erased: it is about those volunteers, and the history's author
is then the anonymous shell account (`parents.personal_data`).
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, Source, declare_not_personal, redact_log_entries, register

from .models import (
    Badge,
    Charter,
    CharterSignature,
    MentoringSession,
    Mentorship,
    Review,
    Stage,
    StageChange,
    Volunteer,
)

ERASURE_REASON = "Account deleted at the person's request."


def _volunteers(person: Person):
    if not person.user_id:
        return Volunteer.objects.none()
    return Volunteer.objects.filter(user_id=person.user_id)


def _iso(moment):
    return moment.isoformat() if moment else None


# --- the path: application and its history -----------------------------------------------


def _export_path(person: Person):
    volunteer = _volunteers(person).select_related("stage", "territory", "organisation").first()
    if volunteer is None:
        return {}
    return {
        "territory": volunteer.territory.name,
        "organisation": volunteer.organisation.name if volunteer.organisation_id else None,
        "stage": volunteer.stage.display_name,
        "at_this_stage_since": _iso(volunteer.stage_since),
        "motivation": volunteer.motivation,
        "availability": volunteer.availability,
        "languages": volunteer.language_names(),
        "topics": volunteer.topic_names(),
        "commune": volunteer.commune,
        "in_directory": volunteer.in_directory,
        "applied_at": _iso(volunteer.created_at),
        "consent_given_at": _iso(volunteer.consent_at),
        "message_from_facilitator": volunteer.review_message,
        "deactivated_at": _iso(volunteer.deactivated_at),
        "deactivation_reason": volunteer.deactivation_reason,
        "history": [
            {
                "kind": change.get_kind_display(),
                "from": change.from_stage.display_name if change.from_stage_id else None,
                "to": change.to_stage.display_name if change.to_stage_id else None,
                "reason": change.reason,
                "evidence": change.evidence,
                "at": _iso(change.created_at),
            }
            for change in volunteer.history.select_related("from_stage", "to_stage")
        ],
        "reviews": [
            {
                "decision": review.get_decision_display(),
                "message": review.message,
                "at": _iso(review.created_at),
            }
            for review in volunteer.reviews.all()
        ],
    }


def _erase_path(person: Person) -> int:
    volunteers = _volunteers(person)
    ids = list(volunteers.values_list("pk", flat=True))
    if not ids:
        return 0
    now = timezone.now()
    touched = volunteers.update(
        motivation="",
        availability="",
        commune="",
        review_message="",
        deactivation_reason="",
        in_directory=False,
        needs_review_since=None,
        deactivated_at=now,
    )
    # The history's one permitted change: its rows stay, the words about the person go.
    history = StageChange._base_manager.filter(volunteer_id__in=ids)
    reviews = Review._base_manager.filter(volunteer_id__in=ids)
    redact_log_entries(StageChange, history.values_list("pk", flat=True))
    redact_log_entries(Review, reviews.values_list("pk", flat=True))
    redact_log_entries(Volunteer, ids)
    touched += history.update(reason="")
    touched += reviews.update(message="")
    return touched


# --- charter ------------------------------------------------------------------------------


def _signatures(person: Person):
    if not person.user_id:
        return CharterSignature.objects.none()
    return CharterSignature.objects.filter(user_id=person.user_id)


def _export_signatures(person: Person):
    return [
        {"charter_version": row.charter.version, "signed_at": _iso(row.signed_at)}
        for row in _signatures(person).select_related("charter")
    ]


def _erase_signatures(person: Person) -> int:
    rows = _signatures(person)
    redact_log_entries(CharterSignature, rows.values_list("pk", flat=True))
    return rows.delete()[0]


# --- badges -------------------------------------------------------------------------------


def _badges(person: Person):
    if not person.user_id:
        return Badge.objects.none()
    return Badge.objects.filter(volunteer__user_id=person.user_id)


def _export_badges(person: Person):
    return [
        {
            "id": str(badge.public_id),
            "stage": badge.stage.display_name,
            "issued_by": badge.organisation.name,
            "recipient_name": badge.recipient_name,
            "evidence": badge.evidence,
            "issued_at": _iso(badge.issued_at),
            "revoked_at": _iso(badge.revoked_at),
        }
        for badge in _badges(person).select_related("stage", "organisation")
    ]


def _erase_badges(person: Person) -> int:
    badges = _badges(person)
    ids = list(badges.values_list("pk", flat=True))
    redact_log_entries(Badge, ids)
    # Revoked as `services.deactivate` does, so the credential's status list shows it.
    Badge.objects.filter(pk__in=ids, revoked_at__isnull=True).update(revoked_at=timezone.now())
    # A reason written at a deactivation was about the person: it goes too.
    return Badge.objects.filter(pk__in=ids).update(
        recipient_name="", revocation_reason=ERASURE_REASON
    )


# --- mentoring ----------------------------------------------------------------------------


def _mentorships(person: Person):
    if not person.user_id:
        return Mentorship.objects.none()
    return Mentorship.objects.filter(
        Q(family_id=person.user_id) | Q(ambassador__user_id=person.user_id)
    )


def _export_mentoring(person: Person):
    rows = _mentorships(person).select_related("ambassador__user", "territory")
    result = []
    for mentorship in rows.prefetch_related("sessions"):
        as_family = mentorship.family_id == person.user_id
        result.append(
            {
                "role": "family" if as_family else "ambassador",
                "topic": mentorship.get_topic_display(),
                "message": mentorship.message if as_family else "",
                "status": mentorship.status,
                "requested_at": _iso(mentorship.created_at),
                "closed_at": _iso(mentorship.closed_at),
                "helped": mentorship.helped,
                # Private notes are the ambassador's own words: theirs to download.
                "sessions": [
                    {
                        "date": session.date.isoformat(),
                        "duration_minutes": session.duration_minutes,
                        "topics": session.topic_names(),
                        **({} if as_family else {"private_note": session.private_note}),
                    }
                    for session in mentorship.sessions.all()
                ],
            }
        )
    return result


def _erase_mentoring(person: Person) -> int:
    mentorships = _mentorships(person)
    ids = list(mentorships.values_list("pk", flat=True))
    if not ids:
        return 0
    now = timezone.now()
    touched = Mentorship.objects.filter(
        pk__in=ids, status__in=[Mentorship.Status.REQUESTED, Mentorship.Status.ACTIVE]
    ).update(status=Mentorship.Status.CLOSED, closed_at=now)
    touched += Mentorship.objects.filter(pk__in=ids, family_id=person.user_id).update(message="")
    touched += MentoringSession.objects.filter(mentorship_id__in=ids).update(private_note="")
    redact_log_entries(Mentorship, ids)
    return touched


def register_sources() -> None:
    """Called from `AppConfig.ready()` (idempotent)."""
    register(
        Source(
            name="ambassadors.path",
            label=_("Your ambassador path: application, stages and facilitators’ messages"),
            covers={
                Volunteer._meta.label: (
                    "user",
                    "motivation",
                    "availability",
                    "commune",
                    "review_message",
                    "deactivation_reason",
                    "in_directory",
                ),
                StageChange._meta.label: ("reason",),
                Review._meta.label: ("message",),
            },
            export=_export_path,
            erase=_erase_path,
            order=40,
        )
    )
    register(
        Source(
            name="ambassadors.charter",
            label=_("Your signatures of the ambassadors’ charter"),
            covers={CharterSignature._meta.label: ("user",)},
            export=_export_signatures,
            erase=_erase_signatures,
            order=40,
        )
    )
    register(
        Source(
            name="ambassadors.badges",
            label=_("Your ambassador badges"),
            covers={Badge._meta.label: ("recipient_name", "revocation_reason")},
            export=_export_badges,
            erase=_erase_badges,
            order=40,
        )
    )
    register(
        Source(
            name="ambassadors.mentoring",
            label=_("Mentoring: your requests for help and the sessions you logged"),
            covers={
                Mentorship._meta.label: ("family", "message"),
                MentoringSession._meta.label: ("private_note",),
            },
            export=_export_mentoring,
            erase=_erase_mentoring,
            order=30,
        )
    )

    declare_not_personal(
        Stage._meta.label, ["name", "description"], "A stage of the path, configured by staff."
    )
    declare_not_personal(Charter._meta.label, ["text"], "The published text of the charter.")
