"""The ambassador path in a real browser, on a small phone (360×740).

The demo parent applies; she has already attended two training workshops and read a
training guide (demo data), so she is in training at once; she signs the charter; the demo
facilitator validates her from the queue; she sees her new stage and downloads her badge.
The path, the queue and the directory pass axe-core (WCAG 2.1 AA) and do not scroll sideways,
at 360 px and (the path) at 320 px. One test: the demo content is loaded once.
"""

import json
from pathlib import Path

import pytest

from .a11y import assert_accessible
from .checks import signed_in

pytestmark = pytest.mark.browser

PARENT = "parent@demo.coeduc.fr"
FACILITATOR = "animatrice@demo.coeduc.fr"

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= innerWidth"


@pytest.fixture
def demo_path(site_url):
    """The demo content, with the ambassador path's own part (idempotent)."""
    from coeduc.demo.ambassadors import load_demo_ambassadors

    load_demo_ambassadors()
    return site_url


def check_page(page) -> None:
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{page.url} scrolls sideways"
    assert_accessible(page)


def current_stage(page) -> str:
    return page.locator(".amb-steps [aria-current='step']").get_attribute("data-stage")


def test_parent_applies_is_validated_and_downloads_the_badge(
    demo_path, new_page, offsite_requests, console_errors, tmp_path
):
    parent = signed_in(new_page, demo_path, PARENT)
    parent.goto("/fr/ambassadors/")
    parent.locator("main a[href$='/ambassadors/apply/']").click()
    parent.fill("#id_motivation", "J’ai appris Pronote en atelier, je veux aider d’autres parents.")
    parent.fill("#id_availability", "Le mercredi après-midi")
    parent.check("input[name='languages'][value='ar']")
    parent.check("#id_consent")
    parent.locator("main form button[type='submit']").click()

    # Her attendance and her guide (demo data) already count: she is in training.
    parent.wait_for_url("**/fr/ambassadors/")
    assert current_stage(parent) == "in-training"
    assert parent.locator("[data-step]").get_attribute("data-step") == "charter_signed"
    check_page(parent)

    parent.locator("main a[href$='/ambassadors/charter/']").first.click()
    parent.locator("main form button[type='submit']").click()
    parent.wait_for_url("**/fr/ambassadors/")
    assert parent.locator("[data-step]").get_attribute("data-step") == "wait"

    # The facilitator of her organisation finds her in the queue and validates.
    facilitator = signed_in(new_page, demo_path, FACILITATOR)
    facilitator.goto("/fr/ambassadors/facilitators/")
    check_page(facilitator)
    facilitator.locator(".amb-queue a", has_text="Samira").click()
    facilitator.check("input[name='decision'][value='approve']")
    facilitator.fill("#id_message", "Bienvenue parmi les ambassadeurs !")
    facilitator.locator("form[action$='/decide/'] button[type='submit']").click()
    facilitator.wait_for_url("**/fr/ambassadors/facilitators/")
    assert facilitator.locator(".amb-queue a", has_text="Samira").count() == 0

    # She sees her new stage and downloads her Open Badges 3.0 credential.
    parent.goto("/fr/ambassadors/")
    assert current_stage(parent) == "ambassador"
    check_page(parent)
    with parent.expect_download() as download:
        parent.locator("a[download]").first.click()
    saved = Path(tmp_path) / "badge.json"
    download.value.save_as(saved)
    credential = json.loads(saved.read_text())
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSubject"]["achievement"]["criteria"]["narrative"]

    parent.goto("/fr/ambassadors/directory/")
    check_page(parent)

    # The narrowest phones: an ambassador's path at 320 px (one test, one demo load).
    narrow = signed_in(new_page, demo_path, "karim@demo.coeduc.fr", width=320)
    narrow.goto("/fr/ambassadors/")
    assert current_stage(narrow) == "ambassador"
    check_page(narrow)
    assert not offsite_requests
    assert not console_errors, console_errors
