"""Catch-up by event number: a page that drops and comes back gets every change it missed,
once, in order, even when the changes were published in another order than they were made.

Through the whole ASGI application, with the test's channel layer (in memory, or Redis with
REDIS_URL). The pages are `tests/rooms/stream.py`, which keeps the stream as room.js does.
"""

import threading

import pytest
from channels.db import database_sync_to_async
from django.db import connection, connections, transaction

from core.notify import quietly
from core.personal_data import Person, erase_person
from rooms import moderation, services
from rooms.models import Room, WatchedWord
from tests.factories import join, make_ambassador, make_facilitator, make_room, make_user

from .stream import Stream
from .test_consumers import connect, drain, next_of

pytestmark = pytest.mark.django_db(transaction=True)

db = database_sync_to_async


async def open_page(user, room, page: Stream, path="/ws/rooms/{slug}/"):
    """A socket that said hello with the page's number and applied the answer."""
    ws = await connect(user, room, path)
    await ws.send_json_to(page.hello())
    page.receive(await next_of(ws, "history"))
    return ws


async def feed(ws, page: Stream) -> None:
    """Everything waiting for this socket, into the page."""
    for event in await drain(ws):
        page.receive(event)


class HeldPublish:
    """A post whose transaction commits, then whose publishing is held back until released:
    the thread that committed it was descheduled, and another post's went first. (Callbacks
    after a commit run in order: the first one waits, the broadcast is the next.)"""

    def __init__(self, author, room, text):
        self.committed, self.released = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._post, args=(author, room, text))

    def _post(self, author, room, text):
        try:
            with transaction.atomic():
                transaction.on_commit(self._hold)
                self.message = services.post_message(author, room, text)
        finally:
            connections.close_all()

    def _hold(self):
        self.committed.set()
        assert self.released.wait(10), "never released"

    async def start(self):
        self.thread.start()
        assert await db(self.committed.wait, thread_sensitive=False)(10)

    async def publish(self):
        self.released.set()
        await db(self.thread.join, thread_sensitive=False)(10)


async def test_two_posts_published_in_the_other_order_reach_a_page_that_dropped_between():
    """Before: the page came back "after id B" and never got A (published while it was away,
    with a lower id). Now it comes back after the number it has every event up to."""
    room = await db(make_room)(slug="salle")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    await db(join)(samira, room)
    await db(join)(claire, room)
    page = Stream()
    ws = await open_page(samira, room, page)

    first = HeldPublish(claire, room, "A, committed first, published last")
    await first.start()
    second = await db(services.post_message)(claire, room, "B, committed second")
    event = await next_of(ws, "message")
    assert event["message"]["id"] == second.pk
    page.receive(event)
    assert page.seq == 0 and page.waiting  # B (number 2) came before A (number 1)
    assert page.shown() == []  # not applied before A: B might hide or follow it

    await ws.disconnect()  # drops before A's publish
    await first.publish()  # nobody of the room is there to hear it
    assert first.message.pk < second.pk and first.message.seq < second.seq

    ws = await open_page(samira, room, page)
    assert [m["id"] for m in page.shown()] == [first.message.pk, second.pk]
    assert page.seq == 2 and not page.waiting
    assert [e["message"]["id"] for e in page.applied] == [first.message.pk, second.pk]
    await ws.disconnect()


async def test_a_held_message_published_later_reaches_a_page_that_reconnects_after_it():
    """Its id is older than everything the page has; its publication's number is not."""
    room = await db(make_room)(slug="salle")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    karim = await db(make_facilitator)()
    await db(join)(samira, room)
    await db(join)(claire, room)
    await db(WatchedWord.objects.create)(word="virement", action=WatchedWord.Action.HOLD)
    held = await db(services.post_message)(samira, room, "Faites un virement")
    assert held.seq == 0  # nobody saw it: it takes no number
    later = await db(services.post_message)(samira, room, "Autre chose")

    page = Stream()
    ws = await open_page(claire, room, page)
    assert [m["id"] for m in page.shown()] == [later.pk] and page.seq == 1
    await ws.disconnect()
    await db(moderation.release)(karim, room, held.pk, "Rien de grave")

    ws = await open_page(claire, room, page)
    assert [m["id"] for m in page.shown()] == [held.pk, later.pk]  # in its place by id
    assert page.seq == 2
    # Live, the publication is a new message with the next number.
    await db(moderation.hide)(karim, room, later.pk, "Doublon")
    await feed(ws, page)
    assert [m["id"] for m in page.shown()] == [held.pk] and page.seq == 3
    await ws.disconnect()


async def test_a_message_hidden_while_away_is_not_shown_on_the_way_back():
    room = await db(make_room)(slug="salle")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    karim = await db(make_facilitator)()
    await db(join)(samira, room)
    await db(join)(claire, room)
    page = Stream()
    ws = await open_page(claire, room, page)
    await ws.disconnect()
    spam = await db(services.post_message)(samira, room, "Achetez ici")
    kept = await db(services.post_message)(samira, room, "Merci !")
    await db(moderation.hide)(karim, room, spam.pk, "Spam")

    ws = await connect(claire, room)
    await ws.send_json_to(page.hello())
    history = await next_of(ws, "history")
    # Each thing once, in its state now: the spam only as gone, never shown on the way.
    assert [(e["type"], e["seq"]) for e in history["events"]] == [("message", 2), ("hidden", 3)]
    page.receive(history)
    assert [m["id"] for m in page.shown()] == [kept.pk] and page.seq == 3
    await ws.disconnect()


async def test_a_gap_nobody_publishes_is_filled_by_asking_again():
    """A number taken and never published (here the demo loader's quiet writing; a server
    stopped between a commit and its publish): the page asks again and goes on."""
    room = await db(make_room)(slug="salle")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    await db(join)(samira, room)
    await db(join)(claire, room)
    page = Stream()
    ws = await open_page(claire, room, page)

    def quiet_post():
        with quietly():
            return services.post_message(samira, room, "Écrit sans bruit")

    unheard = await db(quiet_post)()
    heard = await db(services.post_message)(samira, room, "Entendu")
    page.receive(await next_of(ws, "message"))
    assert page.waiting and page.shown() == []
    await ws.send_json_to(page.hello())  # room.js does it when a gap lasts
    page.receive(await next_of(ws, "history"))
    assert [m["id"] for m in page.shown()] == [unheard.pk, heard.pk] and not page.waiting
    await ws.disconnect()


async def test_a_private_question_is_heard_by_the_ambassadors_and_counted_by_everyone():
    room = await db(make_room)(slug="salle")
    karim = await db(make_ambassador)("Karim")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    await db(join)(samira, room)
    await db(join)(claire, room)
    karim_page, claire_page = Stream(), Stream()
    karim_ws = await open_page(karim, room, karim_page)
    claire_ws = await open_page(claire, room, claire_page)

    private = await db(services.ask_for_help)(samira, room, "Mon code ?", is_private=True)
    public = await db(services.ask_for_help)(samira, room, "Pronote ?")
    for ws, page in ((karim_ws, karim_page), (claire_ws, claire_page)):
        await feed(ws, page)
        assert page.seq == 2 and not page.waiting
    assert karim_page.help_requests == {private.pk: "open", public.pk: "open"}
    assert claire_page.help_requests == {public.pk: "open"}  # the private one: a skip

    # Away while both are claimed: the catch-up gives each what it may see, numbered.
    await karim_ws.disconnect()
    await claire_ws.disconnect()
    await db(services.claim)(karim, private.pk)
    await db(services.claim)(karim, public.pk)
    karim_ws = await open_page(karim, room, karim_page)
    claire_ws = await open_page(claire, room, claire_page)
    assert karim_page.help_requests == {private.pk: "claimed", public.pk: "claimed"}
    assert claire_page.help_requests == {public.pk: "claimed"}
    assert karim_page.seq == claire_page.seq == 4
    await karim_ws.disconnect()
    await claire_ws.disconnect()


async def test_a_thread_catches_up_its_messages_and_its_resolution():
    room = await db(make_room)(slug="salle")
    karim = await db(make_ambassador)("Karim")
    samira = await db(make_user)("Samira")
    await db(join)(samira, room)
    question = await db(services.ask_for_help)(samira, room, "Mon code EduConnect ?")
    await db(services.claim)(karim, question.pk)
    path = f"/ws/rooms/{{slug}}/help/{question.pk}/"
    page = Stream()
    ws = await open_page(samira, room, page, path)
    assert page.seq == 0  # the thread's own numbers, not the room's
    await ws.disconnect()
    answer = await db(services.post_message)(karim, room, "Voici la marche", help_request=question)
    await db(services.resolve)(samira, question)

    ws = await connect(samira, room, path)
    await ws.send_json_to(page.hello())
    history = await next_of(ws, "history")
    assert [e["type"] for e in history["events"]] == ["message", "resolved"]
    page.receive(history)
    assert [m["id"] for m in page.shown()] == [answer.pk] and page.seq == 2
    await ws.disconnect()


async def test_an_author_s_erasure_reaches_open_pages_and_pages_catching_up():
    """The one change of a shown message's text: numbered and sent again, emptied."""
    room = await db(make_room)(slug="salle")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    await db(join)(samira, room)
    await db(join)(claire, room)
    shown = await db(services.post_message)(samira, room, "Mon numéro est dans mon profil")
    await db(services.post_message)(claire, room, "Merci")
    here, away_page = Stream(), Stream()
    ws = await open_page(claire, room, here)
    away = await open_page(claire, room, away_page)
    await away.disconnect()

    await db(lambda: erase_person(Person.for_user(samira)))()
    await feed(ws, here)
    erased = here.messages[shown.pk]
    assert (erased["erased"], erased["html"], here.seq) == (True, "", 3)
    away = await open_page(claire, room, away_page)
    assert away_page.messages[shown.pk]["erased"] is True and away_page.seq == 3
    await ws.disconnect()
    await away.disconnect()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="posts at once: PostgreSQL")
def test_posts_at_once_in_one_room_take_consecutive_numbers_each_once():
    room = make_room()
    people = [make_user(f"Parent {n}") for n in range(8)]
    for person in people:
        join(person, room)
    start = threading.Barrier(len(people))
    numbers = []

    def post(person):
        try:
            start.wait()
            numbers.append(services.post_message(person, room, "Bonjour").seq)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(numbers) == list(range(1, 9))
    assert Room.objects.get(pk=room.pk).last_event_seq == 8
