"""Notes stored escaped before the fix read as typed after the data migration."""

import importlib

import pytest
from django.apps import apps

from ambassadors.models import MentoringSession
from tests.factories import make_user, make_volunteer

pytestmark = pytest.mark.django_db

migration = importlib.import_module("ambassadors.migrations.0005_unescape_private_notes")


def test_a_note_stored_escaped_reads_as_typed_after_the_migration():
    from ambassadors.models import Mentorship

    ambassador = make_volunteer(at="ambassador")
    mentorship = Mentorship.objects.create(
        family=make_user(), ambassador=ambassador, territory=ambassador.territory, topic="ent"
    )
    session = MentoringSession.objects.create(
        mentorship=mentorship,
        date="2026-11-20",
        duration_minutes=30,
        topics="ent",
        private_note="Papa &amp; maman … &lt; 10",
    )
    migration.unescape_notes(apps, None)
    session.refresh_from_db()
    assert session.private_note == "Papa & maman … < 10"
