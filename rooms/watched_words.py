"""Watched words: the team's list, kept in each process, applied to every message before saving.

Each process keeps the list, compiled, with the version it was read under. The version is one
key in the shared cache, read in the post's one round trip with the rate limit
(`rooms.ratelimit`); it is replaced when a word is saved or deleted (signals in
`rooms.receivers`), so the next post in every process reads the list again, and only then.
"""

import re
import secrets

from django.core.cache import cache
from django.db import transaction

from .errors import RoomError
from .models import WatchedWord

VERSION_KEY = "rooms:watched-words:version"
MASK = "***"

# (the version the list was read under, [(pattern, action)]). Replaced whole, never changed in
# place: a thread reading it meanwhile sees the old list or the new one.
_kept: tuple[object, list[tuple[re.Pattern, str]]] = (None, [])


def _new_version() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def changed(**_kwargs) -> None:
    """The list changed: a new version now, for this transaction's own next reads, and again
    once the change is committed, for the other processes (one that read the list in between
    read the old rows, under the first version)."""
    _new_version()
    transaction.on_commit(_new_version, robust=True)


def current_version():
    """The version, read alone (for a caller that skips the rate limit: the demo loader)."""
    return cache.get(VERSION_KEY)


def _pattern(word: str) -> re.Pattern:
    # Whole words only: "con" must not catch "contact".
    return re.compile(rf"(?<!\w){re.escape(word.strip())}(?!\w)", re.IGNORECASE)


def _words(version) -> list[tuple[re.Pattern, str]]:
    global _kept
    if version is not None and _kept[0] == version:
        return _kept[1]
    if version is None:
        # No version in the cache (a first start, an emptied cache): one for every process,
        # set before the list is read, so that a list is never newer-labelled than its rows.
        token = secrets.token_hex(8)
        version = token if cache.add(VERSION_KEY, token, timeout=None) else current_version()
    words = [(_pattern(w), a) for w, a in WatchedWord.objects.values_list("word", "action")]
    _kept = (version, words)
    return words


def apply(text: str, version) -> tuple[str, bool]:
    """(text with masked words, held for review), with the list of `version` (the cache's, read
    by the caller). Raises RoomError for a blocked word."""
    held = False
    for pattern, action in _words(version):
        if not pattern.search(text):
            continue
        if action == WatchedWord.Action.BLOCK:
            raise RoomError("blocked_word")
        if action == WatchedWord.Action.MASK:
            text = pattern.sub(MASK, text)
        else:
            held = True
    return text, held
