"""Signal receivers of the rooms: every process reads the watched words again after a change."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import watched_words
from .models import WatchedWord


@receiver(post_save, sender=WatchedWord)
@receiver(post_delete, sender=WatchedWord)
def watched_words_changed(**kwargs):
    watched_words.changed()
