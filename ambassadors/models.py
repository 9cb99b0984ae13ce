"""The ambassador path: stages, evidence, validation, mentoring, badges (see issue 5).

Only `ambassadors.services` changes a volunteer's stage; the models hold the data and the
invariants the code can enforce on its own (the stage history is append-only).
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from core.languages import SPOKEN_LANGUAGES
from core.models import AppendOnlyModel
from core.vocabularies import Topic, split_codes
from parents.models import Organisation, Territory


class Stage(ClusterableModel):
    """One step of the path. Staff configure them; the seed is volunteer → in training →
    ambassador → mentor. A volunteer moves one stage at a time, in `order`."""

    class Combine(models.TextChoices):
        ALL = "all", _("All the criteria")
        ANY = "any", _("Any one of the criteria")

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=80)
    order = models.PositiveSmallIntegerField(_("order"), unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What this stage means, in plain words.")
    )
    combine = models.CharField(
        _("criteria to meet"), max_length=3, choices=Combine.choices, default=Combine.ALL
    )
    issues_badge = models.BooleanField(
        _("issues a badge"),
        default=False,
        help_text=_("Reaching this stage issues an Open Badges 3.0 credential."),
    )
    listed_in_directory = models.BooleanField(
        _("may appear in the directory"),
        default=False,
        help_text=_("People at this stage (or later) may opt in to the ambassador directory."),
    )
    can_mentor = models.BooleanField(
        _("can accompany families"),
        default=False,
        help_text=_("People at this stage (or later) can accept mentoring requests."),
    )

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["order"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        # Seeded names are in the catalogues; names typed by staff are shown as they are.
        return gettext(self.name)

    @property
    def display_description(self) -> str:
        return gettext(self.description) if self.description else ""

    @property
    def requires_validation(self) -> bool:
        return any(c.kind == Criterion.Kind.VALIDATION for c in self.criteria.all())

    @property
    def evidence_criteria(self) -> list["Criterion"]:
        return [c for c in self.criteria.all() if c.kind != Criterion.Kind.VALIDATION]


class Criterion(models.Model):
    """One piece of evidence a stage asks for. Evidence criteria are combined by the stage's
    all/any; a facilitator's validation, when listed, is always needed on top."""

    class Kind(models.TextChoices):
        WORKSHOPS_ATTENDED = "workshops_attended", _("Workshops attended")
        TRAINING_GUIDES = "training_guides", _("Training guides completed")
        CHARTER_SIGNED = "charter_signed", _("Current charter signed")
        MENTORING_SESSIONS = "mentoring_sessions", _("Mentoring sessions logged")
        DAYS_AT_STAGE = "days_at_stage", _("Days since the previous stage")
        VALIDATION = "validation", _("A facilitator's validation")

    stage = ParentalKey(Stage, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("evidence"), max_length=24, choices=Kind.choices)
    threshold = models.PositiveSmallIntegerField(
        _("how many"),
        default=1,
        help_text=_("Workshops, guides, sessions or days. Ignored for the charter and validation."),
    )
    guide_page_ids = models.JSONField(
        _("training guides (page ids)"),
        default=list,
        blank=True,
        help_text=_(
            "Only for training guides: the ids of the guides that count. "
            "Empty: every guide marked as a training guide."
        ),
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["stage__order", "pk"]

    def __str__(self):
        return self.describe()

    @property
    def counts(self) -> bool:
        return self.kind in (
            self.Kind.WORKSHOPS_ATTENDED,
            self.Kind.TRAINING_GUIDES,
            self.Kind.MENTORING_SESSIONS,
            self.Kind.DAYS_AT_STAGE,
        )

    def describe(self) -> str:
        """The criterion as a parent reads it."""
        from django.utils.translation import ngettext

        n = self.threshold
        if self.kind == self.Kind.WORKSHOPS_ATTENDED:
            return ngettext("Attend %(n)d workshop", "Attend %(n)d workshops", n) % {"n": n}
        if self.kind == self.Kind.TRAINING_GUIDES:
            return ngettext(
                "Complete %(n)d training guide", "Complete %(n)d training guides", n
            ) % {"n": n}
        if self.kind == self.Kind.CHARTER_SIGNED:
            return gettext("Sign the ambassadors’ charter (current version)")
        if self.kind == self.Kind.MENTORING_SESSIONS:
            return ngettext("Log %(n)d mentoring session", "Log %(n)d mentoring sessions", n) % {
                "n": n
            }
        if self.kind == self.Kind.DAYS_AT_STAGE:
            return ngettext(
                "Spend %(n)d day at the previous stage",
                "Spend %(n)d days at the previous stage",
                n,
            ) % {"n": n}
        return gettext("Be validated by a facilitator")


class Charter(models.Model):
    """The ambassadors' charter. A new version asks active ambassadors to sign again."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    text = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)

    class Meta:
        verbose_name = _("charter")
        verbose_name_plural = _("charters")
        ordering = ["-version"]

    def __str__(self):
        return gettext("Charter, version %(version)d") % {"version": self.version}

    @classmethod
    def current(cls):
        return cls.objects.filter(published_at__lte=timezone.now()).order_by("-version").first()


class CharterSignature(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="charter_signatures"
    )
    charter = models.ForeignKey(Charter, on_delete=models.PROTECT, related_name="signatures")
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)

    class Meta:
        verbose_name = _("charter signature")
        verbose_name_plural = _("charter signatures")
        constraints = [
            models.UniqueConstraint(fields=["user", "charter"], name="unique_charter_signature")
        ]

    def __str__(self):
        return f"{self.user} — {self.charter}"


class VolunteerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(deactivated_at__isnull=True)

    def in_scope_of(self, user):
        """The volunteers a facilitator may see and validate: those their organisation
        accompanies, and the not-yet-accompanied ones of its territories. Nobody else."""
        from parents.permissions import facilitated_organisations

        organisations = facilitated_organisations(user)
        territories = Territory.objects.filter(organisations__in=organisations)
        # Subqueries rather than joins: no duplicates, no DISTINCT on a 10,000-row list.
        return self.filter(
            Q(organisation__in=organisations.values("pk"))
            | Q(organisation__isnull=True, territory__in=territories.values("pk"))
        )


class Volunteer(models.Model):
    """A parent on the ambassador path: their application and where they stand.

    `stage` and `stage_since` are a copy of the last `StageChange`, kept by the services so
    that lists need no join on the history."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer"
    )
    territory = models.ForeignKey(
        Territory, on_delete=models.PROTECT, related_name="volunteers", verbose_name=_("territory")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="volunteers",
        verbose_name=_("accompanying organisation"),
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="volunteers", verbose_name=_("stage")
    )
    stage_since = models.DateTimeField(_("at this stage since"), default=timezone.now)
    motivation = models.TextField(_("why you want to help"), max_length=1000)
    availability = models.CharField(_("availability"), max_length=200)
    languages = models.CharField(_("languages spoken"), max_length=100, default="fr")
    topics = models.CharField(_("topics"), max_length=200, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    in_directory = models.BooleanField(_("listed in the ambassador directory"), default=False)
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("applied at"), default=timezone.now)
    # Set by a facilitator's "ask for more" or "decline"; cleared when the volunteer asks again.
    review_state = models.CharField(
        max_length=12,
        blank=True,
        choices=[("more", _("More asked")), ("declined", _("Declined"))],
    )
    review_message = models.TextField(blank=True)
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    needs_review_since = models.DateTimeField(null=True, blank=True, db_index=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    deactivation_reason = models.TextField(blank=True)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["territory", "stage"])]

    def __str__(self):
        return str(self.user)

    @property
    def first_name(self) -> str:
        name = (self.user.display_name or "").strip()
        return name.split()[0] if name else gettext("An ambassador")

    @property
    def is_active(self) -> bool:
        return self.deactivated_at is None

    @property
    def language_codes(self) -> list[str]:
        return split_codes(self.languages)

    @property
    def topic_codes(self) -> list[str]:
        return split_codes(self.topics)

    def language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names.get(code, code)) for code in self.language_codes]

    def topic_names(self) -> list[str]:
        names = dict(Topic.choices)
        return [str(names[code]) for code in self.topic_codes if code in names]


class StageChange(AppendOnlyModel):
    """One change of stage: who, when, from, to, why. Never updated, never deleted."""

    class Kind(models.TextChoices):
        APPLICATION = "application", _("Application")
        AUTOMATIC = "automatic", _("Criteria met")
        VALIDATION = "validation", _("Validated by a facilitator")
        OVERRIDE = "override", _("Validated with an exception")
        DEACTIVATION = "deactivation", _("Deactivated")

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="history")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    from_stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(blank=True)
    # What the criteria looked like at that moment: [{"kind", "label", "met", "value"}].
    evidence = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.volunteer} — {self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Review(AppendOnlyModel):
    """A facilitator's answer that does not change the stage: ask for more, or decline."""

    class Decision(models.TextChoices):
        MORE = "more", _("Asked for more")
        DECLINED = "declined", _("Declined")
        KEPT = "kept", _("Kept active after review")

    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="reviews")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    message = models.TextField()
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.volunteer} — {self.get_decision_display()}"


def _identity_salt() -> str:
    return secrets.token_hex(16)


class Badge(models.Model):
    """An Open Badges 3.0 credential issued when a volunteer reached a stage."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Salts the recipient's hashed address in the public credential: random, so that nobody can
    # confirm a guessed address by hashing it (a predictable salt made that one guess).
    identity_salt = models.CharField(max_length=32, default=_identity_salt, editable=False)
    volunteer = models.ForeignKey(Volunteer, on_delete=models.CASCADE, related_name="badges")
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="badges")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    recipient_name = models.CharField(max_length=80)
    evidence = models.JSONField(default=list)
    issued_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["issued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "stage"], name="one_badge_per_stage")
        ]

    def __str__(self):
        return f"{self.recipient_name} — {self.stage}"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class MentorshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Mentorship.Status.ACTIVE)


class Mentorship(models.Model):
    """A family accompanied by an ambassador, from the request to the family's answer."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Waiting for an answer")
        ACTIVE = "active", _("Under way")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")

    class Source(models.TextChoices):
        DIRECTORY = "directory", _("Ambassador directory")
        GUIDE = "guide", _("A guide")
        WORKSHOP = "workshop", _("A workshop follow-up")
        ROOM = "room", _("A help room")
        FACILITATOR = "facilitator", _("A facilitator")

    family = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships"
    )
    ambassador = models.ForeignKey(
        Volunteer,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentorships",
    )
    territory = models.ForeignKey(Territory, on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("what you would like help with"), max_length=500, blank=True)
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.DIRECTORY)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.REQUESTED, db_index=True
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    helped = models.BooleanField(_("did it help?"), null=True, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_topic_display()} — {self.get_status_display()}"


class MentoringSession(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    topics = models.CharField(_("topics"), max_length=200)
    private_note = models.TextField(
        _("private note"),
        max_length=500,
        blank=True,
        help_text=_("Seen only by you and the facilitators of your territory."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date} — {self.duration_minutes} min"

    def topic_names(self) -> list[str]:
        names = dict(Topic.choices)
        return [str(names[c]) for c in split_codes(self.topics) if c in names]


# The seeded stage names and descriptions (migration 0002), for the catalogues.
SEEDED_TEXT = [
    _("Volunteer"),
    _("In training"),
    _("Ambassador"),
    _("Mentor"),
    _("You have applied. Welcome!"),
    _("You are learning with other parents: workshops and training guides."),
    _("You help other families, in the help rooms and at workshops."),
    _("You accompany families over time and help new ambassadors."),
]
