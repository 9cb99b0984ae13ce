"""The rooms' page script (rooms/static/rooms/room.js) in a real browser: it keeps what was
typed when a post is refused, and it gets a message it missed live, by asking again when a
gap in the event numbers lasts, or by its number when it reconnects after a drop.

The page's socket goes through a Playwright route of the test's own, which forwards every
frame but can leave out one message (as a publication that came late, or never) and cut the
socket (as a phone that loses the network).
"""

import json

import pytest
from playwright.sync_api import expect

from .test_rooms import JULIE, ROOM, SAMIRA, live, signed_in
from .test_rooms import site_url as site_url  # noqa: PLC0414 — the uvicorn-served site

pytestmark = [pytest.mark.browser, pytest.mark.asgi]


def field(page):
    return page.get_by_label("Votre message")


def send(page, text):
    field(page).fill(text)
    page.get_by_role("button", name="Envoyer", exact=True).click()


def test_the_message_field_keeps_the_text_when_a_post_is_refused(new_page, site_url):
    from rooms.models import WatchedWord

    WatchedWord.objects.create(word="arnaque", action=WatchedWord.Action.BLOCK)
    WatchedWord.objects.create(word="virement", action=WatchedWord.Action.HOLD)
    samira = signed_in(new_page, site_url, SAMIRA)
    samira.goto(ROOM.format(lang="fr"))
    live(samira)

    send(samira, "Une arnaque garantie")
    expect(samira.locator("[data-status]")).to_contain_text("mots qui ne sont pas acceptés")
    expect(field(samira)).to_have_value("Une arnaque garantie")  # refused: nothing lost

    send(samira, "Faites un virement")  # saved, held for a moderator: the field is emptied
    expect(samira.locator("[data-status]")).to_contain_text("quand un modérateur l’aura lu")
    expect(field(samira)).to_have_value("")

    send(samira, "Bonjour à toutes")
    expect(samira.locator(".msg--mine", has_text="Bonjour à toutes")).to_be_visible()
    expect(field(samira)).to_have_value("")


class Line:
    """The page's socket through a route: every frame forwarded, except the message whose
    text is `left_out`; `cut_after`: the socket is cut once a message with that text passed.
    Only the first socket is tampered with: the page's reconnections go through as they are."""

    def __init__(self, page, left_out: str, cut_after: str | None = None):
        self.left_out, self.cut_after = left_out, cut_after
        self.sockets = 0
        page.route_web_socket("**/ws/rooms/**", self.route)

    def route(self, page_side):
        self.sockets += 1
        server = page_side.connect_to_server()
        if self.sockets > 1:
            return  # forwarded both ways as it is

        def from_server(frame):
            event = json.loads(frame)
            events = event["events"] if event["type"] == "batch" else [event]
            kept = [e for e in events if not self.leaves_out(e)]
            for one in kept:
                page_side.send(json.dumps(one, ensure_ascii=False))
            passed = json.dumps(kept, ensure_ascii=False)
            if self.cut_after and self.cut_after in passed:
                page_side.close(code=1001, reason="network lost")

        server.on_message(from_server)

    def leaves_out(self, event) -> bool:
        """The live message only: what a catch-up brings passes."""
        return event["type"] == "message" and self.left_out in event["message"]["html"]


def messages_of(page):
    return page.locator(".room-messages li[data-id] .msg__text")


@pytest.mark.parametrize("drop", [False, True], ids=["gap-asked-again", "drop-and-reconnect"])
def test_a_message_missed_live_is_caught_up_in_its_place(new_page, site_url, drop):
    samira = signed_in(new_page, site_url, SAMIRA)
    julie = signed_in(new_page, site_url, JULIE)
    line = Line(samira, left_out="Premier message", cut_after="Second message" if drop else None)
    for page in (samira, julie):
        page.goto(ROOM.format(lang="fr"))
        live(page)
    before = messages_of(samira).count()

    send(julie, "Premier message de Julie")
    expect(julie.locator(".msg--mine", has_text="Premier message")).to_be_visible()
    send(julie, "Second message de Julie")
    expect(julie.locator(".msg--mine", has_text="Second message")).to_be_visible()

    # Without the first, the second waits (it might follow or hide it); then both come, in
    # their order: after the gap lasted 3 s (asked again), or on reconnecting by number.
    shown = messages_of(samira)
    if not drop:
        samira.wait_for_timeout(1000)
        assert shown.count() == before
    expect(shown).to_have_count(before + 2, timeout=15_000)
    expect(shown.nth(before)).to_have_text("Premier message de Julie")
    expect(shown.nth(before + 1)).to_have_text("Second message de Julie")
    assert line.sockets == (2 if drop else 1)
