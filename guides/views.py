"""Small views around guide pages: progress endpoints and the service worker."""

import json

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST
from wagtail import views as wagtail_views

from parents.permissions import is_parent

from . import cache as page_cache
from . import services

MAX_BODY_BYTES = 64 * 1024


def _json_body(request) -> dict | None:
    if len(request.body) > MAX_BODY_BYTES:
        return None
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _forbidden():
    return JsonResponse({"error": "sign-in required"}, status=403)


@require_POST
def mark_step(request):
    """{"guide": translation key, "step": step id, "done": true|false} → the steps done."""
    if not is_parent(request.user):
        return _forbidden()
    data = _json_body(request)
    if data is None or not isinstance(data.get("step"), str):
        return JsonResponse({"error": "bad request"}, status=400)
    guide = services.guide_by_key(str(data.get("guide", "")))
    if guide is None:
        return JsonResponse({"error": "unknown guide"}, status=404)
    progress = services.record_steps(
        request.user, guide, [data["step"]], done=bool(data.get("done", True))
    )
    return JsonResponse(
        {"steps": progress.completed_steps, "completed": progress.completed_at is not None}
    )


@require_POST
def merge(request):
    """{"guides": {translation key: [step ids]}}: what the browser kept before sign-in."""
    if not is_parent(request.user):
        return _forbidden()
    data = _json_body(request)
    if data is None or not isinstance(data.get("guides"), dict):
        return JsonResponse({"error": "bad request"}, status=400)
    merged = services.merge_progress(request.user, data["guides"])
    return JsonResponse(
        {
            "guides": {
                str(progress.page.translation_key): progress.completed_steps for progress in merged
            }
        }
    )


@cache_control(no_cache=True)
def service_worker(request):
    """The service worker, served from the site root so that it may control every page."""
    path = finders.find("guides/js/sw.js")
    if path is None:  # after collectstatic, without the finders
        if not staticfiles_storage.exists("guides/js/sw.js"):
            raise Http404
        path = staticfiles_storage.path("guides/js/sw.js")
    response = FileResponse(open(path, "rb"), content_type="text/javascript")  # noqa: SIM115
    response["Service-Worker-Allowed"] = "/"
    return response


def serve_guide_page(request, path):
    """Wagtail's page view with the cache of anonymous guide pages in front: a hit costs no
    walk down the page tree and no query."""
    response = page_cache.cached_response(request)
    if response is not None:
        return response
    return wagtail_views.serve(request, path)
