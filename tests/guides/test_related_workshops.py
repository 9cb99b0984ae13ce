"""A guide lists the upcoming workshops on its topic (and nothing else)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from parents.models import Organisation
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def make_workshop(organisation, *, title, topic, days, status=Workshop.Status.PUBLISHED):
    starts = timezone.now() + timedelta(days=days)
    return Workshop.objects.create(
        organisation=organisation,
        title=title,
        description="",
        topic=topic,
        format=Workshop.Format.ONLINE,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=10,
        status=status,
    )


def test_guide_page_lists_upcoming_workshops_of_its_topic(client, guides):
    guide = guides["premiers-pas-pronote"]
    organisation = Organisation.objects.create(name="Ligue test", kind="association")
    make_workshop(organisation, title="Pronote ensemble", topic="pronote", days=5)
    make_workshop(organisation, title="Déjà passé", topic="pronote", days=-5)
    make_workshop(
        organisation, title="Brouillon", topic="pronote", days=3, status=Workshop.Status.DRAFT
    )
    make_workshop(organisation, title="Écrans le soir", topic="screens_sleep", days=4)

    content = client.get(guide.url).content.decode()

    assert "Pronote ensemble" in content
    for absent in ("Déjà passé", "Brouillon", "Écrans le soir"):
        assert absent not in content
