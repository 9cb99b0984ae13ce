"""Tests that drive a real Chromium through Playwright against Django's live server."""
