"""Content-Security-Policy header (Django 5.2 has no CSP middleware of its own)."""

from django.conf import settings
from django.core.exceptions import BadRequest

# Wagtail's admin still relies on inline styles and scripts; the public site does not.
ADMIN_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"
)
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = request.path.startswith(ADMIN_PREFIXES)
            response["Content-Security-Policy"] = (
                ADMIN_POLICY if admin else settings.CONTENT_SECURITY_POLICY
            )
        return response


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
