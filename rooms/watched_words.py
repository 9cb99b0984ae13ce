"""Watched words: the team's list, cached, applied to every message before it is saved.

The list is read from the cache (one key for all processes) and rebuilt from the database
when a word is saved or deleted (signals in `rooms.receivers`).
"""

import re

from django.core.cache import cache

CACHE_KEY = "rooms:watched-words:v1"
MASK = "***"


def _load() -> list[tuple[str, str]]:
    from .models import WatchedWord

    words = cache.get(CACHE_KEY)
    if words is None:
        words = list(WatchedWord.objects.values_list("word", "action"))
        cache.set(CACHE_KEY, words, timeout=None)
    return words


def invalidate(**_kwargs) -> None:
    cache.delete(CACHE_KEY)


def _pattern(word: str) -> re.Pattern:
    # Whole words only: "con" must not catch "contact".
    return re.compile(rf"(?<!\w){re.escape(word.strip())}(?!\w)", re.IGNORECASE)


def apply(text: str) -> tuple[str, bool]:
    """(text with masked words, held for review). Raises RoomError for a blocked word."""
    from .models import WatchedWord
    from .services import RoomError

    held = False
    for word, action in _load():
        pattern = _pattern(word)
        if not pattern.search(text):
            continue
        if action == WatchedWord.Action.BLOCK:
            raise RoomError("blocked_word")
        if action == WatchedWord.Action.MASK:
            text = pattern.sub(MASK, text)
        else:
            held = True
    return text, held
