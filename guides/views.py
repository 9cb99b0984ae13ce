"""Small views around guide pages: progress endpoints, recordings and the service worker."""

import json

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST, require_safe
from wagtail import views as wagtail_views
from wagtail.documents import get_document_model

from core.audio import ranged_response
from parents.permissions import is_parent

from . import audio, services
from . import cache as page_cache

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


@require_safe
def recording(request, document_id):
    """A guide's recording, played in the page: its own sound type (read from the file), and
    byte ranges (a phone seeks, or fetches in pieces). Wagtail's document view sends no ranges
    and downloads anything not PDF.

    Only documents of public collections: a private collection's documents go through
    Wagtail's view, which checks who asks. Anything that is not sound is not served here.
    """
    document = get_object_or_404(get_document_model(), pk=document_id)
    if document.collection.get_view_restrictions().exists():
        raise Http404
    content_type = audio.audio_type_of(document)
    if content_type is None:
        raise Http404
    file = document.file.storage.open(document.file.name, "rb")
    size = document.file.storage.size(document.file.name)
    response = ranged_response(
        file, size, content_type, request.headers.get("Range", ""), filename=document.filename
    )
    # The address changes with the file (``?v=``): a day's copy is never stale.
    response["Cache-Control"] = "public, max-age=86400"
    return response


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
