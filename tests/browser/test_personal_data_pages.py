"""The pages about personal data in a real browser, on a small phone (360×740) and on a laptop
(1280×800), in French and in Arabic: the privacy, legal, accessibility and contact pages, a
parent's data (read on the page, downloaded as JSON) and the deletion of their account done with
the keyboard alone, and a guest's data behind the signed link of a sign-up. Each time axe-core
finds no WCAG 2.1 AA violation and nothing scrolls sideways, zoomed in or not."""

import json
import re

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible
from .checks import VIEWPORTS, assert_reflows, signed_in

pytestmark = pytest.mark.browser

PARENT = "parent@demo.coeduc.fr"
DIRECTIONS = {"fr": "ltr", "ar": "rtl"}
INFORMATION_PAGES = ["privacy/", "legal-notice/", "accessibility/", "contact/"]
MAX_TAB_PRESSES = 60

# Whether the element with the keyboard focus shows it (an outline, as coeduc.css draws it).
FOCUS_SHOWN = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
}"""

# The background of an ordinary button, as the stylesheet draws it on this page.
ORDINARY_BACKGROUND = """() => {
  const button = document.createElement("button");
  button.className = "button";
  document.body.append(button);
  const background = getComputedStyle(button).backgroundColor;
  button.remove();
  return background;
}"""


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two computed colours ("rgb(163, 38, 28)")."""

    def luminance(colour: str) -> float:
        channels = [int(value) / 255 for value in re.findall(r"\d+", colour)[:3]]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def assert_looks_destructive(page, button) -> None:
    """Not an ordinary button's colour, and its text readable (WCAG AA) on it."""
    text, background = button.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert background != page.evaluate(ORDINARY_BACKGROUND)
    assert contrast(text, background) >= 4.5, (text, background)


def translated(language: str, text: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(text)


def open_ok(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"


def assert_in_language(page, language: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", DIRECTIONS[language])
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def assert_downloads_json(page, link_name: str) -> dict:
    """Click the download link; the file is JSON, named for people, and holds the data."""
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    assert download.value.suggested_filename == "coeduc-my-data.json"
    with open(download.value.path(), encoding="utf-8") as file:
        return json.load(file)


def tab_to(page, locator) -> None:
    """Press Tab from where the focus is until it reaches ``locator``; it must show."""
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            break
    expect(locator).to_be_focused()
    assert page.evaluate(FOCUS_SHOWN), f"no visible focus on {locator}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_privacy_legal_accessibility_and_contact_pages(new_page, site_url, language, viewport):
    from django.conf import settings

    page = new_page(language=language, bypass_csp=True, **VIEWPORTS[viewport])
    for path in INFORMATION_PAGES:
        open_ok(page, f"/{language}/{path}")
        assert_in_language(page, language)
        expect(
            page.locator(f"main a[href='mailto:{settings.PRIVACY_CONTACT_EMAIL}']")
        ).not_to_have_count(0)
        assert_reflows(page)
        assert_accessible(page)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_parent_reads_and_downloads_their_data_then_deletes_their_account_by_keyboard(
    new_page, site_url, language, viewport
):
    from parents.models import User
    from parents.personal_data import is_erased

    parent = User.objects.get(email=PARENT)
    page = signed_in(new_page, site_url, PARENT, language=language, **VIEWPORTS[viewport])

    # What Coéduc keeps, readable on the page, one section per kind of data.
    open_ok(page, f"/{language}/me/export/")
    assert_in_language(page, language)
    expect(page.locator("main section h2")).not_to_have_count(0)
    # Stored text is isolated (French text in an Arabic page keeps its punctuation in place),
    # and nested data (the parent's messages in the help rooms) is a list, not Python's repr.
    expect(page.locator("main dd bdi", has_text=PARENT)).not_to_have_count(0)
    expect(page.locator("main dd .data-list > li")).not_to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("': '")
    assert_reflows(page)
    assert_accessible(page)
    exported = assert_downloads_json(page, translated(language, "Download my data (JSON file)"))
    assert PARENT in json.dumps(exported["data"])

    # The deletion page, then the keyboard alone: Tab to the button and Enter, unticked first.
    page.locator("main").get_by_role("link", name=translated(language, "Delete my account")).click()
    expect(page).to_have_url(re.compile(f"/{language}/me/delete/$"))
    assert_in_language(page, language)
    assert_reflows(page)
    assert_accessible(page)
    confirm = page.locator("input[type=checkbox][name=confirm]")
    button = page.locator("main form button[type=submit]")
    assert_looks_destructive(page, button)
    button.hover()
    assert_looks_destructive(page, button)
    tab_to(page, confirm)
    tab_to(page, button)
    assert_looks_destructive(page, button)
    page.keyboard.press("Enter")

    # Refused without the box ticked: the error is said, and the focus waits on the box.
    expect(page.locator("[data-error-summary]")).to_contain_text(
        translated(language, "Tick the box to confirm the deletion.")
    )
    expect(confirm).to_be_focused()
    assert not is_erased(User.objects.get(pk=parent.pk))
    assert_reflows(page)
    assert_accessible(page)

    page.keyboard.press("Space")
    expect(confirm).to_be_checked()
    assert page.evaluate(FOCUS_SHOWN), "no visible focus on the ticked box"
    tab_to(page, button)
    page.keyboard.press("Enter")

    expect(page.locator(".messages")).to_contain_text(
        translated(language, "Your account and your data are deleted. Goodbye.")
    )
    assert is_erased(User.objects.get(pk=parent.pk))
    assert not User.objects.filter(email=PARENT).exists()
    # Signed out: their account page now asks to sign in.
    open_ok(page, f"/{language}/me/")
    expect(page).to_have_url(re.compile(f"/{language}/accounts/login/"))


@pytest.fixture
def guest_link(demo) -> tuple[str, str]:
    """The signed "my data" link of a guest (no account) signed up for a workshop to come, and
    the guest's e-mail address."""
    from django.utils import timezone

    from workshops import tokens
    from workshops.models import Registration

    registration = Registration.objects.filter(
        email__isnull=False, user__isnull=True, workshop__ends_at__gt=timezone.now()
    ).first()
    assert registration is not None, "the demo has no guest signed up for a workshop to come"
    return f"workshops/r/{tokens.make_token(registration)}/my-data/", registration.email


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_guest_sees_downloads_and_erases_their_data_through_the_signed_link(
    new_page, site_url, guest_link, language, viewport
):
    path, email = guest_link
    page = new_page(language=language, bypass_csp=True, **VIEWPORTS[viewport])
    open_ok(page, f"/{language}/{path}")
    assert_in_language(page, language)
    expect(page.locator("main dd", has_text=email)).not_to_have_count(0)
    assert_reflows(page)
    assert_accessible(page)
    exported = assert_downloads_json(page, translated(language, "Download my data (JSON file)"))
    assert email in json.dumps(exported["data"])

    confirm = page.locator("input[type=checkbox][name=confirm]")
    tab_to(page, confirm)
    page.keyboard.press("Space")
    tab_to(page, page.locator("main form button[type=submit]"))
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_contain_text(
        translated(language, "We keep nothing about you any more.")
    )
    expect(page.locator("main dd", has_text=email)).to_have_count(0)
    assert_in_language(page, language)
    assert_reflows(page)
    assert_accessible(page)
