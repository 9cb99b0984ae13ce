"""`/healthz`: can this worker serve? Database, cache and channel layer, each really checked."""

import asyncio
import inspect
import logging
import uuid
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

CHECK_TIMEOUT_SECONDS = 3


def _check_database() -> None:
    # Runs in a thread of its own (see healthz): a database that hangs must not block the
    # request's thread, and the connection is closed (given back to the pool) at once.
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            if cursor.fetchone()[0] != 1:
                raise RuntimeError("unexpected answer")
    finally:
        connection.close()


def _check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("value not read back")
    cache.delete(key)


async def _check_channel_layer() -> None:
    """A message sent to a fresh channel must come back: a full round-trip through the layer."""
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    token = uuid.uuid4().hex
    await layer.send(channel, {"type": "healthz.ping", "token": token})
    message = await layer.receive(channel)
    if message.get("token") != token:
        raise RuntimeError("message not received back")


# Each blocking check has threads of its own: in the loop's default pool it queued behind the
# room frames waiting for a database that was down, and a healthy cache was reported as failed
# (tests/deploy/test_faults.py). Two each, so one check left hanging does not block the next.
_EXECUTORS = {
    name: ThreadPoolExecutor(max_workers=2, thread_name_prefix=f"healthz-{name}")
    for name in ("database", "cache")
}


async def _run(name: str, check) -> tuple[str, str]:
    try:
        if inspect.iscoroutinefunction(check):
            await asyncio.wait_for(check(), CHECK_TIMEOUT_SECONDS)
        else:
            worker = sync_to_async(check, thread_sensitive=False, executor=_EXECUTORS[name])
            await asyncio.wait_for(worker(), CHECK_TIMEOUT_SECONDS)
    except Exception as error:  # noqa: BLE001 — any failure means "not healthy"
        logger.warning("healthz: %s failed: %r", name, error)
        return name, "error"
    return name, "ok"


async def healthz(request):
    # At once: a dependency that hangs costs CHECK_TIMEOUT_SECONDS, not that times three.
    results = dict(
        await asyncio.gather(
            _run("database", _check_database),
            _run("cache", _check_cache),
            _run("channel_layer", _check_channel_layer),
        )
    )
    healthy = all(state == "ok" for state in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results},
        status=200 if healthy else 503,
        headers={"Cache-Control": "no-store"},
    )
