"""Signal receivers of the rooms: every process reads the watched words again after a change;
a recording's file goes with its row (a room deleted, a message or a question purged)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import voice, watched_words
from .models import HelpRequest, Message, WatchedWord


@receiver(post_save, sender=WatchedWord)
@receiver(post_delete, sender=WatchedWord)
def watched_words_changed(**kwargs):
    watched_words.changed()


@receiver(post_delete, sender=Message)
@receiver(post_delete, sender=HelpRequest)
def recorded_row_deleted(instance, **kwargs):
    voice.discard_after_commit(instance.voice.name)
