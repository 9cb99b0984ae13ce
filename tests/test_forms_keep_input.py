"""Every form gives back what was typed when it has an error (and date fields keep their date)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from ambassadors import mentoring
from ambassadors.forms import SessionForm
from tests.factories import (
    make_facilitator,
    make_organisation,
    make_territory,
    make_user,
    make_venue,
    make_volunteer,
    make_workshop,
)

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _mentoring_log():
    territory = make_territory()
    ambassador = make_volunteer(territory=territory, at="ambassador")
    family = make_user("Kévin", territory=territory)
    mentorship = mentoring.request_mentoring(
        family, ambassador=ambassador, topic="pronote", message="Aide", territory=territory
    )
    mentoring.accept_mentorship(ambassador.user, mentorship)
    typed = {
        "date": "2026-03-14",
        "duration_minutes": "2",  # below the minimum: the error
        "topics": ["pronote", "ent"],
        "private_note": "Revoir l'appli avec son fils, mercredi.",
    }
    url = reverse("ambassadors:mentoring_log", args=[mentorship.pk])
    return _client(ambassador.user), url, typed


def _mentoring_ask():
    territory = make_territory()
    ambassador = make_volunteer(territory=territory, at="ambassador", in_directory=True)
    family = make_user("Kévin", territory=territory)
    url = reverse("ambassadors:mentoring_ask") + f"?ambassador={ambassador.pk}"
    typed = {"topic": "", "message": "Je ne trouve pas les notes du trimestre."}
    return _client(family), url, typed


def _apply():
    user = make_user("Samira")
    typed = {
        "motivation": "Aider les parents de l'école Jean-Macé.",
        "availability": "Le mercredi après-midi",
        "commune": "Laon",
        "languages": ["fr", "ar"],
        # consent missing: the error
    }
    return _client(user), reverse("ambassadors:apply"), typed


def _series():
    organisation = make_organisation()
    facilitator = make_facilitator(organisation, "claire@example.org")
    make_venue(organisation=organisation)
    typed = {
        "organisation": str(organisation.pk),
        "title": "Pronote en famille",
        "description": "Quatre séances pour prendre en main Pronote.",
        "first_date": "2026-03-14",
        "start_time": "18:30",
        "duration_minutes": "90",
        "sessions": "0",  # below the minimum: the error
        "languages": "fr,ar",
        "capacity": "12",
    }
    return _client(facilitator), reverse("workshops:manage_series_create"), typed


def _message():
    organisation = make_organisation()
    facilitator = make_facilitator(organisation, "claire@example.org")
    workshop = make_workshop(venue=make_venue(organisation=organisation))
    typed = {"subject": "Changement de salle", "body": "", "channels": ["sms"]}
    return _client(facilitator), reverse("workshops:manage_message", args=[workshop.pk]), typed


def _values(soup, name):
    fields = soup.find_all(["input", "textarea", "select"], attrs={"name": name})
    assert fields, f"no field {name}"
    if fields[0].name == "textarea":
        return fields[0].get_text().strip()
    if fields[0].name == "select":
        selected = fields[0].find("option", selected=True)
        return selected["value"] if selected else ""
    if fields[0].get("type") == "checkbox":
        return sorted(field["value"] for field in fields if field.has_attr("checked"))
    return fields[0].get("value", "")


SCENARIOS = [_mentoring_log, _mentoring_ask, _apply, _series, _message]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda f: f.__name__)
def test_an_invalid_form_gives_back_every_typed_value(scenario):
    client, url, typed = scenario()
    with translation.override("fr"):
        response = client.post(url, typed)
    assert response.status_code in (200, 400), "the form comes back, not a redirect"
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(".errorlist, [aria-invalid=true], .form-errors"), "an error is shown"
    for name, value in typed.items():
        expected = sorted(value) if isinstance(value, list) else value
        assert _values(soup, name) == expected, name


def test_the_session_date_is_prefilled_in_the_format_the_date_input_reads():
    with translation.override("fr"):
        html = str(SessionForm()["date"])
    assert f'value="{timezone.localdate().isoformat()}"' in html
    assert 'type="date"' in html
