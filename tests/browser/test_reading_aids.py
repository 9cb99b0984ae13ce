"""Reading aids and right-to-left details in a real browser: listening to a whole guide (or
being told there is no voice), continuing at the next step to do, the offline confirmation on
screen, larger text on every page, the skip link hidden at 200 % zoom, and axe-core on the
guide pages these touch, in French and Arabic."""

import re

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible

pytestmark = pytest.mark.browser

GUIDE = "/{lang}/guides/educonnect/creer-compte-educonnect/"
# Not translated into Arabic in the demo: served in French under the Arabic address.
SEARCH = "/{lang}/guides/search/"

# Headless Chromium on a server has no speech engine. To hear the guide read we give the page
# the smallest one that behaves like a browser's: one voice per asked language, each text
# "spoken" in 80 ms, cancel() interrupting the current one.
FAKE_SPEECH_ENGINE = """
(() => {
  const spoken = [];
  let current = null;
  class Utterance { constructor(text) { this.text = text; } }
  const engine = {
    speaking: false,
    getVoices: () => [{ lang: "%(voice)s", name: "Test voice", voiceURI: "test", default: true }],
    speak(utterance) {
      spoken.push(utterance.text);
      current = utterance;
      engine.speaking = true;
      utterance.timer = setTimeout(() => {
        engine.speaking = false;
        current = null;
        utterance.onend && utterance.onend({});
      }, 80);
    },
    cancel() {
      if (!current) { return; }
      const utterance = current;
      clearTimeout(utterance.timer);
      current = null;
      engine.speaking = false;
      utterance.onerror && utterance.onerror({ error: "interrupted" });
    },
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: engine, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  window.__spoken = spoken;
})();
"""


def open_ok(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"


def step_ids(page) -> list[str]:
    return page.locator(".step").evaluate_all("steps => steps.map(s => s.dataset.step)")


def in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= height + 1


def visually_hidden(box) -> bool:
    """Nothing of it shows: no box, a box clipped to a pixel, or a box above the page."""
    if box is None:
        return True
    return (box["width"] <= 1 and box["height"] <= 1) or box["y"] + box["height"] <= 0


def test_listen_says_so_when_no_voice_is_installed(new_page, console_errors):
    page = new_page(language="fr")
    page.add_init_script(
        "Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });"
    )
    open_ok(page, GUIDE.format(lang="fr"))
    listen = page.locator("[data-listen]")
    expect(listen).to_be_visible()
    listen.click()
    status = page.locator("[data-aids-status]")
    expect(status).to_contain_text(re.compile("pas de voix|no voice"))
    expect(status).to_have_attribute("role", "status")
    expect(listen).to_be_hidden()  # not offered again: it would do nothing
    assert console_errors == []


def test_listen_reads_the_whole_guide_step_by_step_and_pauses(new_page, console_errors):
    page = new_page(language="fr")
    page.add_init_script(FAKE_SPEECH_ENGINE % {"voice": "fr-FR"})
    open_ok(page, GUIDE.format(lang="fr"))
    steps = page.locator(".step")
    count = steps.count()
    assert count >= 3
    listen = page.locator("[data-listen]")
    listen.click()
    expect(listen).to_have_attribute("aria-pressed", "true")
    expect(listen).to_have_text("Pause")
    # Heading first, then step 1, then step 2…: more than one step is read.
    expect(steps.nth(1)).to_have_class(re.compile("is-read-aloud"))
    listen.click()  # pause
    expect(listen).to_have_attribute("aria-pressed", "false")
    expect(listen).to_have_text(re.compile("Reprendre|Resume"))
    paused_at = page.evaluate("() => window.__spoken.length")
    page.wait_for_timeout(1500)
    assert page.evaluate("() => window.__spoken.length") == paused_at  # nothing more is read
    listen.click()  # resume: the part that was cut is read again, then the rest
    expect(page.locator("[data-aids-status]")).to_contain_text(re.compile("Fin du guide|End"))
    spoken = page.evaluate("() => window.__spoken")
    titles = steps.locator("h2").all_inner_texts()
    order = [next(i for i, text in enumerate(spoken) if title.strip() in text) for title in titles]
    assert order == sorted(order), "steps read out of order"
    assert all(title.strip() in " ".join(spoken) for title in titles), "a step was not read"
    assert page.locator(".is-read-aloud").count() == 0
    assert console_errors == []


def test_listen_starts_at_the_first_step_not_done(new_page):
    page = new_page(language="fr")
    page.add_init_script(FAKE_SPEECH_ENGINE % {"voice": "fr-FR"})
    open_ok(page, GUIDE.format(lang="fr"))
    boxes = page.locator("[data-step-done]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.locator("[data-listen]").click()
    third_title = page.locator(".step").nth(2).locator("h2").inner_text()
    expect(page.locator(".step").nth(2)).to_have_class(re.compile("is-read-aloud"))
    first = page.evaluate("() => window.__spoken[0]")
    assert third_title.strip() in first


def test_an_arabic_guide_is_read_with_an_arabic_voice_or_not_at_all(new_page):
    page = new_page(language="ar")
    page.add_init_script(FAKE_SPEECH_ENGINE % {"voice": "fr-FR"})  # no Arabic voice
    open_ok(page, "/ar/guides/educonnect/creer-compte-educonnect/")
    lang = page.locator("[data-guide]").get_attribute("data-lang")
    page.locator("[data-listen]").click()
    if lang == "ar":
        expect(page.locator("[data-aids-status]")).not_to_be_empty()
        assert page.evaluate("() => window.__spoken.length") == 0
    else:  # the French guide shown with a notice: read in French
        expect(page.locator("[data-listen]")).to_have_attribute("aria-pressed", "true")


def test_continue_opens_the_next_step_to_do(page, console_errors):
    open_ok(page, GUIDE.format(lang="fr"))
    ids = step_ids(page)
    boxes = page.locator("[data-step-done]")
    boxes.nth(0).check()
    boxes.nth(1).check()
    open_ok(page, "/fr/")
    resume = page.locator("[data-continue] a")
    expect(resume).to_have_attribute("href", GUIDE.format(lang="fr") + f"#step-{ids[2]}")
    resume.click()
    expect(page).to_have_url(re.compile(f"#step-{ids[2]}$"))
    third = page.locator(f"#step-{ids[2]}")
    expect(page.locator("[data-progress]")).to_be_visible()
    page.wait_for_timeout(300)
    assert in_viewport(page, third.locator("h2")), "the next step is not on screen"
    assert console_errors == []


def test_kept_for_offline_confirmation_is_on_screen_on_a_phone(new_page):
    page = new_page(language="fr", width=320, height=568)
    open_ok(page, GUIDE.format(lang="fr"))
    keep = page.locator("[data-keep-offline]")
    expect(keep).to_be_visible()
    # The parent scrolled until the button is at the bottom edge of the screen.
    page.evaluate(
        """() => {
          const button = document.querySelector("[data-keep-offline]");
          const box = button.getBoundingClientRect();
          window.scrollBy(0, box.bottom - window.innerHeight + 2);
        }"""
    )
    assert in_viewport(page, keep)
    keep.click()
    status = page.locator("[data-aids-status]")
    expect(status).not_to_be_empty()
    page.wait_for_timeout(300)
    assert in_viewport(page, status), "the confirmation is below the fold"


@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/workshops/", SEARCH])
def test_larger_text_is_offered_and_kept_on_every_page(new_page, path):
    page = new_page(language="fr")
    open_ok(page, path.format(lang="fr"))
    size = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"
    before = page.evaluate(size)
    button = page.locator("[data-larger-text]")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(size) > before
    open_ok(page, GUIDE.format(lang="fr"))  # another page: still larger
    assert page.evaluate(size) > before
    expect(page.locator("[data-larger-text]")).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("width", [640, 320])  # 1280 px at 200 % and at 400 % zoom
@pytest.mark.parametrize("larger", [False, True])
def test_the_skip_link_is_hidden_until_focused_at_200_percent(new_page, language, width, larger):
    page = new_page(language=language, width=width, height=400)
    if larger:
        page.add_init_script("localStorage.setItem('coeduc.largerText', '1');")
    open_ok(page, GUIDE.format(lang=language))
    skip = page.locator(".skip-link")
    box = skip.bounding_box()
    assert visually_hidden(box), box
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["height"] >= 24 and box["y"] >= 0 and box["x"] >= 0
    assert box["x"] + box["width"] <= width
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    box = skip.bounding_box()
    assert visually_hidden(box), box


# For each French name in brackets, on the line where it starts: where "(" and ")" are drawn
# compared with the name.
BRACKETS_AROUND_NAMES = """root => {
  const found = [];
  root.querySelectorAll("bdi").forEach(name => {
    const before = name.previousSibling, after = name.nextSibling;
    if (!before || !after) { return; }
    if (!before.textContent.endsWith("(") || !after.textContent.startsWith(")")) { return; }
    const range = document.createRange();
    range.setStart(before, before.textContent.length - 1);
    range.setEnd(before, before.textContent.length);
    const opening = range.getBoundingClientRect();
    range.setStart(after, 0);
    range.setEnd(after, 1);
    const closing = range.getBoundingClientRect();
    const rects = Array.from(name.getClientRects());
    const first = rects.find(r => Math.abs(r.top - opening.top) < 4);
    const last = rects.find(r => Math.abs(r.top - closing.top) < 4);
    found.push({
      name: name.textContent,
      openingRightOfName: first ? opening.left >= first.right - 2 : null,
      closingLeftOfName: last ? closing.right <= last.left + 2 : null,
    });
  });
  return found;
}"""


def test_arabic_footer_keeps_french_names_and_brackets_in_place(new_page):
    page = new_page(language="ar", width=1280)
    open_ok(page, "/ar/")
    footer = page.locator(".site-footer p").first
    expect(footer.locator("bdi[lang=fr]")).to_have_count(4)
    found = footer.evaluate(BRACKETS_AROUND_NAMES)
    assert found, "no French name in brackets in the Arabic footer"
    for name in found:
        # Right to left: "(" on the right of the name, ")" on its left.
        assert name["openingRightOfName"] in (True, None), name
        assert name["closingLeftOfName"] in (True, None), name
    assert any(name["openingRightOfName"] for name in found)


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        GUIDE,
        SEARCH,
        SEARCH + "?q=pronot",
        SEARCH + "?q=zzzz%22",
        "/{lang}/guides/pronote/premiers-pas-pronote/",
        "/{lang}/guides/",
    ],
)
def test_changed_guide_pages_have_no_wcag_21_aa_violation(new_page, language, path):
    page = new_page(language=language, bypass_csp=True)
    open_ok(page, path.format(lang=language))
    expect(page.locator("main")).to_be_visible()
    assert_accessible(page)
    page.locator("[data-larger-text]").click()
    assert_accessible(page)
