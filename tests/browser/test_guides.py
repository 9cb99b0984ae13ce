"""Guides in a real browser on a small phone: progress that survives a reload, easy-read,
Arabic right to left, offline reading through the service worker, a clean printout, and no
WCAG 2.1 AA violation that axe-core can find."""

import re

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible
from .conftest import BROWSER_LOCALES, PHONE

pytestmark = pytest.mark.browser

TOPIC = "/{lang}/guides/educonnect/"
GUIDE = "/{lang}/guides/educonnect/creer-compte-educonnect/"
INDEX = "/{lang}/guides/"


def open_ok(page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"


def step_boxes(page):
    return page.locator("[data-step-done]")


def test_mark_steps_reload_and_continue(page, offsite_requests, console_errors):
    open_ok(page, GUIDE.format(lang="fr"))
    boxes = step_boxes(page)
    expect(boxes.first).to_be_visible()
    boxes.nth(0).check()
    boxes.nth(1).check()
    expect(page.locator("[data-progress]")).to_contain_text("2")

    page.reload()
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    expect(boxes.nth(2)).not_to_be_checked()
    expect(page.locator(".step").nth(0)).to_have_class(re.compile("step--done"))
    next_step = page.locator(".step").nth(2).get_attribute("data-step")

    open_ok(page, "/fr/")
    resume = page.locator("[data-continue] a")
    expect(resume).to_be_visible()
    # The guide, at the next step to do (#12: it used to open the top of the guide).
    expect(resume).to_have_attribute("href", GUIDE.format(lang="fr") + f"#step-{next_step}")
    resume.click()
    expect(page).to_have_url(re.compile("creer-compte-educonnect"))
    assert offsite_requests == [] and console_errors == []


def test_finishing_every_step_congratulates(page, console_errors):
    open_ok(page, GUIDE.format(lang="fr"))
    for index in range(step_boxes(page).count()):
        step_boxes(page).nth(index).check()
    expect(page.locator("[data-complete]")).to_be_visible()
    expect(page.locator("[data-complete]")).to_be_focused()
    assert console_errors == []


def test_easy_read_then_arabic_right_to_left(page, offsite_requests, console_errors):
    open_ok(page, GUIDE.format(lang="fr"))
    page.locator(".guide__versions a").nth(1).click()
    expect(page).to_have_url(re.compile(r"\?version=easy-read$"))
    expect(page.locator(".easy-read").first).to_be_visible()
    expect(page.locator(".steps")).to_have_count(0)

    page.locator(".language-switcher a[hreflang='ar']").click()
    expect(page).to_have_url(re.compile(r"/ar/guides/educonnect/creer-compte-educonnect/"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    article = page.locator("article.guide__content")
    expect(article).to_have_attribute("dir", "rtl")
    # Right to left for real: the step's number sits at the right edge of its box.
    step = page.locator(".step").first
    title = step.locator(".step__title")
    assert title.bounding_box()["x"] + title.bounding_box()["width"] > (
        step.bounding_box()["x"] + step.bounding_box()["width"] * 0.6
    )
    assert offsite_requests == [] and console_errors == []


def test_untranslated_guide_in_arabic_shows_french_with_a_notice(page):
    open_ok(page, "/ar/guides/pronote/premiers-pas-pronote/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".notice--language")).to_be_visible()
    expect(page.locator("article.guide__content")).to_have_attribute("lang", "fr")
    expect(page.locator("article.guide__content")).to_have_attribute("dir", "ltr")


def test_offline_a_guide_opened_before_is_still_readable(browser, site_url):
    # A context of our own: the shared fixture blocks service workers.
    context = browser.new_context(
        base_url=site_url,
        viewport=PHONE,
        locale=BROWSER_LOCALES["fr"],
        service_workers="allow",
    )
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        guide = GUIDE.format(lang="fr")
        open_ok(page, guide)
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        # Now controlled by the service worker: this visit is what it keeps.
        page.reload()
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.wait_for_function(
            "url => caches.match(url).then(found => !!found)", arg=site_url + guide
        )
        title = page.locator("h1").inner_text()

        context.set_offline(True)
        page.goto(guide)
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator(".step").first).to_be_visible()

        page.goto("/fr/guides/pronote/premiers-pas-pronote/")  # never opened
        expect(page.locator("[data-offline-list]")).to_be_attached()
        expect(page.locator("[data-offline-list] a[href='" + guide + "']")).to_be_visible()
    finally:
        context.close()


def test_print_shows_a_clean_guide_with_its_address(page):
    open_ok(page, GUIDE.format(lang="fr"))
    expect(page.locator("[data-reading-aids]")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in [".site-header", ".site-footer", ".guide__tools", ".step__done", ".breadcrumb"]:
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".guide__address")).to_be_visible()
    expect(page.locator(".guide__address")).to_contain_text(GUIDE.format(lang="fr"))
    expect(page.locator(".step").first).to_be_visible()
    expect(page.locator("h1")).to_be_visible()


def test_larger_text_is_remembered(page):
    open_ok(page, GUIDE.format(lang="fr"))
    button = page.locator("[data-larger-text]")
    before = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    page.reload()
    after = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after > before
    expect(page.locator("[data-larger-text]")).to_have_attribute("aria-pressed", "true")


def test_listen_is_offered_only_where_speech_synthesis_exists(new_page):
    page = new_page(language="fr")
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    open_ok(page, GUIDE.format(lang="fr"))
    expect(page.locator("[data-reading-aids]")).to_be_visible()
    expect(page.locator("[data-listen]")).to_be_hidden()


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("path", [INDEX, TOPIC, GUIDE, GUIDE + "?version=easy-read"])
def test_no_wcag_21_aa_violation(new_page, language, path, offsite_requests):
    page = new_page(language=language, bypass_csp=True)
    open_ok(page, path.format(lang=language))
    expect(page.locator("main")).to_be_visible()
    assert_accessible(page)
    assert offsite_requests == []


def test_progress_kept_before_sign_in_is_merged_into_the_account(page, site_url):
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from guides.models import GuidePage, GuideProgress
    from parents.models import User

    open_ok(page, GUIDE.format(lang="fr"))
    step_boxes(page).nth(0).check()
    step_boxes(page).nth(2).check()

    # Signed in (as after the login form): a session for the demo parent.
    # A parent of her own: the demo parent has already completed this (training) guide.
    parent = User.objects.create_user(email="nadia@example.org", display_name="Nadia")
    session = SessionStore()
    session[SESSION_KEY] = str(parent.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = parent.get_session_auth_hash()
    session.save()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": site_url}]
    )

    open_ok(page, "/fr/")
    page.wait_for_function("() => localStorage.getItem('coeduc.progress') === null")
    guide = GuidePage.objects.get(slug="creer-compte-educonnect", locale__language_code="fr")
    progress = GuideProgress.objects.get(user=parent)
    assert progress.page_id == guide.pk
    assert progress.completed_steps == [guide.step_ids()[0], guide.step_ids()[2]]

    # The guide now shows what the account holds, and the home page offers to go on.
    open_ok(page, GUIDE.format(lang="fr"))
    expect(step_boxes(page).nth(0)).to_be_checked()
    expect(step_boxes(page).nth(1)).not_to_be_checked()
    expect(step_boxes(page).nth(2)).to_be_checked()
    with page.expect_response(lambda response: response.url.endswith("/guides/progress/")):
        step_boxes(page).nth(1).check()
    open_ok(page, "/fr/")
    expect(page.locator(".continue a")).to_have_attribute(
        "href", re.compile(r"^/fr/guides/educonnect/creer-compte-educonnect/#step-")
    )
    progress.refresh_from_db()
    assert len(progress.completed_steps) == 3
