"""PostgreSQL stops under running workers, then comes back: 503 pages meanwhile, never a 500,
and pages again afterwards without restarting anything.

The cluster is the test's own (tests/deploy/processes.py): the shared server is never stopped.
Two workers, started as systemd starts them (deploy/coeduc-web): one with the connection pool
(the default), one without (DATABASE_POOL_SIZE=0).
"""

import json
import os
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.utils import translation

from .processes import DEPLOY, PrivatePostgres, base_env, free_port, request, start_web

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the PostgreSQL stage of CI (DATABASE_URL=postgres://…)",
    ),
]

POOL_TIMEOUT = 10  # DATABASE_POOL_TIMEOUT's default: what a page waits during an outage
HEALTHZ_SECONDS = 3 + 2  # site/health.py's per-check timeout, and some slack
DIRECTION = {"fr": "ltr", "ar": "rtl"}


@pytest.fixture(scope="module")
def outage(tmp_path_factory):
    logs = tmp_path_factory.mktemp("outage")
    cluster = PrivatePostgres()
    workers = []
    try:
        cluster.start()
        cluster.create_database()
        env = base_env(DATABASE_URL=cluster.url, STATIC_ROOT=str(logs / "static"), LOG_LEVEL="INFO")
        # The release step, as coeduc-migrate.service runs it: migrate, collectstatic, pages.
        subprocess.run(
            [str(DEPLOY / "coeduc-release")], env=env, check=True, capture_output=True, timeout=600
        )
        workers = [
            start_web(free_port(), env, logs),
            start_web(free_port(), {**env, "DATABASE_POOL_SIZE": "0"}, logs),
        ]
        yield cluster, workers
    finally:
        for worker in workers:
            worker.stop()
        cluster.remove()


def port(worker) -> int:
    return int(worker.name.removeprefix("web-"))


def title(language: str) -> str:
    with translation.override(language):
        return translation.gettext("Coéduc is unavailable for a moment")


def test_pages_answer_503_while_postgresql_is_down_and_200_once_it_is_back(outage):
    cluster, workers = outage
    for worker in workers:
        assert request(port(worker), "/fr/workshops/")[0] == 200, worker.output()

    cluster.stop("immediate")
    try:
        # Every page of every worker at once: each waits at most the pool's timeout.
        asked = [(worker, language) for worker in workers for language in ("fr", "ar")]
        started = time.monotonic()
        with ThreadPoolExecutor(len(asked)) as pool:
            answers = list(pool.map(lambda a: request(port(a[0]), f"/{a[1]}/workshops/"), asked))
        waited = time.monotonic() - started

        for (worker, language), (status, headers, body) in zip(asked, answers, strict=True):
            page = body.decode()
            assert status == 503, (worker.name, language, page[:300], worker.output())
            assert headers["retry-after"] == "30"
            assert headers["content-language"] == language
            assert f'<html lang="{language}" dir="{DIRECTION[language]}">' in page
            assert f"<title>{title(language)} — Coéduc</title>" in page
            assert "Traceback" not in page
        assert waited < POOL_TIMEOUT + 5

        # Wagtail's pages too (the page tree is read from the database).
        assert request(port(workers[1]), "/ar/")[0] == 503

        for worker in workers:
            started = time.monotonic()
            status, headers, body = request(port(worker), "/healthz")
            assert time.monotonic() - started < HEALTHZ_SECONDS
            assert status == 503
            assert headers["content-type"] == "application/json"
            assert json.loads(body)["checks"] == {
                "database": "error",
                "cache": "ok",
                "channel_layer": "ok",
            }
    finally:
        cluster.start()

    for worker in workers:
        deadline = time.monotonic() + 15
        while (status := request(port(worker), "/fr/workshops/")[0]) != 200:
            assert time.monotonic() < deadline, (status, worker.output())
            time.sleep(0.5)
        assert request(port(worker), "/ar/workshops/")[0] == 200
        assert request(port(worker), "/healthz")[0] == 200
        # The same processes all along, and no traceback in what they logged.
        assert worker.process.poll() is None
        assert "Traceback" not in worker.output()
        assert "Internal Server Error" not in worker.output()
