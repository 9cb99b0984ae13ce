"""Fixtures for the rooms tests (their factories are in tests/factories.py)."""

import pytest
from channels.layers import channel_layers


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """A new channel layer for each test: Redis's is bound to the event loop of the test that
    first used it, and each async test runs in a loop of its own."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def voice_root(settings, tmp_path):
    """Voice messages' files in a folder of the test's own (rooms.storage reads the setting
    on each use), never in the checkout's var/private/voice."""
    settings.ROOMS_VOICE_ROOT = tmp_path / "voice"
    return settings.ROOMS_VOICE_ROOT
