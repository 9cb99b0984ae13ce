"""Request guards and the Content-Security-Policy header (django-csp, the admin set apart)."""

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest

from .errors import request_too_large

# Wagtail's admin (and Django's) still relies on inline styles and scripts, data: fonts and
# blob: image previews, and frames its own pages (live preview); the public site does none.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_DIRECTIVES = {
    "img-src": [SELF, "data:", "blob:"],
    "style-src": [SELF, UNSAFE_INLINE],
    "script-src": [SELF, UNSAFE_INLINE],
    "font-src": [SELF, "data:"],
    "frame-ancestors": [SELF],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY on every response that has no policy of its own
    (uploaded files have theirs, site/media.py); ADMIN_DIRECTIVES replace some of its
    directives in the admin."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIXES) and not report_only:
            parts.replace = {**ADMIN_DIRECTIVES, **(parts.replace or {})}
        return parts


class RequestSizeLimitMiddleware:
    """Django limits a form's fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not its files: a body
    larger than REQUEST_MAX_SIZE gets the 413 page, in the page's language, before any view
    reads it. Wagtail's own, smaller limits on images and documents answer in its forms."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Invalid Content-Length") from None
        if length > settings.REQUEST_MAX_SIZE:
            return request_too_large(request)
        return self.get_response(request)


class RejectNulBytesMiddleware:
    """A NUL byte in a query parameter is never meant (forms already refuse it): PostgreSQL
    refuses it in text, so any view passing the parameter to a query would answer 500. The
    request gets the 400 page instead, in the page's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise BadRequest("NUL byte in the query string")
        return self.get_response(request)
