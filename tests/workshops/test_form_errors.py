"""A rejected form says what is wrong at its top, each error linked to its field, and nothing
moves focus away from the first field in error (no anchor in the form's address)."""

import re

import pytest
from django.test import Client

from tests.factories import make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


def test_rejected_sign_up_has_an_error_summary_linking_to_the_fields(client):
    workshop = make_workshop()
    response = client.post(
        f"/fr/workshops/{workshop.pk}/",
        {"first_name": "Amina", "email": "pas une adresse", "seats": "1"},
    )
    content = response.content.decode()
    summary = re.search(r"<div[^>]*data-error-summary.*?</div>", content, re.S).group(0)
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    assert 'href="#id_email"' in summary and 'href="#id_consent"' in summary
    assert re.search(r'<input[^>]*id="id_email"[^>]*aria-invalid="true"', content) or re.search(
        r'<input[^>]*aria-invalid="true"[^>]*id="id_email"', content
    )
    # The form posts to the page itself: a #fragment would move focus to the heading.
    action = re.search(r'<form class="form" method="post" action="([^"]*)"', content).group(1)
    assert "#" not in action


def test_allauth_forms_have_the_error_summary_too(client):
    response = client.post("/ar/accounts/login/code/", {"email": "", "phone": "12"})
    content = response.content.decode()
    assert "data-error-summary" in content
    assert 'href="#id_phone"' in content


def test_no_error_summary_on_a_fresh_form(client):
    workshop = make_workshop()
    assert "data-error-summary" not in client.get(f"/fr/workshops/{workshop.pk}/").content.decode()
