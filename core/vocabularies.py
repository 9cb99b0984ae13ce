"""Coéduc's shared vocabularies: the topics families need help with, and lists of codes.

One list for guides, workshops, ambassadors and rooms, so that a parent's "Pronote" is the
same thing everywhere (the workshops on a guide's topic, an ambassador who helps with it…).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    ENT = "ent", _("Digital workspace (ENT) and school life")
    EDUCONNECT = "educonnect", _("EduConnect")
    PRONOTE = "pronote", _("Pronote")
    ECOLEDIRECTE = "ecoledirecte", _("ÉcoleDirecte")
    SCREENS_SLEEP = "screens_sleep", _("Screens and sleep")
    SAFETY_ONLINE = "safety_online", _("Safety online")
    PARENTS_SCHOOL = "parents_school", _("Parents and school together")
    EQUIPMENT = "equipment", _("Getting equipped")
    PAPERWORK = "paperwork", _("Online forms and paperwork")


def split_codes(value: str | None) -> list[str]:
    """ "fr, ar" → ["fr", "ar"]: how lists of codes are stored in one text column."""
    return [code.strip() for code in (value or "").split(",") if code.strip()]


def join_codes(codes) -> str:
    return ",".join(code for code in codes if code)
