"""The monthly summary table: refreshed while a month is open, frozen afterwards, and kept
unchanged by erasures (an erasure's share of an open month is stored as an adjustment)."""

from __future__ import annotations

import threading
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from .figures import compute_month
from .models import COUNT_METRICS, FigureAdjustment, MonthlyFigures

# A month stays open this long after it ends (attendance is taken after the last workshops),
# then it is frozen: the 90-day purge of guest sign-ups never reaches an open month.
OPEN_DAYS = 15


def month_of(moment) -> date:
    local = timezone.localtime(moment)
    return date(local.year, local.month, 1)


def previous_month(month: date) -> date:
    return (month - timedelta(days=1)).replace(day=1)


def open_months(now=None) -> list[date]:
    now = now or timezone.now()
    current = month_of(now)
    months = [current]
    if (timezone.localtime(now).date() - current).days < OPEN_DAYS:
        months.insert(0, previous_month(current))
    return months


def months_between(first: date, last: date) -> list[date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def _with_adjustments(month: date, cells: dict) -> dict:
    for adjustment in FigureAdjustment.objects.filter(month=month):
        key = (adjustment.territory_id, adjustment.organisation_id, adjustment.commune)
        cell = cells.setdefault(key, dict.fromkeys(COUNT_METRICS, 0))
        cell[adjustment.metric] = cell.get(adjustment.metric, 0) + adjustment.delta
    return cells


@transaction.atomic
def refresh_month(month: date, *, now=None, force=False) -> int:
    """Recompute one month's cells (a frozen month only with `force`). Returns the cell count."""
    now = now or timezone.now()
    if not force and MonthlyFigures.objects.filter(month=month, frozen=True).exists():
        return 0
    cells = _with_adjustments(month, compute_month(month, now=now))
    frozen = month not in open_months(now)
    MonthlyFigures.objects.filter(month=month).delete()
    MonthlyFigures.objects.bulk_create(
        [
            MonthlyFigures(
                territory_id=territory_id,
                organisation_id=organisation_id,
                commune=commune,
                month=month,
                frozen=frozen,
                computed_at=now,
                **{metric: max(0, values.get(metric, 0)) for metric in COUNT_METRICS},
                answer_minutes_median=values.get("answer_minutes_median"),
            )
            for (territory_id, organisation_id, commune), values in cells.items()
        ],
        batch_size=2000,
    )
    return len(cells)


def refresh(months=None, *, now=None, force=False) -> int:
    """Refresh the given months (default: the open ones, and any month never computed)."""
    now = now or timezone.now()
    if months is None:
        months = open_months(now)
    return sum(refresh_month(month, now=now, force=force) for month in months)


# --- Erasure: the figures of open months must not move when someone's data goes. ----------
_local = threading.local()


def before_erasure() -> None:
    """Take the open months' figures before the apps erase anything (same transaction)."""
    _local.before = {month: compute_month(month) for month in open_months()}


def after_erasure() -> int:
    """Store, as anonymous adjustments, what the erasure took out of the open months."""
    rows = []
    before_by_month, _local.before = getattr(_local, "before", {}), {}
    for month, before in before_by_month.items():
        after = compute_month(month)
        for key in set(before) | set(after):
            for metric in COUNT_METRICS:
                delta = before.get(key, {}).get(metric, 0) - after.get(key, {}).get(metric, 0)
                if delta:
                    territory_id, organisation_id, commune = key
                    rows.append(
                        FigureAdjustment(
                            territory_id=territory_id,
                            organisation_id=organisation_id,
                            commune=commune,
                            month=month,
                            metric=metric,
                            delta=delta,
                        )
                    )
    FigureAdjustment.objects.bulk_create(rows)
    return len(rows)
