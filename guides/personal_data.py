"""Personal data of the guides: the progress a parent keeps in their account.

Guide pages themselves are editors' published texts, not about anyone. Erasing an account
deletes the guides still in progress (a place to resume, for that person only) and keeps the
completed ones as the fact "this guide was read" with the steps list emptied: a completion
tied to an erased, empty account (see `parents.personal_data`) says nothing about anyone, and
the observatory's "guides read" figure stays the same.
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, Source, declare_not_personal, redact_log_entries, register

from .models import GuideIndexPage, GuidePage, GuideProgress, TopicPage


def _progress(person: Person):
    if not person.user_id:
        return GuideProgress.objects.none()
    return GuideProgress.objects.filter(user_id=person.user_id)


def _export_progress(person: Person):
    rows = _progress(person).select_related("page").order_by("updated_at", "pk")
    return [
        {
            "guide": row.page.title,
            "steps_done": row.completed_steps,
            "updated_at": row.updated_at.isoformat(),
            "completed_at": row.completed_at.isoformat() if row.completed_at else None,
        }
        for row in rows
    ]


def _erase_progress(person: Person) -> int:
    rows = _progress(person)
    redact_log_entries(GuideProgress, rows.values_list("pk", flat=True))
    deleted = rows.filter(completed_at__isnull=True).delete()[0]
    # update() leaves `updated_at` (auto_now) alone: the completion keeps its own dates.
    return deleted + rows.update(completed_steps=[])


def register_sources() -> None:
    """Called from `AppConfig.ready()` (idempotent)."""
    register(
        Source(
            name="guides.progress",
            label=_("Your progress in the guides"),
            covers={GuideProgress._meta.label: ("user", "completed_steps")},
            export=_export_progress,
            erase=_erase_progress,
            order=30,
        )
    )

    declare_not_personal(
        GuideIndexPage._meta.label, ["intro"], "An editor's published introduction to the guides."
    )
    declare_not_personal(TopicPage._meta.label, ["intro"], "An editor's published topic page.")
    declare_not_personal(
        GuidePage._meta.label,
        ["promise", "what_you_need", "search_text"],
        "A published guide written by the content team (and its search copy).",
    )
