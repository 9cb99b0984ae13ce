"""Every URL of Coéduc. Pages for people are under a language prefix (/fr/, /en/, /ar/)."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guides import views as guide_views

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sw.js", guide_views.service_worker, name="service_worker"),
    path("guides/", include("guides.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("me/", include("parents.urls")),
    path("workshops/", include("workshops.urls")),
    path("ambassadors/", include("ambassadors.urls")),
    path("rooms/", include("rooms.urls")),
    path("observatory/", include("observatory.urls")),
    path("", include("coeduc.urls_pages")),
    re_path(r"^(guides/(?:[\w\-]+/)*)$", guide_views.serve_guide_page),
    # Wagtail's page tree last: it answers every other path.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# Error pages in the site's look and the URL's language (allauth's rate limits use handler429).
handler400 = "coeduc.errors.bad_request"
handler403 = "coeduc.errors.permission_denied"
handler404 = "coeduc.errors.page_not_found"
handler429 = "coeduc.errors.too_many_requests"
handler500 = "coeduc.errors.server_error"

if settings.MEDIA_SERVE:
    # Uploaded images when no web server serves MEDIA_ROOT (the default run; see the README).
    from .media import serve_media

    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns = [re_path(rf"^{media_prefix}(?P<path>.+)$", serve_media)] + urlpatterns
