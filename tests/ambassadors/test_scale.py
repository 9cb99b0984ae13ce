"""The queue and the directory cost the same number of queries for 5 or 50 people (so for
10,000), because the criteria are counted in SQL for a whole page at once."""

import itertools

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ambassadors import criteria
from ambassadors.models import Charter, CharterSignature, Stage, Volunteer
from guides.models import GuideProgress
from parents.models import User
from tests.factories import make_past_workshop
from workshops.models import Registration

pytestmark = pytest.mark.django_db

_numbers = itertools.count(1)


def populate(territory, guide, count, at="in-training", in_directory=False):
    """`count` volunteers with full evidence for the next stage, created in bulk."""
    now = timezone.now()
    stage = Stage.objects.get(slug=at)
    numbers = [next(_numbers) for _i in range(count)]
    users = User.objects.bulk_create(
        [
            User(email=f"bulk{n}@example.org", display_name=f"Parent {n}", territory=territory)
            for n in numbers
        ]
    )
    users = list(User.objects.filter(email__in=[f"bulk{n}@example.org" for n in numbers]))
    Volunteer.objects.bulk_create(
        [
            Volunteer(
                user=user,
                territory=territory,
                stage=stage,
                motivation="Aider",
                availability="Soir",
                languages="fr,ar",
                topics="pronote,ent",
                commune="Laon",
                consent_at=now,
                in_directory=in_directory,
            )
            for user in users
        ]
    )
    workshops = [make_past_workshop(), make_past_workshop()]
    Registration.objects.bulk_create(
        [
            Registration(
                workshop=workshop,
                first_name=user.display_name,
                email=user.email,
                user=user,
                consent_at=now,
                status="confirmed",
                attended=True,
            )
            for user in users
            for workshop in workshops
        ]
    )
    GuideProgress.objects.bulk_create(
        [GuideProgress(user=user, page=guide, completed_at=now) for user in users]
    )
    charter = Charter.current()
    CharterSignature.objects.bulk_create(
        [CharterSignature(user=user, charter=charter) for user in users]
    )


def queries_for(client, url) -> int:
    client.get(url)  # warm-up: the first request of a session writes it
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_queue_queries_do_not_grow_with_volunteers(aisne, guides, facilitator):
    client = Client(HTTP_HOST="localhost")
    client.force_login(facilitator)
    url = reverse("ambassadors:queue")
    populate(aisne, guides[0], 5)
    small = queries_for(client, url)
    assert len(client.get(url).context["rows"]) == 5
    populate(aisne, guides[0], 45)
    large = queries_for(client, url)
    response = client.get(url)
    assert response.context["page"].paginator.count == 50
    assert len(response.context["rows"]) == 25
    assert large == small
    everyone = reverse("ambassadors:queue") + "?list=all"
    assert queries_for(client, everyone) == small


def test_directory_queries_do_not_grow_with_ambassadors(aisne, guides, facilitator):
    client = Client(HTTP_HOST="localhost")
    client.force_login(facilitator)
    url = reverse("ambassadors:directory") + "?territory=02"
    populate(aisne, guides[0], 5, at="ambassador", in_directory=True)
    small = queries_for(client, url)
    populate(aisne, guides[0], 45, at="ambassador", in_directory=True)
    large = queries_for(client, url)
    response = client.get(url)
    assert response.context["page"].paginator.count == 50
    assert large == small
    assert "bulk" not in response.text  # never an e-mail address


def test_evidence_is_counted_in_bulk(aisne, guides, django_assert_max_num_queries):
    populate(aisne, guides[0], 30)
    stages = criteria.load_stages()
    with django_assert_max_num_queries(2):
        rows = list(criteria.with_evidence(Volunteer.objects.all(), stages))
        results = [criteria.evaluate(row, stages[2]) for row in rows]
    assert len(results) == 30
    assert all(criteria.evidence_met(stages[2], r) for r in results)
