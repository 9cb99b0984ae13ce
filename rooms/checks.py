"""System checks of the rooms: voice messages' recordings must never be reachable by address."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register


@register()
def voice_root_is_private(app_configs=None, **kwargs):
    """ROOMS_VOICE_ROOT inside MEDIA_ROOT or STATIC_ROOT would put the recordings at a public
    address (/media/… is served to anyone), bypassing the rooms' permission check."""
    voice = Path(settings.ROOMS_VOICE_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, name)).resolve()
        if voice == public or voice.is_relative_to(public):
            errors.append(
                Error(
                    f"ROOMS_VOICE_ROOT ({voice}) is inside {name} ({public}): voice messages "
                    "would be served to anyone.",
                    hint="Keep the recordings outside the public folders (var/private/voice).",
                    id="rooms.E001",
                )
            )
    return errors
