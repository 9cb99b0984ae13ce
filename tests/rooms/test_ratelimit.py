"""rooms.ratelimit: a sliding window in the shared cache (Redis, or this process's memory),
one round trip a post, and two posts at once cannot both take the last place."""

import threading
import uuid

from django.core.cache import cache

from rooms import ratelimit


def key() -> str:
    return f"rooms:rate:test-{uuid.uuid4().hex}"


def test_at_most_the_limit_in_any_window_and_a_refusal_takes_no_place():
    person, other = key(), key()
    cache.set("rooms:test:read", "v7")
    taken = [ratelimit.take(person, 3, 10, 1000.0 + t, "rooms:test:read") for t in range(5)]
    assert taken == [(True, "v7")] * 3 + [(False, "v7")] * 2
    assert ratelimit.take(other, 3, 10, 1004.0, "rooms:test:read")[0]  # per key
    # The first place is free 10 s after it was taken; the refused ones never took any.
    assert not ratelimit.take(person, 3, 10, 1009.9, "rooms:test:read")[0]
    assert ratelimit.take(person, 3, 10, 1010.0, "rooms:test:read") == (True, "v7")
    assert not ratelimit.take(person, 3, 10, 1010.5, "rooms:test:read")[0]
    assert ratelimit.take(person, 3, 10, 1011.0, "rooms:test:missing") == (True, None)


def test_posts_at_once_take_no_more_places_than_the_limit():
    person = key()
    start = threading.Barrier(20)
    results = []

    def post():
        start.wait()
        results.append(ratelimit.take(person, 5, 10, 1000.0, "rooms:test:read")[0])

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 5
