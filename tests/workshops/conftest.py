"""Fixtures for the workshop tests (their factories are in tests/factories.py)."""

import pytest

from tests.factories import make_facilitator, make_organisation, make_workshop
from tests.task_worker import task_worker  # noqa: F401 (a fixture: pytest finds it here)


@pytest.fixture
def workshop(db):
    return make_workshop(capacity=10)


@pytest.fixture
def ligue(db):
    return make_organisation("Ligue de l'Enseignement")


@pytest.fixture
def claire(ligue):
    """A facilitator of the Ligue."""
    return make_facilitator(ligue, "claire@example.org")
