"""Workshops in a real browser on a small phone (360×740): a parent finds a workshop, signs up
as a guest, reads the confirmation e-mail, opens its link and cancels; the family waiting
gets the place; a facilitator checks someone in at the door. axe-core checks every page.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from .a11y import assert_accessible

pytestmark = pytest.mark.browser

FACILITATOR = ("animatrice@demo.coeduc.fr", "coeduc-demo")


@pytest.fixture
def workshop(demo):
    """One place only, at a venue of the demo facilitator's organisation."""
    from parents.models import Organisation
    from workshops.models import Venue, Workshop

    ligue = Organisation.objects.get(name="Ligue de l'Enseignement")
    venue = Venue.objects.filter(organisation=ligue).order_by("pk").first()
    starts_at = timezone.now() + timedelta(days=3)
    return Workshop.objects.create(
        organisation=ligue,
        venue=venue,
        title="Atelier du navigateur",
        description="Pronote sur le téléphone.",
        topic=Workshop.Topic.PRONOTE,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=1,
        status=Workshop.Status.PUBLISHED,
        waitlist_enabled=True,
    )


def sign_up(page, workshop, first_name, email):
    page.goto(f"/fr/workshops/{workshop.pk}/")
    page.get_by_role("textbox", name=re.compile("prénom|first name", re.I)).fill(first_name)
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=consent]").check()
    page.locator("form.form button[type=submit]").click()
    # The browser keeps the form's #sign-up fragment across the redirect.
    page.wait_for_url(re.compile(r"/workshops/r/[^/]+/done/"))


def path_of_link(body: str, suffix: str = "") -> str:
    """The manage link of an e-mail, as a path on the live server."""
    match = re.search(r"https?://[^/\s]+(/fr/workshops/r/[^/\s]+/)" + suffix, body)
    assert match, body
    return match.group(1)


def test_parent_signs_up_cancels_and_the_waiting_family_gets_the_place(
    new_page, workshop, console_errors
):
    from workshops.models import Registration

    page = new_page(bypass_csp=True)  # axe-core is injected into the pages
    page.goto("/fr/workshops/")
    assert_accessible(page)
    page.locator("input[name=commune]").fill(workshop.venue.commune)
    page.get_by_role("button", name=re.compile("Afficher|Show", re.I)).click()
    page.get_by_role("link", name="Atelier du navigateur").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Atelier du navigateur")
    assert_accessible(page)

    # The sign-up form, first sent empty: errors tied to their fields, still accessible.
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    assert_accessible(page)

    mail.outbox.clear()
    sign_up(page, workshop, "Amina", "amina@example.org")
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("inscri|signed", re.I))
    assert_accessible(page)
    [confirmation] = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    assert confirmation.attachments, "the .ics is attached"

    # A second family: the only place is taken, so it waits.
    other = new_page()
    sign_up(other, workshop, "Bruno", "bruno@example.org")
    expect(other.locator("main")).to_contain_text(re.compile("attente|waiting", re.I))
    bruno = Registration.objects.get(email="bruno@example.org")
    assert bruno.status == Registration.Status.WAITLISTED

    # Amina opens the link of her e-mail and gives her place up.
    page.goto(path_of_link(confirmation.body))
    page.get_by_role("link", name=re.compile("Annuler mes places|Cancel my places", re.I)).click()
    page.get_by_role("button", name=re.compile("Oui|Yes", re.I)).click()
    expect(page.locator("main")).to_contain_text(re.compile("annulée|cancelled", re.I))

    bruno.refresh_from_db()
    assert bruno.status == Registration.Status.CONFIRMED
    assert any(m.to == ["bruno@example.org"] for m in mail.outbox[1:])
    assert console_errors == []


def test_facilitator_checks_a_family_in_on_a_phone(new_page, workshop, console_errors):
    from workshops import services

    amina = services.register(workshop, first_name="Amina", email="amina@example.org")
    page = new_page(bypass_csp=True)
    page.goto("/fr/accounts/login/")
    page.locator("details summary").click()  # "I have a password"
    page.locator("input[name=login]").fill(FACILITATOR[0])
    page.locator("input[name=password]").fill(FACILITATOR[1])
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(re.compile(r"/fr/(?!accounts/login)"))

    page.goto("/fr/workshops/manage/")
    page.get_by_role("link", name="Atelier du navigateur").click()
    page.get_by_role("link", name=re.compile("Pointer les présents|Check people in", re.I)).click()
    assert_accessible(page)
    button = page.get_by_role("button", name=re.compile("Amina"))
    expect(button).to_have_attribute("aria-pressed", "false")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] <= 360
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    amina.refresh_from_db()
    assert amina.attended is True
    assert console_errors == []
