"""Badges: the credential to download (signed), its public verification page, its status, its
printable certificate, and the issuer and achievement documents its links point to."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from parents.models import Organisation

from . import badge_proof, badges
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


def _jwt(token: str) -> HttpResponse:
    response = HttpResponse(token, content_type=badge_proof.MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


# A pasted credential larger than this is not one of ours.
MAX_TOKEN_LENGTH = 64_000


def _check_pasted(token: str, item: Badge) -> tuple[bool, str]:
    """(valid, what to tell the person) for a credential pasted on the verification page."""
    if len(token) > MAX_TOKEN_LENGTH:
        return False, _("This is not a Coéduc credential.")
    try:
        badges.verify_credential(token, item)
    except badge_proof.InvalidProof:
        return False, _(
            "This credential is not authentic: its signature does not match the issuer’s key, "
            "or it has been changed, or it is another badge."
        )
    if item.is_revoked:
        return False, _("This credential is authentic, but it has been revoked.")
    return True, _("This credential is authentic and valid.")


@require_http_methods(["GET", "HEAD", "POST"])
def badge(request, public_id):
    """The credential's `id`: a page checking the signature and the status (JSON-LD if asked)."""
    item = _badge(public_id)
    accept = request.headers.get("Accept", "")
    if request.method != "POST" and "json" in accept and "html" not in accept:
        return _json(badges.credential(item))
    # The credential as issued, checked against the key the issuer's profile publishes.
    try:
        badges.verify_credential(badges.signed_credential(item), item)
        signature_ok = True
    except badge_proof.InvalidProof:
        signature_ok = False
    pasted = None
    if request.method == "POST":
        token = request.POST.get("credential", "").strip()
        if token:
            valid, message = _check_pasted(token, item)
            pasted = {"valid": valid, "message": message}
    return render(
        request,
        "ambassadors/badge.html",
        {"badge": item, "signature_ok": signature_ok, "pasted": pasted},
    )


@require_GET
def badge_signed(request, public_id):
    """The signed credential (VC-JWT): the file to hand to a wallet or a verifier."""
    item = _badge(public_id)
    response = _jwt(badges.signed_credential(item))
    response["Content-Disposition"] = f'attachment; filename="coeduc-{item.stage.slug}.jwt"'
    return response


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
def issuer_status_list(request, pk):
    response = _jwt(badges.signed_status_list(get_object_or_404(Organisation, pk=pk)))
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def achievement(request, slug):
    stage = get_object_or_404(Stage.objects.prefetch_related("criteria"), slug=slug)
    document = {"@context": badges.CONTEXT, **badges.achievement(stage)}
    return _json(document)
