"""Figures computed from the apps' own tables, one month at a time, for every territory.

A month's cells are keyed by (territory id, organisation id or None, commune or ALL). Counts
of people are exact here; suppression happens only when they are shown (`suppression`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date, datetime

from django.db.models import Case, CharField, Count, Min, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, Lower
from django.utils import timezone

from ambassadors.models import Stage, StageChange, Volunteer
from guides.models import GuideProgress
from rooms.models import HelpRequest, Message
from workshops.models import Registration, Workshop

from .models import COUNT_METRICS, MonthlyFigures

ALL = MonthlyFigures.ALL
Key = tuple[int, int | None, str]


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The month's first instant and the next month's, on the site's clock."""
    tz = timezone.get_current_timezone()
    start = datetime(month.year, month.month, 1, tzinfo=tz)
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return start, datetime(following.year, following.month, 1, tzinfo=tz)


def _cells():
    return defaultdict(lambda: dict.fromkeys(COUNT_METRICS, 0) | {"_families": set()})


def _rollup_keys(territory_id, organisation_id, commune) -> list[Key]:
    return [
        (territory_id, None, ALL),
        (territory_id, None, commune),
        (territory_id, organisation_id, ALL),
        (territory_id, organisation_id, commune),
    ]


def compute_month(month: date, now: datetime | None = None) -> dict[Key, dict]:
    """Every cell of one month, for every territory."""
    now = now or timezone.now()
    start, end = month_bounds(month)
    end = min(end, now)
    cells = _cells()
    _workshop_figures(cells, start, end)
    _territory_figures(cells, start, end)
    result = {}
    for key, values in cells.items():
        values["families"] = len(values.pop("_families"))
        result[key] = values
    return result


def _workshop_figures(cells, start, end) -> None:
    held = Workshop.objects.filter(
        starts_at__gte=start,
        starts_at__lt=end,
        status__in=[Workshop.Status.PUBLISHED, Workshop.Status.CLOSED],
    )
    # A workshop with a venue belongs to the venue's territory; one held only online, to each
    # territory of its organisation (commune "" stands for "online").
    on_site = held.filter(venue__isnull=False).values_list(
        "pk", "venue__territory_id", "organisation_id", "venue__commune", "capacity"
    )
    online = held.filter(venue__isnull=True).values_list(
        "pk", "organisation__territories", "organisation_id", Value(""), "capacity"
    )
    places = {}
    for pk, territory_id, organisation_id, commune, capacity in [*on_site, *online]:
        if territory_id is None:
            continue
        places.setdefault(pk, []).append((territory_id, organisation_id, commune))
        for key in _rollup_keys(territory_id, organisation_id, commune):
            cells[key]["workshops_held"] += 1
            cells[key]["places_offered"] += capacity
    if not places:
        return
    # Who a family is: its account, else its e-mail, else its phone. Anonymised rows have
    # none of these any more; an erasure's share is added back by `FigureAdjustment`.
    identity = Case(
        When(user_id__isnull=False, then=Concat(Value("u"), Cast("user_id", CharField()))),
        When(email__isnull=False, then=Lower("email")),
        default="phone",
        output_field=CharField(),
    )
    registrations = (
        Registration.objects.filter(
            workshop__in=held.values("pk"), status=Registration.Status.CONFIRMED
        )
        .annotate(identity=identity)
        .values_list("workshop_id", "seats", "attended", "identity")
    )
    for workshop_id, seats, attended, who in registrations.iterator(chunk_size=5000):
        for territory_id, organisation_id, commune in places.get(workshop_id, ()):
            for key in _rollup_keys(territory_id, organisation_id, commune):
                cell = cells[key]
                cell["places_taken"] += seats
                if attended:
                    cell["seats_attended"] += seats
                if who:
                    cell["_families"].add(who)


def _territory_figures(cells, start, end) -> None:
    def add(metric, rows):
        for territory_id, count in rows:
            if territory_id is not None:
                cells[(territory_id, None, ALL)][metric] += count

    def counted(queryset, field):
        return queryset.values_list(field).annotate(n=Count("pk")).order_by()

    add(
        "new_volunteers",
        counted(Volunteer.objects.filter(created_at__gte=start, created_at__lt=end), "territory"),
    )
    ambassador_stages = Stage.objects.filter(listed_in_directory=True).values("pk")
    add(
        "new_ambassadors",
        counted(
            StageChange._base_manager.filter(
                created_at__gte=start, created_at__lt=end, to_stage__in=ambassador_stages
            ).exclude(from_stage__in=ambassador_stages),
            "volunteer__territory",
        ),
    )
    progress = GuideProgress.objects.filter(updated_at__gte=start, updated_at__lt=end)
    add("guides_read", counted(progress, "user__territory"))
    add(
        "guides_completed",
        counted(
            GuideProgress.objects.filter(completed_at__gte=start, completed_at__lt=end),
            "user__territory",
        ),
    )
    waits = defaultdict(list)
    for territory_id, minutes in help_waits(start, end):
        cell = cells[(territory_id, None, ALL)]
        cell["help_requests"] += 1
        if minutes is not None:
            cell["help_answered"] += 1
            waits[territory_id].append(minutes)
    for territory_id, minutes in waits.items():
        cells[(territory_id, None, ALL)]["answer_minutes_median"] = statistics.median(minutes)


def help_waits(start, end, territory_id=None):
    """(territory id, minutes to the first answer by someone else or None) per help request."""
    first_answer = (
        Message.objects.filter(help_request_id=OuterRef("pk"))
        .exclude(author_id=OuterRef("asker_id"))
        .order_by()
        .values("help_request_id")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    requests = HelpRequest.objects.filter(created_at__gte=start, created_at__lt=end).annotate(
        territory=Coalesce("room__territory_id", "asker__territory_id"),
        first=Subquery(first_answer),
    )
    if territory_id is not None:
        requests = requests.filter(territory=territory_id)
    for territory, created_at, first in requests.values_list(
        "territory", "created_at", "first"
    ).iterator(chunk_size=5000):
        if territory is None:
            continue
        yield territory, None if first is None else (first - created_at).total_seconds() / 60
