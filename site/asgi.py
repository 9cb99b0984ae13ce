"""The one ASGI application: HTTP to Django, WebSocket to Channels consumers.

Served by uvicorn (uvloop, httptools, wsproto); see the Makefile and the README.
"""

import gc
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coeduc.settings")

from django.core.asgi import get_asgi_application  # noqa: E402

# Django must be set up before the consumers (and their models) are imported.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from .outage import WebSocketDatabaseGuard  # noqa: E402
from .routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            WebSocketDatabaseGuard(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)

# What start-up built (Django, Wagtail, URLs, models, templates) lives as long as the process:
# out of the collector's sight, a full collection no longer walks it. In a busy room those
# collections were the slowest deliveries: pauses of ≈ 200 ms, ≈ 90 ms after this
# (bench/rooms_fanout.py, README "Measured").
gc.freeze()
