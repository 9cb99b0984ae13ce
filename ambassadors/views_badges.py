"""Badges: the credential to download, its public verification page, its status, its
printable certificate, and the issuer and achievement documents its links point to."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from parents.models import Organisation

from . import badges
from .models import Badge, Stage

JSON_LD = "application/ld+json"


def _badge(public_id) -> Badge:
    return get_object_or_404(
        Badge.objects.select_related("stage", "organisation", "volunteer__user"),
        public_id=public_id,
    )


def _json(document: dict, **kwargs) -> JsonResponse:
    response = JsonResponse(
        document, json_dumps_params={"ensure_ascii": False, "indent": 2}, **kwargs
    )
    response["Content-Type"] = f"{JSON_LD}; charset=utf-8"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def badge(request, public_id):
    """The credential's `id`: a page saying valid or revoked (JSON-LD when asked for)."""
    item = _badge(public_id)
    accept = request.headers.get("Accept", "")
    if "json" in accept and "html" not in accept:
        return _json(badges.credential(item))
    return render(request, "ambassadors/badge.html", {"badge": item})


@require_GET
def badge_download(request, public_id):
    item = _badge(public_id)
    response = _json(badges.credential(item))
    response["Content-Disposition"] = f'attachment; filename="coeduc-{item.stage.slug}.json"'
    return response


@require_GET
def badge_status(request, public_id):
    response = _json(badges.revocation_list(_badge(public_id)))
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def certificate(request, public_id):
    return render(request, "ambassadors/certificate.html", {"badge": _badge(public_id)})


@require_GET
def issuer(request, pk):
    return _json(badges.issuer_profile(get_object_or_404(Organisation, pk=pk)))


@require_GET
def achievement(request, slug):
    stage = get_object_or_404(Stage.objects.prefetch_related("criteria"), slug=slug)
    document = {"@context": badges.CONTEXT, **badges.achievement(stage)}
    return _json(document)
