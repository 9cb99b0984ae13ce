"""The personal-data registry: what each app keeps about a person, and how to export or erase it.

Like pretix's data shredders: each app declares its sources in its own `personal_data.py`
and registers them from its `AppConfig.ready()`. The export and erasure screens, the guest
requests and the coverage test all go through `sources()`, so a new app is covered the day
it registers, and a personal field nobody registered makes the test suite fail.

A person is an account, or a guest known only by the contacts they gave (e-mail, phone).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Concat


@dataclass(frozen=True)
class Person:
    """Whose data: an account (`user`), or a guest's contacts, or both."""

    user: Any = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @classmethod
    def for_user(cls, user) -> Person:
        """The account with every contact it has proven (its other allauth addresses too, so a
        guest sign-up made with one of them is found). An unproven contact may be someone
        else's: her guest data is not this account's to export or erase."""
        emails = [user.email]
        if user.pk and apps.is_installed("allauth.account"):
            from allauth.account.models import EmailAddress

            emails = list(
                EmailAddress.objects.filter(user=user, verified=True).values_list(
                    "email", flat=True
                )
            )
        phone_proven = getattr(user, "phone_verified", True)
        return cls(
            user=user,
            emails=tuple(dict.fromkeys(e for e in emails if e)),
            phones=tuple(p for p in [user.phone] if p and phone_proven),
        )

    @classmethod
    def guest(cls, email: str = "", phone: str = "") -> Person:
        return cls(emails=tuple(e for e in [email] if e), phones=tuple(p for p in [phone] if p))

    @property
    def user_id(self):
        return getattr(self.user, "pk", None)


@dataclass(frozen=True)
class Source:
    """One kind of personal data an app keeps.

    `covers` maps "app_label.Model" to the personal fields this source exports and erases.
    `export(person)` returns JSON-ready data (a list of dicts, or a dict); `erase(person)`
    removes or anonymises it and returns how many rows it touched. Erasure must keep
    anonymous counts (a registration becomes an anonymous place, a message "deleted account").
    """

    name: str
    label: Any
    covers: dict[str, tuple[str, ...]]
    export: Callable[[Person], Any]
    erase: Callable[[Person], int]
    order: int = 100  # erased in this order (dependants first)


@dataclass
class _Registry:
    sources: dict[str, Source] = field(default_factory=dict)
    # "app_label.Model.field" → why it is not personal data (e.g. a venue's name).
    not_personal: dict[str, str] = field(default_factory=dict)


_registry = _Registry()


def register(source: Source) -> Source:
    """Add a source (idempotent by name: `ready()` may run twice in tests)."""
    _registry.sources[source.name] = source
    return source


def declare_not_personal(model_label: str, fields: Iterable[str], reason: str) -> None:
    """Say that fields which look personal (a name, free text) are not about a person."""
    for name in fields:
        _registry.not_personal[f"{model_label}.{name}"] = reason


def sources() -> list[Source]:
    return sorted(_registry.sources.values(), key=lambda source: (source.order, source.name))


def covered_fields() -> set[str]:
    """Every "app_label.Model.field" a source exports and erases, or declared not personal."""
    fields = set(_registry.not_personal)
    for source in _registry.sources.values():
        for model_label, names in source.covers.items():
            fields.update(f"{model_label}.{name}" for name in names)
    return fields


def export_person(person: Person) -> dict[str, Any]:
    """Everything every app keeps about the person, by source name."""
    return {source.name: source.export(person) for source in sources()}


def erase_person(person: Person) -> dict[str, int]:
    """Erase or anonymise the person's data everywhere, in one transaction."""
    with transaction.atomic():
        return {source.name: source.erase(person) for source in sources()}


# Fields whose name or type says "this may be about a person". The coverage test asks that
# each one of Coéduc's models is covered by a source or declared not personal.
PERSONAL_NAME_HINTS = (
    "email",
    "phone",
    "contact",
    "name",
    "address",
    "commune",
    "note",
    "comment",
    "message",
    "reason",
    "motivation",
    "availability",
    "text",
    "body",
    "subject",
    "details",
)


def looks_personal(field_) -> bool:
    if isinstance(field_, models.EmailField | models.GenericIPAddressField):
        return True
    if not isinstance(field_, models.CharField | models.TextField | models.JSONField):
        return False
    if field_.choices:
        return False
    return isinstance(field_, models.TextField) or any(
        hint in field_.name for hint in PERSONAL_NAME_HINTS
    )


def own_models() -> list[type[models.Model]]:
    """The models of Coéduc's own apps: those whose code lives in the checkout (not in the
    virtualenv), so an app added tomorrow is checked without being listed anywhere."""
    root = Path(settings.BASE_DIR).resolve()
    found = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if not path.is_relative_to(root) or any(
            part in ("site-packages", ".venv") for part in path.parts
        ):
            continue
        found.extend(config.get_models())
    return found


def uncovered_fields(model_list=None) -> list[str]:
    """The "app_label.Model.field" that look personal and that no source covers nor any
    declaration says is not personal. Fields inherited from another app's model (a Wagtail
    page's title) belong to that app and are left out."""
    covered = covered_fields()
    missing = []
    for model in own_models() if model_list is None else model_list:
        for field_ in model._meta.local_fields:
            key = f"{model._meta.label}.{field_.name}"
            if looks_personal(field_) and key not in covered:
                missing.append(key)
    return missing


def unknown_covered_fields() -> list[str]:
    """Covered or declared fields that no model has (a typo, or a field renamed since)."""
    unknown = []
    for key in sorted(covered_fields()):
        model_label, _dot, name = key.rpartition(".")
        try:
            model = apps.get_model(model_label)
            model._meta.get_field(name)
        except (LookupError, ValueError, FieldDoesNotExist):
            unknown.append(key)
    return unknown


def redact_log_entries(model, pks: Iterable) -> int:
    """Replace what the admin logs remember of these objects (their `__str__` at the time,
    which may hold a name) by "<model> #<id>": nothing personal may outlive an erasure.

    Covers Wagtail's model log entries and Django's admin log; the log rows themselves stay,
    so the history keeps its shape.
    """
    from django.contrib.contenttypes.models import ContentType

    ids = [str(pk) for pk in pks]
    if not ids:
        return 0
    content_types = {
        ContentType.objects.get_for_model(model, for_concrete_model=False).pk,
        ContentType.objects.get_for_model(model).pk,
    }
    prefix = Value(f"{model._meta.model_name} #")
    changed = 0
    for start in range(0, len(ids), 500):  # SQLite's limit on query parameters
        chunk = ids[start : start + 500]
        if apps.is_installed("wagtail"):
            from wagtail.models import ModelLogEntry

            changed += ModelLogEntry.objects.filter(
                content_type_id__in=content_types, object_id__in=chunk
            ).update(label=Concat(prefix, "object_id", output_field=models.TextField()), data={})
        if apps.is_installed("django.contrib.admin"):
            from django.contrib.admin.models import LogEntry

            changed += LogEntry.objects.filter(
                content_type_id__in=content_types, object_id__in=chunk
            ).update(object_repr=Concat(prefix, "object_id", output_field=models.TextField()))
    return changed
