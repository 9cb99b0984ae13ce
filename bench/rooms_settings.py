"""Settings of the rooms fan-out bench: the project's own, served by bench/rooms_asgi.py."""

from coeduc.settings import *  # noqa: F403
