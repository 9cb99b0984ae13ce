"""A series of sessions created in one go: weekly at the same local time, or on given dates."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from tests.factories import make_facilitator, make_organisation, make_venue, signed_in
from workshops import services_running
from workshops.models import Workshop

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def test_weekly_sessions_keep_their_local_time_across_the_clock_change():
    starts = services_running.weekly_starts(datetime(2026, 10, 20, 18, 0, tzinfo=PARIS), 3)
    assert [s.astimezone(PARIS).hour for s in starts] == [18, 18, 18]
    utc = ZoneInfo("UTC")
    # 25 October has 25 hours: one more real hour between the first two sessions.
    assert starts[1].astimezone(utc) - starts[0].astimezone(utc) == timedelta(days=7, hours=1)


def test_create_series_makes_all_sessions():
    organisation = make_organisation()
    venue = make_venue(organisation=organisation)
    series = services_running.create_series(
        organisation=organisation,
        title="Parents et écrans",
        starts=services_running.weekly_starts(datetime(2030, 1, 7, 18, 0, tzinfo=PARIS), 4),
        duration=timedelta(hours=2),
        venue=venue,
        topic=Workshop.Topic.SCREENS_SLEEP,
        capacity=12,
        status=Workshop.Status.PUBLISHED,
    )
    sessions = list(series.workshops.order_by("starts_at"))
    assert len(sessions) == 4
    assert sessions[0].title.startswith("Parents et écrans") and "1" in sessions[0].title
    assert all(s.ends_at - s.starts_at == timedelta(hours=2) for s in sessions)


def series_data(**changes):
    data = {
        "title": "Pronote en 3 fois",
        "topic": "pronote",
        "format": "on_site",
        "languages": "fr,ar",
        "first_date": "2030-03-04",
        "start_time": "17:30",
        "duration_minutes": "90",
        "sessions": "3",
        "other_dates": "",
        "capacity": "10",
        "waitlist_enabled": "on",
        "publish": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def setting():
    organisation = make_organisation()
    venue = make_venue(organisation=organisation)
    return signed_in(make_facilitator(organisation)), organisation, venue


def test_series_form_creates_weekly_sessions(setting):
    client, organisation, venue = setting
    response = client.post(
        reverse("workshops:manage_series_create"),
        series_data(organisation=organisation.pk, venue=venue.pk),
    )
    assert response.status_code == 302
    sessions = list(Workshop.objects.filter(series__isnull=False).order_by("starts_at"))
    assert [s.local_starts_at.strftime("%Y-%m-%d %H:%M") for s in sessions] == [
        "2030-03-04 17:30",
        "2030-03-11 17:30",
        "2030-03-18 17:30",
    ]
    assert {s.status for s in sessions} == {Workshop.Status.PUBLISHED}
    assert {s.languages for s in sessions} == {"fr,ar"}


def test_series_form_on_given_dates(setting):
    client, organisation, venue = setting
    client.post(
        reverse("workshops:manage_series_create"),
        series_data(
            organisation=organisation.pk,
            venue=venue.pk,
            other_dates="2030-03-20\n2030-04-02",
            publish="",
        ),
    )
    sessions = Workshop.objects.order_by("starts_at")
    assert [s.local_starts_at.date().isoformat() for s in sessions] == [
        "2030-03-04",
        "2030-03-20",
        "2030-04-02",
    ]
    assert {s.status for s in sessions} == {Workshop.Status.DRAFT}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"topic": "knitting"}, "topic"),
        ({"format": "telepathy"}, "format"),
        ({"languages": "français!"}, "languages"),
        ({"first_date": "demain"}, "first_date"),
        ({"start_time": "25:00"}, "start_time"),
        ({"duration_minutes": "5"}, "duration_minutes"),
        ({"sessions": "50"}, "sessions"),
        ({"sessions": "", "other_dates": ""}, "sessions"),
        ({"other_dates": "2030-02-30"}, "other_dates"),
        ({"capacity": "0"}, "capacity"),
        ({"venue": ""}, "venue"),
    ],
)
def test_series_form_bad_input(setting, changes, field):
    client, organisation, venue = setting
    data = series_data(organisation=organisation.pk, venue=venue.pk)
    data.update(changes)
    response = client.post(reverse("workshops:manage_series_create"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Workshop.objects.exists()


def test_series_form_refuses_another_organisation(setting):
    client, _organisation, _venue = setting
    other = make_organisation("La Trousse à Projets")
    other_venue = make_venue(organisation=other)
    response = client.post(
        reverse("workshops:manage_series_create"),
        series_data(organisation=other.pk, venue=other_venue.pk),
    )
    assert response.status_code == 200
    assert {"organisation", "venue"} <= set(response.context["form"].errors)
    assert not Workshop.objects.exists()
