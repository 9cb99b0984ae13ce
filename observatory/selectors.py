"""What the dashboard and the exports show: one territory's cells for a period, added up and
passed through suppression. Reads only the summary table (fast at any scale)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import suppression
from .figures import help_waits, month_bounds
from .models import COUNT_METRICS, MonthlyFigures
from .summary import months_between

ALL = MonthlyFigures.ALL


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    people: bool = True  # a count of people: suppressed under the threshold
    territory_only: bool = False  # not tied to a commune or an organisation


METRICS = [
    Metric("workshops_held", _("Workshops held"), people=False),
    Metric("places_offered", _("Places offered"), people=False),
    Metric("places_taken", _("Places taken")),
    Metric("seats_attended", _("People present")),
    Metric("families", _("Families reached")),
    Metric("new_volunteers", _("New volunteers"), territory_only=True),
    Metric("new_ambassadors", _("New ambassadors"), territory_only=True),
    Metric("guides_read", _("Guides read"), territory_only=True),
    Metric("guides_completed", _("Guides completed"), territory_only=True),
    Metric("help_requests", _("Help requests"), territory_only=True),
]
RATE_LABEL = _("Attendance rate (%)")
MEDIAN_LABEL = _("Median time to a first answer (minutes)")
TOTAL_LABEL = pgettext_lazy("observatory row", "Total")
ONLINE_LABEL = _("Online")


@dataclass
class Filters:
    territory: object
    first: date
    last: date
    commune: str = ALL
    organisation: object = None

    def as_dict(self) -> dict:
        return {
            "territory": self.territory.code,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "commune": "" if self.commune == ALL else self.commune,
            "organisation": self.organisation.pk if self.organisation else None,
        }

    @property
    def whole_territory(self) -> bool:
        return self.commune == ALL and self.organisation is None


@dataclass
class Row:
    label: str
    figures: dict = field(default_factory=dict)  # metric key → Shown


@dataclass
class Dashboard:
    filters: Filters
    months: list[Row]
    month_total: Row
    communes: list[Row]
    commune_total: Row
    metrics: list[Metric]
    computed_at: object


def _sum(cells) -> dict:
    totals = dict.fromkeys(COUNT_METRICS, 0)
    for cell in cells:
        for metric in COUNT_METRICS:
            totals[metric] += getattr(cell, metric)
    return totals


def _shown_rows(metrics, total_values, part_values) -> tuple[dict, list[dict]]:
    """Suppress each metric across the parts and their total, then add the derived figures."""
    total_shown, parts_shown = {}, [{} for _part in part_values]
    for metric in metrics:
        if not metric.people:
            total_shown[metric.key] = suppression.not_people(total_values[metric.key])
            for shown, values in zip(parts_shown, part_values, strict=True):
                shown[metric.key] = suppression.not_people(values[metric.key])
            continue
        total, parts = suppression.group(
            total_values[metric.key], [values[metric.key] for values in part_values]
        )
        total_shown[metric.key] = total
        for shown, value in zip(parts_shown, parts, strict=True):
            shown[metric.key] = value
    for shown in [total_shown, *parts_shown]:
        shown["attendance_rate"] = suppression.rate(shown["seats_attended"], shown["places_taken"])
    return total_shown, parts_shown


def dashboard(filters: Filters) -> Dashboard:
    months = months_between(filters.first, filters.last)
    metrics = [m for m in METRICS if filters.whole_territory or not m.territory_only]
    cells = MonthlyFigures.objects.filter(
        territory=filters.territory, month__gte=months[0], month__lte=months[-1]
    )
    org = Q(organisation=filters.organisation) if filters.organisation else Q(organisation=None)
    scope = list(cells.filter(org, commune=filters.commune))
    by_month = {cell.month: cell for cell in scope}
    empty = dict.fromkeys(COUNT_METRICS, 0)
    month_values = [_sum([by_month[m]]) if m in by_month else dict(empty) for m in months]
    total_values = _sum(scope)
    month_total, month_rows = _shown_rows(metrics, total_values, month_values)
    if filters.whole_territory:
        for row, month in zip(month_rows, months, strict=True):
            cell = by_month.get(month)
            row["answer_minutes"] = suppression.median(
                cell.answer_minutes_median if cell else None, row["help_requests"]
            )
        month_total["answer_minutes"] = suppression.median(
            _period_median(filters, months), month_total["help_requests"]
        )

    # Communes for the period (for the chosen organisation), with the scope's total.
    commune_cells = cells.filter(org).exclude(commune=ALL)
    by_commune: dict[str, list] = {}
    for cell in commune_cells:
        by_commune.setdefault(cell.commune, []).append(cell)
    names = sorted(by_commune, key=lambda name: (name == "", name))
    workshop_metrics = [m for m in metrics if not m.territory_only]
    scope_total = _sum(cells.filter(org, commune=ALL))
    commune_total, commune_rows = _shown_rows(
        workshop_metrics, scope_total, [_sum(by_commune[name]) for name in names]
    )
    computed = scope and max(cell.computed_at for cell in scope)
    return Dashboard(
        filters=filters,
        months=[Row(m, shown) for m, shown in zip(months, month_rows, strict=True)],
        month_total=Row(TOTAL_LABEL, month_total),
        communes=[
            Row(name or ONLINE_LABEL, shown)
            for name, shown in zip(names, commune_rows, strict=True)
        ],
        commune_total=Row(TOTAL_LABEL, commune_total),
        metrics=metrics,
        computed_at=computed or None,
    )


def _period_median(filters: Filters, months: list[date]):
    start, _end = month_bounds(months[0])
    _start, end = month_bounds(months[-1])
    minutes = [
        wait for _t, wait in help_waits(start, end, filters.territory.pk) if wait is not None
    ]
    return statistics.median(minutes) if minutes else None


def communes_of(territory) -> list[str]:
    return list(
        MonthlyFigures.objects.filter(territory=territory)
        .exclude(commune__in=[ALL, ""])
        .values_list("commune", flat=True)
        .distinct()
        .order_by("commune")
    )


def latest_month(territory):
    return MonthlyFigures.objects.filter(territory=territory).aggregate(m=Max("month"))["m"]


def change_sentence(board: Dashboard) -> str:
    """What changed between the period's last two months, in one plain sentence."""
    # gettext by its own name: makemessages extracts only the names it knows (as _g, the
    # sentence was never extracted and stayed in English on French and Arabic pages).
    from django.utils import formats
    from django.utils.translation import gettext

    if len(board.months) < 2:
        return ""
    previous, last = board.months[-2], board.months[-1]
    month_name = formats.date_format(last.label, "F Y")
    parts = []
    for key, label in (
        ("workshops_held", gettext("workshops held")),
        ("places_taken", gettext("places taken")),
        ("families", gettext("families reached")),
    ):
        now_shown, before_shown = last.figures.get(key), previous.figures.get(key)
        if now_shown is None:
            continue
        if now_shown.suppressed or before_shown.suppressed:
            parts.append(gettext("%(what)s: too few to compare") % {"what": label})
            continue
        difference = now_shown.value - before_shown.value
        if difference > 0:
            change = gettext("%(n)s more than the month before") % {"n": difference}
        elif difference < 0:
            change = gettext("%(n)s fewer than the month before") % {"n": -difference}
        else:
            change = gettext("as many as the month before")
        parts.append(
            gettext("%(what)s: %(n)s (%(change)s)")
            % {"what": label, "n": now_shown.value, "change": change}
        )
    return gettext("In %(month)s: %(changes)s.") % {
        "month": month_name,
        "changes": "; ".join(parts),
    }
