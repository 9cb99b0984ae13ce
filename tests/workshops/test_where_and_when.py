"""A workshop page says the weekday, the postcode, and links to a map it does not load."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tests.factories import make_territory, make_venue, make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    guadeloupe = make_territory("971", "Guadeloupe", "America/Guadeloupe")
    venue = make_venue(
        territory=guadeloupe,
        commune="Pointe-à-Pitre",
        address="Rue Raphaël-Jernidier",
        postcode="97110",
    )
    starts = datetime(2030, 3, 6, 14, 0, tzinfo=ZoneInfo("America/Guadeloupe"))  # a Wednesday
    return make_workshop(venue=venue, starts_at=starts)


@pytest.mark.parametrize(
    ("language", "weekday"), [("fr", "mercredi"), ("en", "Wednesday"), ("ar", "الأربعاء")]
)
def test_the_date_has_its_weekday_on_the_page_and_in_the_list(workshop, language, weekday):
    client = Client(HTTP_HOST="localhost")
    assert weekday in client.get(f"/{language}/workshops/{workshop.pk}/").content.decode()
    assert weekday in client.get(f"/{language}/workshops/").content.decode()


def test_the_address_has_its_postcode_and_a_map_link_opened_by_the_person(workshop):
    content = Client(HTTP_HOST="localhost").get(f"/fr/workshops/{workshop.pk}/").content.decode()
    assert "Rue Raphaël-Jernidier, 97110 Pointe-à-Pitre" in content
    link = re.search(r'<a href="(https://www\.openstreetmap\.org/search\?[^"]+)"', content)
    assert link and "97110" in link.group(1)
    # Nothing on the page is loaded from another host: no map tiles, frames or scripts.
    for tag in re.findall(r"<(?:img|iframe|script|link)\b[^>]*>", content):
        assert "openstreetmap" not in tag and "://" not in tag.replace("schema.org", ""), tag
    assert '"postalCode": "97110"' in content


def test_a_postcode_has_five_digits(workshop):
    venue = workshop.venue
    venue.postcode = "9711"
    with pytest.raises(ValidationError):
        venue.full_clean()
