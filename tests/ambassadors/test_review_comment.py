"""The volunteer's e-mail after a review carries the facilitator's comment."""

import pytest
from django.core import mail

from ambassadors import services
from tests.factories import make_volunteer

pytestmark = pytest.mark.django_db


def test_the_review_email_carries_the_facilitators_comment(
    aisne, ligue, facilitator, django_capture_on_commit_callbacks
):
    volunteer = make_volunteer(territory=aisne, at="volunteer", organisation=ligue)
    with django_capture_on_commit_callbacks(execute=True):
        services.review(
            facilitator, volunteer, decision="more", message="Venez à l’atelier Pronote de mai."
        )
    (email,) = [m for m in mail.outbox if volunteer.user.email in m.to]
    assert "Venez à l’atelier Pronote de mai." in email.body
