"""Uploaded files (guide images), served by the app when no web server does (`MEDIA_SERVE`)."""

import mimetypes
import posixpath

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

# Shown in the page: raster images only. SVG can carry scripts, so it is a download like the rest.
INLINE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}

# Wagtail documents have their own view, which checks a private collection's restrictions:
# never hand their files out here, around those checks.
PRIVATE_PREFIXES = ("documents/",)


@require_safe
def serve_media(request, path):
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised.startswith(PRIVATE_PREFIXES) or normalised.startswith(".."):
        raise Http404
    # django.views.static.serve refuses paths outside MEDIA_ROOT and never lists a folder.
    response = serve(request, normalised, document_root=settings.MEDIA_ROOT, show_indexes=False)
    content_type = mimetypes.guess_type(normalised)[0]
    response["X-Content-Type-Options"] = "nosniff"
    # A file opened on its own runs nothing, whatever it is.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    if content_type in INLINE_TYPES:
        # Wagtail renditions and originals never change under one name.
        response["Cache-Control"] = "public, max-age=86400"
    else:
        response["Content-Type"] = "application/octet-stream"
        filename = posixpath.basename(normalised).replace('"', "")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
