"""Personal data of the observatory: who exported figures (the figures themselves are counts).

Two more sources frame every erasure (first and last in the registry's order): they take the
open months' figures before the apps erase and store the difference afterwards, so that the
published figures stay the same whatever an app's erasure removes.
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, Source, declare_not_personal, register

from . import summary
from .models import ExportLog, FigureAdjustment, MonthlyFigures


def _export_exports(person: Person):
    if not person.user_id:
        return []
    return [
        {
            "territory": str(row.territory),
            "format": row.format,
            "filters": row.filters,
            "exported_at": row.created_at.isoformat(),
        }
        for row in ExportLog.objects.filter(user_id=person.user_id).select_related("territory")
    ]


def _erase_exports(person: Person) -> int:
    # The log stays (what was exported, when, by which role); the link to the account goes.
    if not person.user_id:
        return 0
    return ExportLog.objects.filter(user_id=person.user_id).update(user=None)


def _nothing(person: Person):
    return []


def _before(person: Person) -> int:
    summary.before_erasure()
    return 0


def _after(person: Person) -> int:
    return summary.after_erasure()


def register_sources() -> None:
    """Called from `AppConfig.ready()` (idempotent)."""
    register(
        Source(
            name="observatory.exports",
            label=_("Exports of territory figures you made (as a pilot)"),
            covers={ExportLog._meta.label: ("user",)},
            export=_export_exports,
            erase=_erase_exports,
            order=50,
        )
    )
    register(
        Source(
            name="observatory.figures_before",
            label=_("Territory figures (counts only, nothing about you)"),
            covers={},
            export=_nothing,
            erase=_before,
            order=-1000,
        )
    )
    register(
        Source(
            name="observatory.figures_after",
            label=_("Territory figures (counts only, nothing about you)"),
            covers={},
            export=_nothing,
            erase=_after,
            order=1000,
        )
    )
    for model in (MonthlyFigures, FigureAdjustment):
        declare_not_personal(
            model._meta.label, ["commune"], "A commune's name in anonymous counts."
        )
