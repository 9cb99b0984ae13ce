"""Personal data of the home page: none (its texts are the editors'), declared for the registry."""

from core.personal_data import declare_not_personal

from .models import HomePage


def register_sources() -> None:
    """Called from `AppConfig.ready()` (idempotent)."""
    declare_not_personal(
        HomePage._meta.label, ["headline", "intro"], "The home page's published texts."
    )
