"""Text people type is stored as typed and escaped once, when shown (review #13, item 11)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ambassadors.models import Mentorship
from core.sanitize import plain_text
from tests.factories import make_user, make_volunteer

pytestmark = pytest.mark.django_db

NOTE = "Papa & maman … < 10 ans, l'appli « Pronote »"
ONCE = "Papa &amp; maman … &lt; 10 ans, l&#x27;appli « Pronote »"


def client_for(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_plain_text_drops_tags_and_escapes_nothing():
    assert plain_text("<b>Papa</b> & maman < 10<script>x</script>") == "Papa & maman < 10x"
    assert plain_text(None) == ""


def test_a_mentoring_note_is_escaped_once_for_its_readers(aisne, ligue, facilitator):
    ambassador = make_volunteer(
        territory=aisne, at="ambassador", in_directory=True, organisation=ligue
    )
    family = make_user("Kévin", territory=aisne)
    client_for(family).post(
        reverse("ambassadors:mentoring_ask") + f"?ambassador={ambassador.pk}",
        {"topic": "pronote", "message": NOTE, "territory": aisne.pk},
    )
    mentorship = Mentorship.objects.get(family=family)
    writer = client_for(ambassador.user)
    writer.post(reverse("ambassadors:mentoring_accept", args=[mentorship.pk]))
    writer.post(
        reverse("ambassadors:mentoring_log", args=[mentorship.pk]),
        {
            "date": timezone.localdate().isoformat(),
            "duration_minutes": 30,
            "topics": ["pronote"],
            "private_note": NOTE,
        },
    )

    assert mentorship.sessions.get().private_note == NOTE
    url = reverse("ambassadors:mentorship", args=[mentorship.pk])
    for reader in (ambassador.user, facilitator):
        page = client_for(reader).get(url).content.decode()
        # The family's message and the private note, each escaped once.
        assert page.count(ONCE) == 2, page
        assert "&amp;amp;" not in page and "&amp;lt;" not in page
