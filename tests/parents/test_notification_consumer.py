"""The personal WebSocket stops answering once its session is gone: logged out through the
real logout view, deleted server-side, or its account deactivated (close code 4401)."""

import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from parents.consumers import CLOSE_UNAUTHENTICATED
from parents.models import User
from tests.test_websocket import communicator

pytestmark = pytest.mark.django_db(transaction=True)


@sync_to_async
def browser_of(user) -> tuple[Client, str]:
    """A browser where `user` is signed in, and its session cookie."""
    browser = Client(HTTP_HOST="localhost")
    browser.force_login(user)
    return browser, browser.cookies[settings.SESSION_COOKIE_NAME].value


@sync_to_async
def new_user(email: str) -> User:
    return User.objects.create_user(email=email, display_name="Samira")


async def connected(session_key: str):
    ws = communicator(session_key=session_key)
    assert (await ws.connect(timeout=5))[0]
    return ws


async def ping(ws) -> dict:
    await ws.send_json_to({"type": "ping"})
    return await ws.receive_output(timeout=5)


def closed_unauthenticated(output: dict) -> bool:
    return output == {"type": "websocket.close", "code": CLOSE_UNAUTHENTICATED}


async def test_logging_out_closes_that_sessions_socket_and_refuses_its_next_message():
    samira = await new_user("samira@example.org")
    laptop, laptop_key = await browser_of(samira)
    _phone, phone_key = await browser_of(samira)
    laptop_ws, phone_ws = await connected(laptop_key), await connected(phone_key)
    try:
        assert (await ping(laptop_ws))["text"] == '{"type": "pong"}'

        response = await sync_to_async(laptop.post)(reverse("account_logout"))
        assert response.status_code == 302
        assert not await sync_to_async(Session.objects.filter(session_key=laptop_key).exists)()

        # Closed at once by the logout, and whatever it says next is refused, not answered.
        assert closed_unauthenticated(await laptop_ws.receive_output(timeout=5))
        assert closed_unauthenticated(await ping(laptop_ws))
        # Her phone's session is another one: still signed in, still answered.
        assert (await ping(phone_ws))["text"] == '{"type": "pong"}'
    finally:
        await laptop_ws.disconnect()
        await phone_ws.disconnect()


async def test_a_session_deleted_server_side_is_refused_on_the_next_message():
    samira = await new_user("samira@example.org")
    _browser, session_key = await browser_of(samira)
    ws = await connected(session_key)
    try:
        assert (await ping(ws))["text"] == '{"type": "pong"}'
        # "Sign out everywhere", an expired session, a purge: no logout signal is sent.
        await sync_to_async(Session.objects.filter(session_key=session_key).delete)()
        assert closed_unauthenticated(await ping(ws))
    finally:
        await ws.disconnect()


async def test_a_deactivated_account_is_refused_on_the_next_message():
    samira = await new_user("samira@example.org")
    _browser, session_key = await browser_of(samira)
    ws = await connected(session_key)
    try:
        assert (await ping(ws))["text"] == '{"type": "pong"}'
        await sync_to_async(User.objects.filter(pk=samira.pk).update)(is_active=False)
        assert closed_unauthenticated(await ping(ws))
    finally:
        await ws.disconnect()
