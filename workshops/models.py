"""Workshops: organisations' venues, workshops, registrations and attendance (see issue 4).

Only the workshops' services (`services*.py`) change registrations; the models hold the data
and the invariants the database itself can enforce (one active registration per contact, a
family has seats).
"""

import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.vocabularies import Topic, split_codes
from parents.models import Organisation, Territory

MAX_SEATS_PER_FAMILY = 6
NEEDS_DETAILS_MAX_LENGTH = 300


class Venue(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="venues",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=255)
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A French postcode has five digits: 97110."))],
    )
    commune = models.CharField(_("commune"), max_length=120, db_index=True)
    territory = models.ForeignKey(
        Territory, on_delete=models.PROTECT, related_name="venues", verbose_name=_("territory")
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    transport_hint = models.CharField(
        _("how to get there"),
        max_length=255,
        blank=True,
        help_text=_("For example: bus line 3, stop “Mairie”."),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["commune", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_venue_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.commune})"

    @property
    def postal_address(self) -> str:
        """ "2 rue du Cloître, 02000 Laon": how a French address is written."""
        locality = f"{self.postcode} {self.commune}".strip()
        return ", ".join(part for part in (self.address, locality) if part)

    @property
    def map_url(self) -> str:
        """A link to the place on OpenStreetMap, opened by the person (the page loads no map)."""
        return "https://www.openstreetmap.org/search?" + urlencode(
            {"query": f"{self.postal_address}, France"}
        )


class WorkshopSeries(models.Model):
    """A cycle of sessions created in one go (for example: four Tuesdays in a row)."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="workshop_series",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=160)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("series of workshops")
        verbose_name_plural = _("series of workshops")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class WorkshopQuerySet(models.QuerySet):
    def managed_by(self, user):
        """The workshops this person runs: their organisations' (staff: all)."""
        from parents.permissions import facilitated_organisations, is_staff

        if is_staff(user):
            return self.all()
        return self.filter(organisation__in=facilitated_organisations(user))

    def visible_to(self, user):
        """What a person may open: every workshop but drafts, plus the drafts they run."""
        from parents.permissions import facilitated_organisations, is_staff

        if is_staff(user):
            return self.all()
        return self.filter(
            ~Q(status=Workshop.Status.DRAFT) | Q(organisation__in=facilitated_organisations(user))
        )

    def published(self):
        return self.filter(status=Workshop.Status.PUBLISHED)

    def upcoming(self, now=None):
        """Workshops that have not ended yet."""
        return self.filter(ends_at__gt=now or timezone.now())

    def with_confirmed_seats(self):
        """Annotate `confirmed_seats` (a correlated subquery, so a list page costs one query).

        A subquery rather than a join with GROUP BY: the database computes it only for the
        rows of the page, and the paginator's COUNT leaves it out.
        """
        seats = (
            Registration.objects.filter(
                workshop_id=models.OuterRef("pk"), status=Registration.Status.CONFIRMED
            )
            .order_by()
            .values("workshop_id")
            .annotate(total=Sum("seats"))
            .values("total")
        )
        return self.annotate(
            confirmed_seats=Coalesce(models.Subquery(seats, output_field=models.IntegerField()), 0)
        )

    def speaking(self, language: str):
        """Workshops held in this language (languages are stored as "fr,ar")."""
        return self.filter(
            Q(languages=language)
            | Q(languages__startswith=f"{language},")
            | Q(languages__endswith=f",{language}")
            | Q(languages__contains=f",{language},")
        )


class Workshop(models.Model):
    Topic = Topic  # the shared vocabulary (core.vocabularies)

    class Format(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("On site and online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="workshops",
        verbose_name=_("organisation"),
    )
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        related_name="workshops",
        null=True,
        blank=True,
        verbose_name=_("venue"),
        help_text=_("Leave empty for a workshop held only online."),
    )
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.ON_SITE
    )
    languages = models.CharField(
        _("languages"),
        max_length=60,
        default="fr",
        help_text=_("Language codes separated by commas, for example: fr,ar"),
    )
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("places"))
    waitlist_enabled = models.BooleanField(_("waiting list"), default=True)
    registration_opens_at = models.DateTimeField(_("sign-up opens at"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("sign-up closes at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    online_link = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Sent only to families whose places are confirmed."),
    )
    childcare_offered = models.BooleanField(_("childcare offered"), default=False)
    interpreter_offered = models.BooleanField(_("interpreter offered"), default=False)
    series = models.ForeignKey(
        WorkshopSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
        verbose_name=_("series"),
    )
    co_hosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_hosted_workshops",
        verbose_name=_("co-hosting ambassadors"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="workshop_capacity_positive"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="workshop_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("workshops:detail", args=[self.pk])

    @property
    def language_codes(self) -> list[str]:
        return split_codes(self.languages)

    @property
    def timezone_name(self) -> str:
        if self.venue_id and self.venue.territory_id:
            return self.venue.territory.timezone
        return settings.TIME_ZONE

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone_name)

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, self.tzinfo)

    @property
    def local_ends_at(self):
        return timezone.localtime(self.ends_at, self.tzinfo)

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    @property
    def has_venue(self) -> bool:
        return self.venue_id is not None and self.format != self.Format.ONLINE

    def confirmed_seat_count(self) -> int:
        """Confirmed seats: the list's annotation when there is one, else one query."""
        annotated = getattr(self, "confirmed_seats", None)
        if annotated is not None:
            return annotated
        return self.registrations.filter(status=Registration.Status.CONFIRMED).aggregate(
            total=Coalesce(Sum("seats"), 0)
        )["total"]

    def places_left(self) -> int:
        return max(self.capacity - self.confirmed_seat_count(), 0)

    def is_open_for_registration(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.starts_at > now
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and (self.registration_closes_at is None or self.registration_closes_at > now)
        )


class RegistrationQuerySet(models.QuerySet):
    def of_person(self, user):
        """The person's sign-ups: made signed in, or as a guest with a contact verified as
        theirs (an unverified contact proves nothing: anyone can type an address)."""
        mine = Q(user=user)
        emails = list(user.emailaddress_set.filter(verified=True).values_list("email", flat=True))
        if emails:
            mine |= Q(user__isnull=True, email__in=[email.lower() for email in emails])
        if user.phone and user.phone_verified:
            mine |= Q(user__isnull=True, phone=user.phone)
        return self.filter(mine)

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def waiting_in_order(self):
        """The waiting list, first come first served."""
        return self.filter(status=Registration.Status.WAITLISTED).order_by("created_at", "pk")


class Registration(models.Model):
    """A family's places at a workshop (`seats` people come together)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("workshop"),
    )
    first_name = models.CharField(_("first name"), max_length=80)
    email = models.EmailField(_("e-mail address"), null=True, blank=True)
    phone = models.CharField(_("mobile phone"), max_length=20, null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_registrations",
        verbose_name=_("account"),
    )
    seats = models.PositiveSmallIntegerField(_("places"), default=1)
    needs_childcare = models.BooleanField(_("needs childcare"), default=False)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    needs_accessibility = models.BooleanField(_("needs step-free access"), default=False)
    needs_details = models.CharField(
        _("other needs"), max_length=NEEDS_DETAILS_MAX_LENGTH, blank=True
    )
    language = models.CharField(
        _("language for our messages"), max_length=8, default=settings.LANGUAGE_CODE
    )
    consent_at = models.DateTimeField(_("consent given at"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_48h_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_3h_sent_at = models.DateTimeField(null=True, blank=True)
    followup_sent_at = models.DateTimeField(null=True, blank=True)
    # Set when the first name and contact details are erased (3 months after the workshop).
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()
    # Wagtail indexes every saved model that is shown in its admin, by a background task
    # per save; a registration references nothing an editor would look up ("usage" of a
    # venue or a page), and a task per sign-up is work a burst of sign-ups does not need.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["workshop", "status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "email"],
                condition=Q(email__isnull=False) & ~Q(status="cancelled"),
                name="unique_active_registration_email",
            ),
            models.UniqueConstraint(
                fields=["workshop", "phone"],
                condition=Q(phone__isnull=False) & ~Q(status="cancelled"),
                name="unique_active_registration_phone",
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1) & Q(seats__lte=MAX_SEATS_PER_FAMILY),
                name="registration_seats_in_range",
            ),
            models.CheckConstraint(
                condition=Q(email__isnull=False)
                | Q(phone__isnull=False)
                | Q(anonymised_at__isnull=False),
                name="registration_has_email_or_phone",
            ),
        ]

    def __str__(self):
        # No first name: this label is copied into admin logs, which outlive the 90-day purge.
        return gettext("Registration #%(pk)s — %(workshop)s") % {
            "pk": self.pk,
            "workshop": self.workshop,
        }

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED

    def waitlist_position(self) -> int | None:
        """1 for the first family waiting, None when not waiting."""
        if self.status != self.Status.WAITLISTED:
            return None
        ahead = (
            Registration.objects.filter(workshop_id=self.workshop_id)
            .waiting_in_order()
            .filter(
                Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
            )
            .count()
        )
        return ahead + 1


class ParticipantMessage(models.Model):
    """A facilitator's message to a workshop's families, kept as the history of what was sent.

    The notification tasks carry only this row's id: the words stay here, not in the queue.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        SMS = "sms", _("Text message")

    workshop = models.ForeignKey(
        Workshop,
        on_delete=models.CASCADE,
        related_name="participant_messages",
        verbose_name=_("workshop"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant_messages_sent",
        verbose_name=_("sent by"),
    )
    subject = models.CharField(_("subject"), max_length=120)
    body = models.TextField(_("message"))
    # "email", "sms" or "email,sms": the channels the facilitator chose.
    channels = models.CharField(_("channels"), max_length=20)
    included_waiting = models.BooleanField(_("waiting families included"), default=False)
    recipients_count = models.PositiveIntegerField(_("number of families"), default=0)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def channel_list(self) -> list[str]:
        return split_codes(self.channels)
