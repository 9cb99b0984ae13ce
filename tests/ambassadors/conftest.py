"""Fixtures for the ambassador tests (their factories are in tests/factories.py)."""

import pytest

from tests.factories import (
    make_facilitator,
    make_guide_page,
    make_organisation,
    make_territory,
    use_training_guides,
)


@pytest.fixture
def aisne(db):
    return make_territory("02", "Aisne")


@pytest.fixture
def ligue(aisne):
    return make_organisation("Ligue de l'Enseignement", ("02",))


@pytest.fixture
def facilitator(ligue):
    return make_facilitator(ligue)


@pytest.fixture
def guides(db):
    pages = [make_guide_page("Guide de formation 1"), make_guide_page("Guide de formation 2")]
    use_training_guides(*pages)
    return pages
