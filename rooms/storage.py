"""Where voice messages' recordings are kept: ROOMS_VOICE_ROOT, outside MEDIA_ROOT, without any
public address. Only `rooms.views_voice` answers for a file, after checking who asks."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="rooms.storage.VoiceStorage")
class VoiceStorage(FileSystemStorage):
    # Read from the settings on each use rather than once: the tests point it elsewhere.
    @property
    def base_location(self):
        return settings.ROOMS_VOICE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A voice message has no public address: it is served by rooms:voice.")


voice_storage = VoiceStorage()
