"""After a rejected form, focus lands on the first field in error (not on an anchor), and a
link of the error summary moves focus to its field. Real Chromium on a small phone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def workshop(demo):
    from parents.models import Organisation
    from workshops.models import Venue, Workshop

    ligue = Organisation.objects.get(name="Ligue de l'Enseignement")
    venue = Venue.objects.filter(organisation=ligue).order_by("pk").first()
    starts_at = timezone.now() + timedelta(days=3)
    return Workshop.objects.create(
        organisation=ligue,
        venue=venue,
        title="Atelier du focus",
        topic=Workshop.Topic.PRONOTE,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=5,
        status=Workshop.Status.PUBLISHED,
    )


def active_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_focus_goes_to_the_field_in_error_not_the_first_field(
    new_page, workshop, console_errors, language
):
    page = new_page()
    page.goto(f"/{language}/workshops/{workshop.pk}/")
    page.locator("input[name=first_name]").fill("Amina")
    page.locator("input[name=email]").fill("pas une adresse")
    page.locator("input[name=consent]").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_selector("[data-error-summary]")
    expect(page.locator("#id_email")).to_be_focused()
    assert "#" not in page.url

    # The summary's link to a field focuses that field.
    page.locator("input[name=first_name]").focus()
    page.locator("[data-error-summary] a[href='#id_email']").click()
    assert active_id(page) == "id_email"
    assert console_errors == []


def test_sign_in_code_page_focuses_its_error(new_page, demo, console_errors):
    page = new_page()
    page.goto("/fr/accounts/login/code/")
    page.locator("form.form button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert re.search("e-mail|portable", summary.inner_text(), re.I)
    expect(summary).to_be_focused()
    assert console_errors == []
