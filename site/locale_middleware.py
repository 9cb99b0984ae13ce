"""Django's LocaleMiddleware, minus its 404 redirect for the paths that have no language prefix."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Wagtail's admin (and the other unprefixed paths) answer their own "not found": redirecting
# /admin/pages/9/edit/ to /fr/admin/pages/9/edit/ landed on the public site's 404 page.
UNPREFIXED = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/", "/guides/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
