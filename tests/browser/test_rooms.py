"""Help rooms in a real browser on a small phone (360×740), live over WebSocket.

Django's live server speaks WSGI only, so these pages are served by uvicorn running the
project's ASGI application in a thread of the test process, on the same test database: pages,
static files and the WebSocket come from one origin, as in production. Two parents exchange
messages live; a parent asks for help and the ambassador on duty claims it; the same room works
without JavaScript; axe-core finds nothing on any room page, in French and in Arabic.
"""

import re

import pytest
from playwright.sync_api import expect

from . import checks
from .a11y import assert_accessible
from .conftest import BROWSER_LOCALES, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.asgi]

ROOM = "/{lang}/rooms/pronote-ent-aisne/"
SAMIRA, JULIE = "parent@demo.coeduc.fr", "parent2@demo.coeduc.fr"
MOURAD, CLAIRE = "ambassadeur@demo.coeduc.fr", "animatrice@demo.coeduc.fr"
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def site_url(demo, asgi_url):
    """Pages, static files and the WebSocket from uvicorn, with the demo content."""
    return asgi_url


def signed_in(new_page, site_url, email, bypass_csp=False, **options):
    """A page signed in as ``email``, under the site's own CSP unless axe-core needs it off."""
    return checks.signed_in(new_page, site_url, email, bypass_csp=bypass_csp, **options)


def live(page):
    """Wait until the page's socket is open and has caught up."""
    expect(page.locator("[data-status]")).to_have_text(re.compile("Connecté|Connected|متصل"))


def test_two_parents_exchange_messages_live(new_page, site_url, console_errors):
    samira = signed_in(new_page, site_url, SAMIRA)
    julie = signed_in(new_page, site_url, JULIE)
    for page in (samira, julie):
        page.goto(ROOM.format(lang="fr"))
        live(page)
    expect(samira.locator("[data-presence] li")).to_have_count(2)

    samira.get_by_label("Votre message").fill("Bonjour Julie, le Cahier de textes est en bas.")
    samira.get_by_role("button", name="Envoyer", exact=True).click()

    message = julie.locator(".room-messages li", has_text="le Cahier de textes est en bas")
    expect(message).to_be_visible()
    expect(message.locator(".msg__author")).to_have_text("Samira")
    # Announced politely, without moving Julie's focus.
    expect(julie.locator("[data-announcer]")).to_contain_text("Nouveau message de Samira")
    assert julie.evaluate("() => document.activeElement === document.body")
    # Samira's own echo, and her field emptied for the next message.
    expect(samira.locator(".msg--mine", has_text="en bas")).to_be_visible()
    expect(samira.get_by_label("Votre message")).to_have_value("")

    # A phone number typed in is masked for everyone.
    julie.get_by_label("Votre message").fill("Appelle-moi au 06 12 34 56 78")
    julie.get_by_role("button", name="Envoyer", exact=True).click()
    expect(samira.locator(".room-messages li", has_text="** ** ** ** **")).to_be_visible()
    assert "06 12 34 56 78" not in samira.content()
    assert samira.evaluate(NO_SIDEWAYS_SCROLL)
    assert console_errors == []


def test_a_parent_asks_for_help_and_the_ambassador_on_duty_claims_it(new_page, site_url):
    mourad = signed_in(new_page, site_url, MOURAD)
    mourad.goto(ROOM.format(lang="fr"))
    live(mourad)
    expect(mourad.locator("[data-on-duty]")).to_contain_text("Mourad")

    julie = signed_in(new_page, site_url, JULIE)
    julie.goto(ROOM.format(lang="fr"))
    julie.get_by_label("Votre question").fill("Comment voir les absences de mon fils ?")
    julie.get_by_role("button", name="Demander de l’aide", exact=True).click()
    expect(julie.get_by_role("heading", name="Question aux ambassadeurs")).to_be_visible()

    # The question reaches Mourad's open page live; he takes it.
    question = mourad.locator("[data-requests] a", has_text="absences de mon fils")
    expect(question).to_be_visible()
    expect(mourad.locator("[data-announcer]")).to_contain_text("Nouvelle question de Julie")
    question.click()
    mourad.get_by_role("button", name="Je réponds à cette question").click()
    expect(mourad.get_by_text("réponse de Mourad")).to_be_visible()

    # They talk in the private thread, live.
    julie.reload()
    live(julie)
    mourad.get_by_label("Votre message").fill("Dans Pronote : Vie scolaire, puis Absences.")
    mourad.get_by_role("button", name="Envoyer", exact=True).click()
    expect(julie.locator(".room-messages li", has_text="Vie scolaire")).to_be_visible()
    julie.get_by_role("button", name="Marquer comme résolu").click()
    expect(julie.get_by_role("link", name="Demander un accompagnement")).to_be_visible()


def test_the_room_works_without_javascript(browser, site_url):
    context = browser.new_context(
        base_url=site_url,
        viewport=PHONE,
        locale=BROWSER_LOCALES["fr"],
        java_script_enabled=False,
        service_workers="block",
    )
    context.add_cookies([checks.session_cookie(site_url, SAMIRA)])
    try:
        page = context.new_page()
        page.goto(ROOM.format(lang="fr"))
        expect(page.locator(".room-messages li", has_text="Cahier de textes")).to_be_visible()
        page.get_by_label("Votre message").fill("Message envoyé sans JavaScript")
        page.get_by_role("button", name="Envoyer", exact=True).click()
        expect(page.locator(".msg--mine", has_text="sans JavaScript")).to_be_visible()

        # Report Julie's message: a <details> and a plain form.
        julie_message = page.locator(".room-messages li", has_text="j’étais sur le compte")
        julie_message.locator("summary").click()
        julie_message.get_by_label("Qu’est-ce qui ne va pas dans ce message ?").fill("Test")
        julie_message.get_by_role("button", name="Envoyer le signalement").click()
        expect(page.get_by_text("Les modérateurs du salon vont regarder")).to_be_visible()
    finally:
        context.close()
    from rooms.models import Report

    assert Report.objects.get().reason == "Test"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_room_page_is_accessible(new_page, site_url, language):
    from rooms.models import HelpRequest

    resolved = HelpRequest.objects.get(status="resolved")
    parent_pages = [
        f"/{language}/rooms/",
        ROOM.format(lang=language),
        f"/{language}/rooms/parents-arabophones-aisne/",
        f"/{language}/rooms/ecrans-sommeil/",
    ]
    julie = signed_in(new_page, site_url, JULIE, language=language, bypass_csp=True)
    for path in [*parent_pages, f"/{language}/rooms/pronote-ent-aisne/help/{resolved.pk}/"]:
        julie.goto(path)
        assert julie.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways"
        assert_accessible(julie)
    claire = signed_in(new_page, site_url, CLAIRE, language=language, bypass_csp=True)
    for path in [
        f"/{language}/rooms/pronote-ent-aisne/moderation/",
        f"/{language}/rooms/unanswered/",
        f"/{language}/rooms/pronote-ent-aisne/help/{resolved.pk}/",
    ]:
        claire.goto(path)
        assert claire.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways"
        assert_accessible(claire)
    # The smallest phones (320 px wide): nothing scrolls sideways.
    narrow = signed_in(new_page, site_url, JULIE, language=language, width=320)
    for path in parent_pages:
        narrow.goto(path)
        assert narrow.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways at 320 px"
    if language == "ar":
        julie.goto(f"/{language}/rooms/parents-arabophones-aisne/")
        assert julie.locator("#messages").get_attribute("dir") == "rtl"
        assert julie.locator("html").get_attribute("dir") == "rtl"
