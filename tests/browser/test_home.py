"""The home page and the sign-in pages in a real browser, on a small phone.

What a parent on a cheap phone, a keyboard user or a screen-reader user meets first: the
language and direction of the page, the skip link, the order of the keyboard focus, no
sideways scrolling, nothing loaded from another site, and no WCAG 2.1 AA failure that
axe-core can detect.
"""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible

pytestmark = pytest.mark.browser

# The first pages a parent sees: checked for reflow and with axe-core.
FIRST_PAGES = ["/fr/", "/ar/", "/fr/accounts/login/", "/fr/accounts/login/code/"]

# What the header and the home page offer, in the order the keyboard reaches them.
HOME_LINKS = {
    "fr": [
        ("Aller au contenu", "#main"),
        ("Coéduc", "/fr/"),
        ("Se connecter", "/fr/accounts/login/"),
        ("Français", "/fr/"),
        ("English", "/en/"),
        ("العربية", "/ar/"),
        ("Se connecter avec un code", "/fr/accounts/login/"),
    ],
    "ar": [
        ("الانتقال إلى المحتوى", "#main"),
        ("Coéduc", "/ar/"),
        ("الدخول", "/ar/accounts/login/"),
        ("Français", "/fr/"),
        ("English", "/en/"),
        ("العربية", "/ar/"),
        ("الدخول برمز", "/ar/accounts/login/"),
    ],
}
MAX_TAB_PRESSES = 30

# Where the keyboard focus is, and whether it can be seen.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || "").trim(),
    href: el.getAttribute("href"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    inView: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
  };
}"""

# How wide the document is, and the elements that stick out of the viewport (to explain).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const outside = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && box.height && (box.right > width + 0.5 || box.left < -0.5)) {
      const classes = typeof el.className === "string" && el.className.trim()
        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
      outside.push(`${el.tagName.toLowerCase()}${classes} [${box.left}, ${box.right}]`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, outside: outside.slice(0, 10)};
}"""


def language_of(path: str) -> str:
    return path.strip("/").split("/")[0]


def open_ok(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"


def assert_nothing_offsite_or_broken(offsite_requests, console_errors) -> None:
    assert offsite_requests == [], f"requests to other sites: {offsite_requests}"
    assert console_errors == [], f"errors in the browser console: {console_errors}"


def tab_through(page) -> list[dict]:
    """Press Tab from the top of the page until the focus comes back: every stop, in order."""
    stops = []
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or (stops and focused == stops[0]):
            break
        stops.append(focused)
    return stops


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_home_page_language_direction_and_keyboard(
    page, language, direction, offsite_requests, console_errors
):
    open_ok(page, f"/{language}/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", direction)
    current = page.locator(".language-switcher a[aria-current='page']")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("hreflang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # The skip link is the first stop of the keyboard, shows up, and leads into <main>.
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert (first["text"], first["href"]) == HOME_LINKS[language][0], first
    assert first["inView"], "the skip link must show up on screen when it has the focus"
    assert first["outline"], "the skip link must show where the focus is"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert urlsplit(page.url).fragment == "main"

    # From the top again: Tab reaches the main links, in this order, each with a visible focus.
    open_ok(page, f"/{language}/")
    stops = tab_through(page)
    reached = [(stop["text"], urlsplit(stop["href"] or "").path or stop["href"]) for stop in stops]
    expected = list(HOME_LINKS[language])
    for stop in reached:
        if expected and stop == expected[0]:
            expected.pop(0)
    assert expected == [], (
        f"Tab never reached {expected[0]} after the links before it; it went through {reached}"
    )
    unseen = [stop["text"] for stop in stops if not stop["outline"]]
    assert unseen == [], f"no visible focus outline on {unseen}"

    assert_nothing_offsite_or_broken(offsite_requests, console_errors)


@pytest.mark.parametrize("path", FIRST_PAGES)
def test_first_pages_reflow_and_pass_axe(new_page, path, offsite_requests, console_errors):
    # No sideways scrolling on a 360 px phone, nor at 320 CSS px: what a 640 px wide window
    # shows at 200 % zoom (WCAG 1.4.10 Reflow asks for 320 px).
    page = new_page(language=language_of(path))
    open_ok(page, path)
    for width in (360, 320):
        page.set_viewport_size({"width": width, "height": page.viewport_size["height"]})
        layout = page.evaluate(OVERFLOW)
        assert layout["scrollWidth"] <= width, (
            f"{path} scrolls sideways at {width} px (document {layout['scrollWidth']} px wide); "
            f"sticking out: {layout['outside']}"
        )
    assert_nothing_offsite_or_broken(offsite_requests, console_errors)

    # axe-core is injected as a script: only possible with the page's CSP bypassed.
    checked = new_page(language=language_of(path), bypass_csp=True)
    open_ok(checked, path)
    assert_accessible(checked)
    assert offsite_requests == []


DEMO_PARENT = "parent@demo.coeduc.fr"
CODE_LINE = re.compile(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)\s*$", re.MULTILINE)


def ask_for_a_code(page, email: str) -> None:
    open_ok(page, "/fr/accounts/login/code/")
    page.get_by_role("textbox", name=re.compile("e-mail", re.IGNORECASE)).fill(email)
    page.get_by_role("button", name="M’envoyer le code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Entrez votre code")


def code_sent_to(mailoutbox, email: str) -> str:
    # The live server is a thread of this process: its locmem e-mails land in this outbox.
    assert [message.to for message in mailoutbox] == [[email]]
    found = CODE_LINE.search(mailoutbox[0].body)
    assert found, f"no code in the e-mail:\n{mailoutbox[0].body}"
    return found.group(1)


def type_the_code(page, code: str) -> None:
    field = page.get_by_role("textbox", name=re.compile("code", re.IGNORECASE))
    field.clear()
    field.press_sequentially(code)
    page.get_by_role("main").get_by_role("button", name="Se connecter").click()


def test_sign_in_with_a_code_sent_by_email(page, mailoutbox, offsite_requests, console_errors):
    ask_for_a_code(page, DEMO_PARENT)
    type_the_code(page, code_sent_to(mailoutbox, DEMO_PARENT))

    expect(page).to_have_url(re.compile(r"/fr/me/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Samira")
    expect(page.get_by_role("link", name="Mon compte")).to_be_visible()
    assert_nothing_offsite_or_broken(offsite_requests, console_errors)


def test_code_pages_pass_axe_even_with_a_wrong_code(new_page, mailoutbox, offsite_requests):
    page = new_page(language="fr", bypass_csp=True)
    ask_for_a_code(page, DEMO_PARENT)
    assert_accessible(page)

    type_the_code(page, "AAAA-BBBB")
    field = page.get_by_role("textbox", name=re.compile("code", re.IGNORECASE))
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()  # coeduc.js takes keyboard users to what needs fixing
    assert_accessible(page)

    type_the_code(page, code_sent_to(mailoutbox, DEMO_PARENT))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Samira")
    assert_accessible(page)
    assert offsite_requests == []


# A page with the policy bypassed reaches out to another site, as a CDN link or a tracker
# would: the request and the socket never get there, and both are recorded.
REACH_OUT = """async () => {
  const fetched = await fetch("https://cdn.example.org/font.woff2")
    .then(() => "reached", () => "failed");
  const socket = new WebSocket("wss://tracker.example.org/live");
  const opened = await new Promise(done => {
    socket.onopen = () => done("reached");
    socket.onerror = () => done("failed");
    setTimeout(() => done("neither opened nor failed"), 5000);
  });
  return [fetched, opened];
}"""


def test_a_request_to_another_site_fails_and_is_recorded(new_page, offsite_requests):
    page = new_page(bypass_csp=True)
    open_ok(page, "/fr/")
    assert offsite_requests == []
    assert page.evaluate(REACH_OUT) == ["failed", "failed"]
    assert offsite_requests == [
        "https://cdn.example.org/font.woff2",
        "wss://tracker.example.org/live",
    ]
