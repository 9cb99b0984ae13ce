"""The posts' rate limit, in one round trip to the shared cache that also reads another key.

A post used to cost three round trips to Redis before its INSERT: the person's recent posts
(get), the same list updated (set), and the watched words. Here one call takes a place in the
person's sliding window and reads a key beside it (the watched words' version, see
`rooms.watched_words`). On Redis it is one Lua script, so two processes taking the last place
at once cannot both have it; on the local-memory cache (one process) a lock does the same.
"""

import threading
import uuid

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache

# KEYS[1]: the person's recent posts, a sorted set scored by time; KEYS[2]: the key to read.
# ARGV: now, window (whole seconds), limit, a member unique to this post.
# Returns {1 if a place was taken else 0, the value of KEYS[2]} (a nil value ends the table).
SCRIPT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local taken = 0
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  taken = 1
end
return {taken, redis.call('GET', KEYS[2])}
"""

_local_lock = threading.Lock()


class CacheUnavailable(Exception):
    """The shared cache did not answer (Redis down or restarting)."""


def take(key: str, limit: int, window: int, now: float, read_key: str) -> tuple[bool, object]:
    """(a place was free in `key`'s window and is now taken, the value of `read_key`).

    At most `limit` places in any `window` seconds: a place is taken at `now` and freed
    `window` seconds later. A refused attempt takes no place."""
    backend = caches[DEFAULT_CACHE_ALIAS]  # (`cache` is a proxy: not an instance of its class)
    if isinstance(backend, RedisCache):
        return _take_on_redis(backend, key, limit, window, now, read_key)
    return _take_locally(key, limit, window, now, read_key)


def _take_on_redis(backend, key, limit, window, now, read_key):
    from redis.exceptions import RedisError

    client = backend._cache.get_client(write=True)
    keys = [backend.make_and_validate_key(key), backend.make_and_validate_key(read_key)]
    # Run by its hash (EVALSHA); redis-py loads it again by itself when Redis has forgotten it
    # (a restart): one round trip, two the first time.
    script = client.register_script(SCRIPT)
    try:
        result = script(keys, [repr(now), window, limit, uuid.uuid4().hex])
    except RedisError as error:
        raise CacheUnavailable from error
    value = result[1] if len(result) > 1 else None
    # Stored by Django's cache (pickled but for integers): read back as the cache API would.
    return bool(result[0]), None if value is None else backend._cache._serializer.loads(value)


def _take_locally(key, limit, window, now, read_key):
    # The local-memory cache belongs to this process: the lock makes read-and-write one step.
    # (Another shared backend, such as the database cache, would be two steps, not atomic.)
    with _local_lock:
        values = cache.get_many([key, read_key])
        recent = [t for t in values.get(key, []) if now - t < window]
        taken = len(recent) < limit
        if taken:
            cache.set(key, [*recent, now][-limit:], timeout=window)
    return taken, values.get(read_key)
