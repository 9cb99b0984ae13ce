"""Decisions taken at the same second: one stage change only, never more families than the
limit. Real threads, each with its own PostgreSQL connection (SQLite serialises writes)."""

import importlib
import os

import pytest
from django.apps import apps

from ambassadors import mentoring, services
from ambassadors.models import Mentorship, StageChange
from tests.concurrency import run_at_once
from tests.factories import make_facilitator, make_organisation, make_user, make_volunteer, stage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.serial,  # a storm of real concurrent clients: alone, as in production
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises all writes",
    ),
]


@pytest.fixture
def seeded(transactional_db):
    """The seed of migration 0002 (a transactional test may run after a flush)."""
    importlib.import_module("ambassadors.migrations.0002_seed_path").seed(apps, None)


def test_two_facilitators_validating_at_once_make_one_stage_change(seeded):
    organisation = make_organisation("Ligue de l'Enseignement", ("02",))
    facilitators = [make_facilitator(organisation, name=f"F{i}") for i in range(4)]
    volunteer = make_volunteer(at="in-training")
    target = stage("ambassador")

    errors = run_at_once(
        4,
        lambda i: services.approve(
            facilitators[i], volunteer, to_stage=target, override_reason="Exception"
        ),
    )
    assert len(errors) == 3, errors
    assert all(isinstance(e, services.PathError) for e in errors), errors
    changes = StageChange.objects.filter(volunteer=volunteer, to_stage=target)
    assert changes.count() == 1
    assert volunteer.badges.count() == 1


def test_simultaneous_acceptances_never_pass_the_limit(seeded):
    ambassador = make_volunteer(at="ambassador")
    count = mentoring.MAX_ACTIVE_MENTORSHIPS + 3
    requests = [
        mentoring.request_mentoring(
            make_user(f"Famille {i}"),
            territory=ambassador.territory,
            topic="ent",
            ambassador=ambassador,
        )
        for i in range(count)
    ]
    errors = run_at_once(count, lambda i: mentoring.accept_mentorship(ambassador.user, requests[i]))
    assert len(errors) == 3
    active = Mentorship.objects.active().filter(ambassador=ambassador).count()
    assert active == mentoring.MAX_ACTIVE_MENTORSHIPS
