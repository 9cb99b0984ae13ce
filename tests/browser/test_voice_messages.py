"""Voice messages in a real Chromium with a fake microphone, on a small phone, live.

A second Chromium is launched from the folder's Playwright with Chromium's fake capture device
(a beep) and its permission prompt answered yes. Samira records by keyboard (the seconds run),
listens, sends; Julie's open page gets the message live and her player loads and plays it;
holding the button records while it is held. Without JavaScript a recording made elsewhere is
sent with the file field. Samira asks the ambassadors a question by voice, and Mourad hears it
on the question's page. A visitor and a parent of another territory cannot fetch a recording.
axe-core finds nothing on a room with a voice message, nor on a question asked by voice, in
French and in Arabic (right to left), and nothing scrolls sideways at 360 or 320 px. Pages
keep the site's CSP (its media-src allows the blob: of the recording listened to before it is
sent), and log no error.

Selectors are the form's data attributes: the new strings are not in the catalogues yet.
"""

import re
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.factories import join, make_territory, make_user
from tests.rooms import audio

from . import checks
from .a11y import assert_accessible
from .conftest import BROWSER_LOCALES, CHROMIUM, CHROMIUM_ARGS, PHONE, record_errors

pytestmark = [pytest.mark.browser, pytest.mark.asgi]

ROOM_SLUG = "pronote-ent-aisne"
ROOM = "/{lang}/rooms/" + ROOM_SLUG + "/"
ARABIC_ROOM = "/{lang}/rooms/parents-arabophones-aisne/"
SAMIRA, JULIE = "parent@demo.coeduc.fr", "parent2@demo.coeduc.fr"
MOURAD = "ambassadeur@demo.coeduc.fr"  # the demo's ambassador on duty in the Aisne
FAKE_MICROPHONE = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
# Load the player's recording, play it muted for a moment: its duration and the time played.
PLAYS = """async audio => {
  audio.muted = true;
  audio.preload = "auto";
  audio.load();
  await new Promise((resolve, reject) => {
    audio.addEventListener("loadedmetadata", resolve, { once: true });
    const failed = () => reject(new Error("media error " + audio.error.code));
    audio.addEventListener("error", failed, { once: true });
    // page.evaluate has no timeout of its own: fail rather than hang the suite.
    setTimeout(() => reject(new Error("no metadata after 10 s")), 10000);
  });
  await audio.play();
  await new Promise(resolve => setTimeout(resolve, 400));
  audio.pause();
  return { duration: audio.duration, played: audio.currentTime, src: audio.currentSrc };
}"""


@pytest.fixture
def site_url(demo, asgi_url):
    """Pages, static files and the WebSocket from uvicorn, with the demo content."""
    return asgi_url


@pytest.fixture(autouse=True)
def voice_root(settings, tmp_path):
    """The recordings in the test's own folder (uvicorn runs in this process)."""
    settings.ROOMS_VOICE_ROOT = tmp_path / "voice"
    return settings.ROOMS_VOICE_ROOT


@pytest.fixture(scope="module")
def microphone_browser(browser):
    """A Chromium with a fake microphone, launched by the folder's own Playwright."""
    chromium = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *FAKE_MICROPHONE]
    )
    yield chromium
    chromium.close()


@pytest.fixture
def with_microphone(microphone_browser, site_url, console_errors):
    """`with_microphone(email, language="fr")`: a signed-in phone-sized page that can record,
    under the site's CSP."""
    contexts = []

    def open_page(email, language="fr"):
        context = microphone_browser.new_context(
            base_url=site_url,
            viewport=PHONE,
            locale=BROWSER_LOCALES[language],
            timezone_id="Europe/Paris",
            service_workers="block",
        )
        context.set_default_timeout(10_000)
        context.add_cookies([checks.session_cookie(site_url, email)])
        contexts.append(context)
        page = context.new_page()
        record_errors(page, console_errors)
        return page

    yield open_page
    for context in contexts:
        context.close()


def live(page):
    expect(page.locator("[data-status]")).to_have_text(re.compile("Connecté|Connected|متصل"))


def by_voice(email: str, slug: str, note: str = "", seconds: float = 4, question=False):
    """A voice message (or a question asked by voice) sent by the service, as the upload view
    does. In a thread of its own: its broadcast cannot run in this one, where Playwright's
    event loop is running."""
    from django.db import connections

    from parents.models import User
    from rooms import services
    from rooms.models import Room

    outcome = {}

    def post():
        try:
            user, room = User.objects.get(email=email), Room.objects.get(slug=slug)
            join(user, room)
            recording = SimpleUploadedFile("voice.ogg", audio.ogg_opus(seconds), "audio/ogg")
            send = services.ask_for_help if question else services.post_message
            outcome["sent"] = send(user, room, note, voice=recording)
        except Exception as error:  # noqa: BLE001 — raised again in the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=post)
    thread.start()
    thread.join(30)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["sent"]


def test_a_parent_records_by_keyboard_and_the_other_hears_it_live(with_microphone, console_errors):
    samira = with_microphone(SAMIRA)
    julie = with_microphone(JULIE)
    for page in (samira, julie):
        page.goto(ROOM.format(lang="fr"))
        live(page)

    form = samira.locator("#voice")
    record = form.locator("[data-record]")
    expect(form.locator("[data-recorder]")).to_be_visible()
    expect(form.locator("[data-rerecord]")).to_be_hidden()  # nothing recorded yet
    label = record.text_content()
    assert label.strip()
    record.focus()
    samira.keyboard.press("Enter")  # tap: starts
    # The first capture starts Chromium's audio service: seconds on a busy machine.
    expect(record).not_to_have_text(label, timeout=20_000)  # now "stop"
    expect(form.locator("[data-voice-status]")).not_to_be_empty()
    expect(form.locator("[data-timer]")).to_have_text(re.compile(r"^0:0[2-9] / 2:00$"))
    samira.keyboard.press("Enter")  # tap again: stops
    expect(record).to_have_text(label)
    preview = form.locator("[data-preview]")
    expect(preview).to_be_visible()
    expect(form.locator("[data-rerecord]")).to_be_visible()
    assert preview.get_attribute("src").startswith("blob:")
    assert preview.get_attribute("aria-label")
    listened = preview.evaluate(PLAYS)  # the CSP's media-src lets blob: play
    assert listened["duration"] > 0 and listened["played"] > 0
    form.locator('input[name="note"]').fill("La réunion de jeudi")
    form.locator("[data-send]").click()

    # Julie's page: the message, live, with a labelled player that loads and plays.
    item = julie.locator(".room-messages li", has_text="La réunion de jeudi")
    expect(item).to_be_visible()
    player = item.locator(".msg__voice audio")
    expect(player).to_have_attribute("aria-label", re.compile("Samira"))
    assert player.get_attribute("controls") is not None
    state = player.evaluate(PLAYS)
    assert state["src"].endswith(f"/rooms/{ROOM_SLUG}/voice/{item.get_attribute('data-id')}/")
    assert state["duration"] > 1 and state["played"] > 0
    expect(julie.locator("[data-announcer]")).to_contain_text("Samira")
    # Samira's own page shows it once (its echo from the socket does not add a second one).
    mine = samira.locator(".room-messages li.msg--mine", has_text="La réunion de jeudi")
    expect(mine).to_have_count(1)
    expect(form.locator("[data-preview]")).to_be_hidden()
    expect(form.locator('input[name="note"]')).to_have_value("")

    # Hold to record: it records while the button is held, and stops when let go.
    record.hover()  # scrolled into view, the pointer over it
    samira.mouse.down()
    expect(record).not_to_have_text(label)
    samira.wait_for_timeout(1500)
    samira.mouse.up()
    expect(record).to_have_text(label)
    expect(form.locator("[data-preview]")).to_be_visible()
    assert samira.evaluate(NO_SIDEWAYS_SCROLL)
    assert console_errors == []


def test_a_parent_asks_by_voice_and_the_ambassador_hears_the_question(
    with_microphone, console_errors
):
    samira = with_microphone(SAMIRA)
    samira.goto(ROOM.format(lang="fr"))
    form = samira.locator("#ask-voice")
    record = form.locator("[data-record]")
    label = record.text_content()
    record.focus()
    samira.keyboard.press("Enter")
    expect(record).not_to_have_text(label, timeout=20_000)
    expect(form.locator("[data-timer]")).to_have_text(re.compile(r"^0:0[2-9] / 2:00$"))
    samira.keyboard.press("Enter")
    expect(form.locator("[data-preview]")).to_be_visible()
    form.locator("[data-send]").click()

    # Her question's own page, where the answer will come, with her recording on it.
    expect(samira).to_have_url(re.compile(rf"/fr/rooms/{ROOM_SLUG}/help/\d+/$"))
    question = samira.url
    expect(samira.locator(".room-question audio")).to_have_attribute(
        "aria-label", re.compile("Samira")
    )

    mourad = with_microphone(MOURAD)
    mourad.goto(question)
    player = mourad.locator(".room-question .msg__voice audio")
    state = player.evaluate(PLAYS)
    assert state["src"].endswith("/recording/")
    assert state["duration"] > 1 and state["played"] > 0
    expect(mourad.locator(".room-question .msg__voice-length")).to_have_text(
        re.compile(r"0:0[2-9]")
    )
    assert mourad.evaluate(NO_SIDEWAYS_SCROLL)
    assert console_errors == []


def test_without_javascript_a_phone_recording_is_sent_with_the_file_field(
    browser, site_url, new_page, tmp_path
):
    context = browser.new_context(
        base_url=site_url,
        viewport=PHONE,
        locale=BROWSER_LOCALES["fr"],
        java_script_enabled=False,
        service_workers="block",
    )
    context.add_cookies([checks.session_cookie(site_url, SAMIRA)])
    recording = tmp_path / "Enregistrement.ogg"
    recording.write_bytes(audio.ogg_opus(5))
    try:
        page = context.new_page()
        page.goto(ROOM.format(lang="fr"))
        form = page.locator("#voice")
        expect(form.locator("[data-recorder]")).to_be_hidden()
        field = form.locator('input[type="file"]')
        assert field.get_attribute("accept") == "audio/*"
        assert field.get_attribute("capture") is not None
        field.set_input_files(str(recording))
        form.locator('input[name="note"]').fill("Envoyé sans JavaScript")
        form.locator("[data-send]").click()
        expect(page.locator(".msg--mine", has_text="Envoyé sans JavaScript")).to_be_visible()
    finally:
        context.close()

    # The file made in Python plays in a page with JavaScript, sought through byte ranges.
    julie = checks.signed_in(new_page, site_url, JULIE, bypass_csp=False)
    julie.goto(ROOM.format(lang="fr"))
    item = julie.locator(".room-messages li", has_text="Envoyé sans JavaScript")
    state = item.locator("audio").evaluate(PLAYS)
    assert state["duration"] == pytest.approx(5, abs=0.1) and state["played"] > 0


def test_a_visitor_and_a_parent_of_elsewhere_cannot_fetch_a_recording(browser, site_url, new_page):
    message = by_voice(SAMIRA, ROOM_SLUG, "Privé")
    address = f"/fr/rooms/{ROOM_SLUG}/voice/{message.pk}/"
    visitor = browser.new_context(base_url=site_url)
    try:
        assert visitor.request.get(address).status == 403
    finally:
        visitor.close()
    nora = make_user("Nora", make_territory("95", "Val-d'Oise"), email="nora@example.org")
    elsewhere = checks.signed_in(new_page, site_url, nora.email)
    assert elsewhere.request.get(address).status == 404
    julie = checks.signed_in(new_page, site_url, JULIE)
    answer = julie.request.get(address, headers={"Range": "bytes=0-99"})
    assert (answer.status, len(answer.body())) == (206, 100)
    assert answer.headers["content-range"].startswith("bytes 0-99/")


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_room_with_a_voice_message_is_accessible(new_page, site_url, language):
    by_voice(SAMIRA, ROOM_SLUG, "La réunion de jeudi")
    by_voice(SAMIRA, "parents-arabophones-aisne", "اجتماع الخميس")
    from parents.models import User
    from rooms.models import Room

    # Julie may write there too: the page has its recorder.
    join(User.objects.get(email=JULIE), Room.objects.get(slug="parents-arabophones-aisne"))
    question = by_voice(SAMIRA, ROOM_SLUG, question=True)  # no note: the recording alone
    julie = checks.signed_in(new_page, site_url, JULIE, language=language, bypass_csp=True)
    for path in (ROOM.format(lang=language), ARABIC_ROOM.format(lang=language)):
        julie.goto(path)
        expect(julie.locator(".msg__voice audio").first).to_be_visible()
        expect(julie.locator("#voice [data-recorder]")).to_be_visible()  # the script has run
        expect(julie.locator("#ask-voice [data-recorder]")).to_be_visible()
        assert julie.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways"
        assert_accessible(julie)
        checks.assert_reflows(julie)  # 360 px, then 320 px
    if language == "ar":  # the Arabic room, last
        assert julie.locator("html").get_attribute("dir") == "rtl"
        assert julie.locator("#messages").get_attribute("dir") == "rtl"
    # The question asked by voice, on its own page, where the ambassadors hear it.
    julie.goto(f"/{language}/rooms/{ROOM_SLUG}/help/{question.pk}/")
    expect(julie.locator(".room-question audio")).to_be_visible()
    assert_accessible(julie)
    checks.assert_reflows(julie)
