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
from typing import Any

from django.db import transaction


@dataclass(frozen=True)
class Person:
    """Whose data: an account (`user`), or a guest's contacts, or both."""

    user: Any = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @classmethod
    def for_user(cls, user) -> Person:
        return cls(
            user=user,
            emails=tuple(e for e in [user.email] if e),
            phones=tuple(p for p in [user.phone] if p),
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
PERSONAL_NAME_HINTS = ("email", "phone", "name", "note", "comment", "text", "body", "details")


def looks_personal(field_) -> bool:
    from django.db import models

    if isinstance(field_, models.EmailField | models.GenericIPAddressField):
        return True
    if not isinstance(field_, models.CharField | models.TextField | models.JSONField):
        return False
    if field_.choices:
        return False
    return isinstance(field_, models.TextField) or any(
        hint in field_.name for hint in PERSONAL_NAME_HINTS
    )
