"""Erasing a person leaves the observatory's figures exactly as they were."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from core.personal_data import Person, erase_person, export_person
from guides.models import GuideProgress
from observatory import selectors, summary
from observatory.models import COUNT_METRICS, MonthlyFigures
from parents.models import User
from tests.factories import add_registrations, make_venue, make_workshop
from workshops.models import Registration


def snapshot(territory):
    return sorted(
        (
            cell.month,
            cell.organisation_id or 0,
            cell.commune,
            *(getattr(cell, m) for m in COUNT_METRICS),
        )
        for cell in MonthlyFigures.objects.filter(territory=territory)
    )


def test_erasing_a_family_changes_no_figure_of_a_frozen_or_an_open_month(territory_data):
    aisne = territory_data["aisne"]
    now = timezone.now()
    current = summary.month_of(now)
    # A parent with an account: a sign-up last month-but-one (frozen) and one this month
    # (open), and a guide under way this month (erasure deletes it).
    parent = User.objects.create_user(email="amina@example.org", password="x", territory=aisne)
    frozen_row = add_registrations(territory_data["big"], 1, prefix="amina")[0]
    Registration.objects.filter(pk=frozen_row.pk).update(user=parent)
    venue = make_venue(territory=aisne, commune="Laon")
    start = max(
        now - timedelta(hours=3),
        timezone.make_aware(timezone.datetime(current.year, current.month, 1)),
    )
    today = make_workshop(
        capacity=12, venue=venue, starts_at=start, ends_at=start + timedelta(hours=1)
    )
    add_registrations(today, 6)
    mine = add_registrations(today, 1, prefix="amina-now")[0]
    Registration.objects.filter(pk=mine.pk).update(user=parent)
    GuideProgress.objects.create(user=parent, page=Page.objects.first(), completed_steps=[1])
    summary.refresh(summary.months_between(territory_data["month"], current), force=True)
    before = snapshot(aisne)
    board_before = selectors.dashboard(
        selectors.Filters(territory=aisne, first=territory_data["month"], last=current)
    )

    assert export_person(Person.for_user(parent))["workshops.registrations"]
    erase_person(Person.for_user(parent))
    assert not Registration.objects.filter(user=parent).exists()
    assert not GuideProgress.objects.filter(user=parent).exists()

    summary.refresh(summary.months_between(territory_data["month"], current))
    assert snapshot(aisne) == before
    # Even a forced recomputation of the open month gives the same figures.
    summary.refresh([current], force=True)
    assert snapshot(aisne) == before
    board_after = selectors.dashboard(
        selectors.Filters(territory=aisne, first=territory_data["month"], last=current)
    )
    assert [{k: str(v) for k, v in row.figures.items()} for row in board_after.months] == [
        {k: str(v) for k, v in row.figures.items()} for row in board_before.months
    ]
