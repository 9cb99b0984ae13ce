"""Fixtures for the workshop tests (their factories are in tests/factories.py)."""

import pytest

from tests.factories import make_workshop


@pytest.fixture
def workshop(db):
    return make_workshop(capacity=10)
