"""Recorded audio in a real Chromium on a small phone: "Listen" plays each step's recording in
French and in Arabic (headless Chromium has no voice: only the recordings can be heard), says
so where a step has neither a recording nor a voice, keeps working by keyboard, plays a guide
kept for offline without a network, and leaves nothing for axe-core to find."""

import re

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible
from .conftest import BROWSER_LOCALES, PHONE

pytestmark = pytest.mark.browser

# Every step of this demo guide has a synthetic-voice recording, in French and in Arabic.
GUIDE = "/{lang}/guides/ecrans-sommeil/ecrans-et-sommeil/"

PLAYER = "[data-listen-player]"
PLAYING = """selector => {
  const player = document.querySelector(selector);
  return player.currentSrc.includes("/guides/audio/") && !player.paused
    && player.readyState >= 1 && player.duration > 0 && player.currentTime > 0;
}"""


def open_ok(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"


def player_state(page) -> dict:
    return page.locator(PLAYER).evaluate(
        "p => ({src: p.currentSrc, duration: p.duration, paused: p.paused, time: p.currentTime})"
    )


def recording_of(page, index: int) -> str:
    return page.locator(".step").nth(index).locator("[data-recording-audio]").evaluate("a => a.src")


def faster(page) -> None:
    """Play the recordings at 8×: the test hears each step in well under a second."""
    page.add_init_script(
        """document.addEventListener("DOMContentLoaded", () => {
          const p = document.querySelector("[data-listen-player]");
          if (!p) { return; }
          p.defaultPlaybackRate = 8;
          p.addEventListener("play", () => { p.playbackRate = 8; });
        });"""
    )


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_listen_plays_each_steps_recording_by_keyboard(new_page, language, console_errors):
    page = new_page(language=language)
    faster(page)
    open_ok(page, GUIDE.format(lang=language))
    guide = page.locator("[data-guide]")
    expect(guide).to_have_attribute("data-lang", language)  # its own page, not the French one
    if language == "ar":
        expect(page.locator("article.guide__content")).to_have_attribute("dir", "rtl")
    listen = page.locator("[data-listen]")
    expect(listen).to_be_visible()  # no voice here, but recordings
    expect(page.locator("[data-listen-note]")).to_be_visible()

    listen.focus()
    page.keyboard.press("Enter")
    expect(listen).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(PLAYING, arg=PLAYER)
    state = player_state(page)
    assert state["src"] == recording_of(page, 0)
    assert state["duration"] > 0
    first = page.locator(".step").first
    expect(first).to_have_class(re.compile("is-read-aloud"))
    status = page.locator("[data-aids-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text(first.locator("h2").inner_text().split(".", 1)[1].strip())

    # Then the next step's recording, on its own.
    second = recording_of(page, 1)
    page.wait_for_function(
        "([selector, src]) => { const p = document.querySelector(selector);"
        " return p.currentSrc === src && !p.paused && p.duration > 0; }",
        arg=[PLAYER, second],
    )
    expect(page.locator(".step").nth(1)).to_have_class(re.compile("is-read-aloud"))

    page.keyboard.press("Space")  # the button still has the focus: pause
    expect(listen).to_have_attribute("aria-pressed", "false")
    assert player_state(page)["paused"]
    expect(status).not_to_be_empty()
    assert console_errors == []


def test_a_step_with_neither_recording_nor_voice_is_said_and_skipped(new_page, console_errors):
    from guides.models import GuidePage

    guide = GuidePage.objects.get(slug="ecrans-et-sommeil", locale__language_code="fr")
    raw = [dict(child) for child in guide.steps.raw_data]
    raw[1]["value"] = {**raw[1]["value"], "audio": {"file": None, "transcript": ""}}
    guide.steps = raw
    guide.save_revision().publish()

    page = new_page(language="fr")
    faster(page)
    open_ok(page, GUIDE.format(lang="fr"))
    note = page.locator("[data-listen-note]")
    expect(note).to_contain_text("4")  # "4 of 5 steps…" (its words are translated)
    assert page.locator(".step").nth(1).locator("[data-recording-audio]").count() == 0
    third = recording_of(page, 2)
    page.locator("[data-listen]").click()
    page.wait_for_function(PLAYING, arg=PLAYER)
    # Step 2 has no recording and this Chromium no voice: the page says so, then goes on.
    no_voice = page.locator("[data-listen]").get_attribute("data-no-voice-some")
    expect(page.locator("[data-aids-status]")).to_have_text(no_voice, timeout=15_000)
    expect(note).to_have_text(no_voice)
    page.wait_for_function(
        "([selector, src]) => document.querySelector(selector).currentSrc === src",
        arg=[PLAYER, third],
        timeout=15_000,
    )
    assert console_errors == []


def test_stop_and_the_steps_own_player(new_page, console_errors):
    page = new_page(language="fr")
    open_ok(page, GUIDE.format(lang="fr"))
    listen = page.locator("[data-listen]")
    listen.click()
    page.wait_for_function(PLAYING, arg=PLAYER)
    # Playing a step's own recording (its player's controls) stops "Listen".
    page.locator("[data-recording-audio]").nth(3).evaluate("a => a.play()")
    expect(listen).to_have_attribute("aria-pressed", "false")
    assert player_state(page)["paused"]
    listen.click()  # resume: the step's own player gives way
    expect(listen).to_have_attribute("aria-pressed", "true")
    page.wait_for_function("() => document.querySelectorAll('[data-recording-audio]')[3].paused")
    stop = page.locator("[data-listen-stop]")
    stop.click()
    expect(listen).to_be_focused()
    expect(stop).to_be_hidden()
    expect(page.locator(".is-read-aloud")).to_have_count(0)
    assert console_errors == []


def test_a_guide_kept_for_offline_plays_its_recordings_offline(browser, site_url):
    # A context of our own: the shared fixture blocks service workers.
    context = browser.new_context(
        base_url=site_url, viewport=PHONE, locale=BROWSER_LOCALES["ar"], service_workers="allow"
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        guide = GUIDE.format(lang="ar")
        open_ok(page, guide)
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.reload()
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        recordings = page.locator("[data-recording-audio]").evaluate_all(
            "audios => audios.map(a => a.src)"
        )
        assert len(recordings) == 5
        page.locator("[data-keep-offline]").click()
        done = page.locator("[data-keep-offline]").get_attribute("data-done")
        expect(page.locator("[data-aids-status]")).to_have_text(done)
        kept = page.evaluate(
            "urls => Promise.all(urls.map(u => caches.match(u).then(r => !!r && r.status)))",
            recordings,
        )
        assert kept == [200] * 5

        context.set_offline(True)
        page.reload()
        expect(page.locator("h1")).to_be_visible()
        page.locator("[data-listen]").click()
        page.wait_for_function(PLAYING, arg=PLAYER)  # byte ranges cut by the service worker
        assert player_state(page)["src"] == recordings[0]
        seek = page.locator(PLAYER).evaluate(
            """p => new Promise((resolve, reject) => {
                 p.addEventListener("seeked", () => resolve(p.currentTime), { once: true });
                 p.currentTime = p.duration / 2;
                 // page.evaluate has no timeout of its own: fail rather than hang the suite.
                 setTimeout(() => reject(new Error("not seeked after 10 s")), 10000);
               })"""
        )
        assert seek > 0
    finally:
        context.close()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_guide_with_recordings_has_no_wcag_21_aa_violation(new_page, language):
    page = new_page(language=language, bypass_csp=True)  # 360 px wide
    open_ok(page, GUIDE.format(lang=language))
    expect(page.locator("[data-recording-audio]").first).to_be_visible()
    assert_accessible(page)
    page.locator("[data-listen]").click()
    page.wait_for_function(PLAYING, arg=PLAYER)
    assert_accessible(page)
