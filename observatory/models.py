"""The observatory's tables: monthly figures per territory, commune and organisation, and the
log of every export."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from parents.models import Organisation, Territory

# The figures a cell holds. All are counts except `answer_minutes_median`.
WORKSHOP_METRICS = (
    "workshops_held",
    "places_offered",
    "places_taken",
    "seats_attended",
    "families",
)
TERRITORY_METRICS = (
    "new_volunteers",
    "new_ambassadors",
    "guides_read",
    "guides_completed",
    "help_requests",
    "help_answered",
)
COUNT_METRICS = WORKSHOP_METRICS + TERRITORY_METRICS


class MonthlyFigures(models.Model):
    """One cell of the observatory: a territory's month, for one commune and one organisation
    or for all of them (`commune` = ALL, `organisation` empty).

    Workshop figures exist for every combination; the others (volunteers, guides, help) only
    for the territory as a whole, since they are not tied to a commune or an organisation.
    A month is recomputed while it is open (see `summary.OPEN_DAYS`); then it is frozen, so the
    90-day purge and erasures never change what was published.
    """

    ALL = "*"
    ONLINE = ""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    commune = models.CharField(max_length=120, default=ALL)
    workshops_held = models.PositiveIntegerField(default=0)
    places_offered = models.PositiveIntegerField(default=0)
    places_taken = models.PositiveIntegerField(default=0)
    seats_attended = models.PositiveIntegerField(default=0)
    families = models.PositiveIntegerField(default=0)
    new_volunteers = models.PositiveIntegerField(default=0)
    new_ambassadors = models.PositiveIntegerField(default=0)
    guides_read = models.PositiveIntegerField(default=0)
    guides_completed = models.PositiveIntegerField(default=0)
    help_requests = models.PositiveIntegerField(default=0)
    help_answered = models.PositiveIntegerField(default=0)
    answer_minutes_median = models.FloatField(null=True, blank=True)
    frozen = models.BooleanField(default=False)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("monthly figures")
        verbose_name_plural = _("monthly figures")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "month", "organisation", "commune"],
                name="observatory_one_cell",
                nulls_distinct=False,
            )
        ]
        # The dashboard reads one territory's cells for a period.
        indexes = [models.Index(fields=["territory", "organisation", "commune", "month"])]

    def __str__(self):
        organisation = self.organisation_id or "*"
        return f"{self.territory_id} {self.month:%Y-%m} {organisation} {self.commune}"


class FigureAdjustment(models.Model):
    """What an erasure took out of an open month's raw data, added back so that the figures
    stay the same. Holds counts only: nothing says whose erasure it was."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    commune = models.CharField(max_length=120, default=MonthlyFigures.ALL)
    metric = models.CharField(max_length=30)
    delta = models.IntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["month"])]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.metric} {self.delta:+d}"


class ExportLog(models.Model):
    """Every export of figures: who, what, when, with which filters."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("exported by"),
    )
    # Kept as text: the log outlives an erased account (the link goes, the role stays).
    role = models.CharField(
        _("role"), max_length=20, choices=[("pilot", _("Pilot")), ("staff", _("Staff"))]
    )
    territory = models.ForeignKey(
        Territory, on_delete=models.PROTECT, related_name="+", verbose_name=_("territory")
    )
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    filters = models.JSONField(_("filters"), default=dict)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    created_at = models.DateTimeField(_("exported at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("figures export")
        verbose_name_plural = _("figures exports")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_format_display()} — {self.territory} — {self.created_at:%Y-%m-%d %H:%M}"
