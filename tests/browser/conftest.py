"""Fixtures for the browser tests: Debian's Chromium, Django's live server, the demo content.

Run with ``pytest tests/browser``. Without Chromium at /usr/bin/chromium the tests are skipped,
except when the environment variable CI is set: there a missing browser is a failure.
Playwright's own browser downloads are never used (``playwright install`` is not needed).
"""

import asyncio
import io
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    # Only the test servers' addresses resolve: a request to any other site fails in the
    # browser itself, with nothing to intercept (new_page records such requests).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
MISSING_CHROMIUM = (
    f"Chromium not found at {CHROMIUM}: browser tests skipped; install Debian's chromium"
)
# The browser's locale (navigator.language, Accept-Language) for each language of the site.
BROWSER_LOCALES = {"fr": "fr-FR", "en": "en-GB", "ar": "ar"}
# A small phone, portrait: the screen most parents use.
PHONE = {"width": 360, "height": 740}

BROWSER_TESTS_DIR = Path(__file__).resolve().parent


def chromium_available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def pytest_collection_modifyitems(items):
    """Mark every test of this folder ``browser``; skip them at once when Chromium is missing.

    Skipping here, rather than in a fixture, spares the test database set-up. In CI the tests
    are left to the ``browser`` fixture, which fails.
    """
    skip = None if chromium_available() or in_ci() else pytest.mark.skip(reason=MISSING_CHROMIUM)
    for item in items:
        if BROWSER_TESTS_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if skip:
                item.add_marker(skip)


@pytest.fixture(scope="package", autouse=True)
def allow_orm_next_to_playwright():
    """Let the tests and fixtures of this folder use the ORM while Playwright is running.

    Between two calls, Playwright's sync API leaves its asyncio event loop marked as running
    in this thread, and Django then refuses every ORM call ("async unsafe"). The switch is
    set for this folder only, not at import time: conftest files are imported by every
    pytest run, and the rest of the suite keeps Django's guard.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def browser(allow_orm_next_to_playwright, django_db_setup):
    """One headless Chromium (Debian's package) for all the tests of this folder.

    Package-scoped rather than session-scoped on purpose: while Playwright runs, its event
    loop stays marked as running in the main thread, which breaks the tests that come after
    (pytest-asyncio: "Cannot run the event loop while another loop is running"; Django:
    SynchronousOnlyOperation). Closing it when this folder is done keeps them working.
    """
    if not chromium_available():
        if in_ci():
            pytest.fail(
                f"Chromium not found at {CHROMIUM}: CI is set, so the browser tests must run; "
                "install Debian's chromium",
                False,
            )
        pytest.skip(MISSING_CHROMIUM)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Django keeps database connections per thread, but per asyncio context when an event
    # loop runs in the thread (asgiref's thread-critical Local). Once Playwright has started,
    # this thread gets other connection objects, without the snapshot of the migrated
    # database that serialized rollback restores after each flush: hand it over.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for alias, snapshot in snapshots.items():
            connections[alias]._test_serialized_contents = snapshot
        try:
            yield chromium
        finally:
            # Close those connections (PostgreSQL would refuse to drop the test database)
            # and forget them: an async test later on must not inherit them.
            connections.close_all()
            for alias in connections:
                del connections[alias]
            chromium.close()


@pytest.fixture(scope="package")
def demo_snapshot(browser, django_db_blocker):
    """``load_demo`` once for this folder (it takes seconds), then snapshot the database.

    Serialized rollback then restores the migrated database *with* the demo content before
    each test. The snapshot belongs to the connection objects that only exist while
    Playwright runs (see ``browser``): the rest of the suite keeps the plain one.

    On SQLite the snapshot is a copy of the database itself (sqlite3's backup API), which
    ``demo`` writes back page for page in milliseconds, where deserializing the demo's JSON
    took a second a test; serialized rollback is then left nothing to do. Yields that copy,
    or None (PostgreSQL).
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    connection = connections[DEFAULT_DB_ALIAS]
    copy = None
    with django_db_blocker.unblock():
        # From the migrated database, whatever the tests run before have left.
        empty_database(DEFAULT_DB_ALIAS)
        restore_content_types_first(connection, connection._test_serialized_contents)
        call_command("load_demo", stdout=io.StringIO())
        if connection.vendor == "sqlite":
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.ensure_connection()
            connection.connection.backup(copy)
            connection._test_serialized_contents = "[]"
        else:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        # Each test then starts the same way: an empty database, the snapshot restored.
        empty_database(DEFAULT_DB_ALIAS)
    yield copy
    if copy is not None:
        copy.close()


def empty_database(alias: str) -> None:
    """Empty every table, as Django does after a transactional test with serialized rollback.

    Sequences are kept, as Django keeps them: the restored rows come back with their own ids,
    which deserialization does not move the sequences past. Reset to 1 (``flush``'s default),
    PostgreSQL would hand those ids out again (wagtailcore_locale's id 1, ``load_demo``'s first
    insert). SQLite takes the highest id plus one, so it never showed.
    """
    call_command(
        "flush",
        database=alias,
        interactive=False,
        verbosity=0,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )


def restore_content_types_first(connection, snapshot: str) -> None:
    """Restore a serialized snapshot into the emptied database, its content types first.

    Wagtail's pages and workflow tasks look up their ContentType as they are built, and the
    deserializer builds them without their parent's id: on a cache miss, the look-up creates
    the row, and the snapshot's own row then collides on (app_label, model). The cache misses,
    or holds other ids, after a transactional test without serialized rollback: its flush
    re-creates the content types (post_migrate) and clears the cache.
    """
    from django.contrib.contenttypes.models import ContentType

    objects = json.loads(snapshot)
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")  # stable
    ContentType.objects.clear_cache()
    connection.creation.deserialize_db_from_string(json.dumps(objects))


@pytest.fixture
def demo(demo_snapshot, django_db_serialized_rollback, transactional_db):
    """The demo content: territories, demo accounts, the home page in fr/en/ar…

    The live server needs a real transactional database, emptied after each test; serialized
    rollback restores it (with the demo content, see ``demo_snapshot``) before each test.
    """
    from django.db import connection

    from parents.models import User

    if demo_snapshot is not None:  # SQLite: the copy written back over the emptied database
        connection.ensure_connection()
        demo_snapshot.backup(connection.connection)

    assert User.objects.filter(email="parent@demo.coeduc.fr").exists(), (
        "the demo content is missing: serialized rollback did not restore it"
    )


@pytest.fixture(scope="package")
def asgi_url(django_db_setup) -> Iterator[str]:
    """The ASGI application (HTTP and WebSocket) served by uvicorn in a thread of this process,
    once for the folder (per xdist worker), on the test database.

    Django's live server speaks WSGI only; the rooms and the CSP walk need the WebSocket.
    A module asks for it by overriding ``site_url`` with ``demo`` and this address.
    """
    import uvicorn

    from coeduc.asgi import application

    config = uvicorn.Config(
        application, host="127.0.0.1", port=0, ws="wsproto", lifespan="off", log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    assert server.started, "uvicorn did not start"
    port = server.servers[0].sockets[0].getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    loop = server.servers[0].get_loop()
    serving = asyncio.run_coroutine_threadsafe(_tasks(), loop).result(10)
    ASGI_SERVERS[url] = lambda: asyncio.run_coroutine_threadsafe(_finished(serving), loop).result(
        DRAIN_SECONDS + 5
    )
    yield url
    del ASGI_SERVERS[url]
    server.should_exit = True
    thread.join(10)


# uvicorn's servers of `asgi_url`, by address: what waits until the requests and sockets of a
# test's pages are done with (`new_page` calls it once it has closed them).
ASGI_SERVERS: dict[str, Callable[[], None]] = {}
DRAIN_SECONDS = 10


async def _tasks() -> set:
    return asyncio.all_tasks() - {asyncio.current_task()}


async def _finished(serving: set) -> None:
    """Wait until the server's loop runs only what it ran before the tests (the server itself):
    a room's consumer still leaving (presence, the group) would otherwise write to the
    database while the test's teardown empties it ("database table is locked" on SQLite)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + DRAIN_SECONDS
    while (pending := await _tasks() - serving) and loop.time() < deadline:
        await asyncio.wait(pending, timeout=deadline - loop.time())


@pytest.fixture
def site_url(live_server, demo) -> str:
    """The live server's address, once the demo content is in its database."""
    return live_server.url


@pytest.fixture
def language() -> str:
    """The site language a test looks at; parametrize ``language`` to change it."""
    return "fr"


@pytest.fixture
def offsite_requests() -> list[str]:
    """Every request the pages of a test tried to make to another origin (all blocked)."""
    return []


@pytest.fixture
def console_errors() -> list[str]:
    """JavaScript errors and console errors (CSP violations among them) of a test's pages."""
    return []


def record_errors(page, errors: list[str]) -> None:
    """Keep the page's JavaScript errors and console errors (CSP violations among them)."""
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"{page.url}: {message.text}") if message.type == "error" else None
        ),
    )


@pytest.fixture
def new_page(browser, site_url, offsite_requests, console_errors) -> Iterator[Callable]:
    """Open a page in a fresh browser context (no cookies) on the live server.

    ``new_page(language="ar", width=320, bypass_csp=True)``. Only the test servers' origins
    are reachable (CHROMIUM_ARGS); any request or socket to another is recorded in
    ``offsite_requests``. Listening rather than routing: a Playwright route sends every
    request through this process and turns the browser's cache off (playwright#7220).
    """
    origin = urlsplit(site_url)
    contexts = []

    def same_origin(url: str) -> bool:
        parts = urlsplit(url)
        return (parts.hostname, parts.port) == (origin.hostname, origin.port)

    def record_offsite(url: str) -> None:
        if not same_origin(url) and not url.startswith(("data:", "blob:", "about:")):
            offsite_requests.append(url)

    watched = []

    def watch(page) -> None:
        if any(page is seen for seen in watched):
            return
        watched.append(page)
        page.on("websocket", lambda websocket: record_offsite(websocket.url))
        record_errors(page, console_errors)

    def open_page(
        language: str = "fr",
        width: int = PHONE["width"],
        height: int = PHONE["height"],
        bypass_csp: bool = False,
    ):
        context = browser.new_context(
            base_url=site_url,
            viewport={"width": width, "height": height},
            locale=BROWSER_LOCALES[language],
            timezone_id="Europe/Paris",
            bypass_csp=bypass_csp,
            service_workers="block",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        context.on("request", lambda request: record_offsite(request.url))
        context.on("page", watch)  # a page the site opens too
        page = context.new_page()
        watch(page)
        return page

    yield open_page
    for context in contexts:
        context.close()
    if site_url in ASGI_SERVERS:
        ASGI_SERVERS[site_url]()


@pytest.fixture
def page(new_page, language):
    """A phone-sized page (360×740) whose browser locale matches ``language``."""
    return new_page(language=language)
