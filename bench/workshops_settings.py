"""Coéduc's settings plus a PostgreSQL connection pool, for bench/workshops_signup_storm.py.

Without a pool, every request in flight holds its own PostgreSQL connection: 500 families at
once over 2 uvicorn workers ask for ~500 connections, past PostgreSQL's max_connections
(100), and the extra requests fail with 500 ("too many clients"). With Django's psycopg pool
(Django ≥ 5.1, package psycopg-pool) each worker holds at most DATABASE_POOL_SIZE
connections and the other requests wait for one. The lead may move this into site/settings.py.
"""

import os

from coeduc.settings import *  # noqa: F403
from coeduc.settings import DATABASES

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections instead
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(os.environ.get("DATABASE_POOL_SIZE", "20")),
        "timeout": 60,
    }
