"""Settings of the sign-up storm: the project's own, plus the control URL of bench/storm_urls.py."""

from coeduc.settings import *  # noqa: F403

ROOT_URLCONF = "storm_urls"
