"""Inactivity: a friendly reminder, then the facilitators' review list; never a demotion."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ambassadors import services
from ambassadors.models import Volunteer
from tests.factories import make_volunteer

pytestmark = pytest.mark.django_db


def run(now=None):
    if now is None:
        out = io.StringIO()
        call_command("ambassadors_inactivity", stdout=out)
        return out.getvalue()
    return services.check_inactivity(now)


def test_reminder_then_review_list_and_the_command_is_idempotent(
    aisne, facilitator, django_capture_on_commit_callbacks
):
    long_ago = timezone.now() - timedelta(days=30 * services.INACTIVITY_MONTHS + 1)
    sleeping = make_volunteer(territory=aisne, at="ambassador", last_activity_at=long_ago)
    make_volunteer(territory=aisne, at="ambassador")  # active: left alone
    make_volunteer(territory=aisne, at="volunteer", last_activity_at=long_ago)  # not ambassador

    with django_capture_on_commit_callbacks(execute=True):
        assert "1 reminded, 0 listed" in run()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [sleeping.user.email]
    with django_capture_on_commit_callbacks(execute=True):
        assert "0 reminded, 0 listed" in run()
    assert len(mail.outbox) == 1

    later = timezone.now() + timedelta(days=services.REVIEW_AFTER_REMINDER_DAYS + 1)
    assert run(later) == (0, 1)
    assert run(later) == (0, 0)
    sleeping.refresh_from_db()
    assert sleeping.needs_review_since is not None
    assert sleeping.stage.slug == "ambassador" and sleeping.is_active  # no silent demotion

    client = Client(HTTP_HOST="localhost")
    client.force_login(facilitator)
    queue = client.get(reverse("ambassadors:queue"))
    assert [v.pk for v in queue.context["review"]] == [sleeping.pk]
    client.post(reverse("ambassadors:keep", args=[sleeping.pk]))
    sleeping.refresh_from_db()
    assert sleeping.needs_review_since is None and sleeping.reminded_at is None


def test_any_activity_restarts_the_clock(aisne):
    long_ago = timezone.now() - timedelta(days=30 * services.INACTIVITY_MONTHS + 1)
    volunteer = make_volunteer(territory=aisne, at="ambassador", last_activity_at=long_ago)
    run()
    services.sign_charter(volunteer.user)
    volunteer = Volunteer.objects.get(pk=volunteer.pk)
    assert volunteer.reminded_at is None and volunteer.last_activity_at > long_ago
