"""Template tags shared by every page."""

import json
import re

from django import template
from django.conf import settings
from django.template.defaultfilters import stringfilter
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from wagtail.models import Locale, Page

from core.languages import native_language_names

register = template.Library()

# What may end a label and must not be followed by the summary's own ": " ("…for good.: Tick
# the box"): full stop, colon, question and exclamation marks, the ellipsis, Arabic's question
# mark and full stop, and the spaces before them (French puts a no-break space before ":?!").
END_PUNCTUATION = re.compile(r"[\s.:?!…؟۔\u00a0\u202f]+$")


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in every shipped language, each named in its own language.

    Plain links rather than a form: they work without JavaScript and keep pages cacheable.
    """
    request = context["request"]
    page = context.get("page")
    current = context.get("LANGUAGE_CODE")
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    # A page may know its own addresses better (guides: the French fallback of a language).
    known = context.get("language_links") or {}
    links = []
    for code, name in native_language_names():
        if code in known:
            url = known[code]
        elif code in translations:
            url = translations[code].get_url(request)
        else:
            url = _same_path_in(request, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def _local_path(request) -> str:
    """The request's path and query, made a path of this site whatever was asked.

    "//evil.example/fr/" (or "/\\evil.example/…") would otherwise be read by translate_url and
    by browsers as another host: slashes and backslashes are collapsed into one slash.
    """
    path, _, query = request.get_full_path().partition("?")
    path = "/" + re.sub(r"[/\\]+", "/", path.replace("%5C", "/").replace("%5c", "/")).lstrip("/")
    return f"{path}?{query}" if query else path


def _same_path_in(request, code: str) -> str:
    """This page in another language: translated by the URL resolver when it knows the page,
    else the language prefix swapped (a 404 page still offers its languages)."""
    path = _local_path(request)
    url = translate_url(path, code)
    if url == path:
        languages = {language for language, _name in settings.LANGUAGES}
        head, _, tail = path[1:].partition("/")
        rest = tail if head in languages else path[1:]
        url = f"/{code}/{rest}"
    if url.startswith("//") or not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return f"/{code}/"
    return url


@register.simple_tag(takes_context=True)
def home_url(context):
    code = context.get("LANGUAGE_CODE")
    return f"/{code}/"


@register.simple_tag
def steps_done_texts(total: int) -> str:
    """{"0": "0 of 5 steps done", "1": …} for the guide's progress line, which changes in the
    browser: each count gets its own plural form (French, Arabic), not "{done} steps"."""
    total = int(total or 0)
    return json.dumps(
        {
            done: ngettext(
                "%(done)s of %(total)s steps done", "%(done)s of %(total)s steps done", done
            )
            % {"done": done, "total": total}
            for done in range(total + 1)
        },
        ensure_ascii=False,
    )


@register.filter
def locale_display(locale: Locale) -> str:
    return dict(native_language_names()).get(locale.language_code, locale.language_code)


@register.filter(is_safe=True)
@stringfilter
def without_end_punctuation(label: str) -> str:
    """A field's label as a run-in heading: "Why?" in "Why: enter a reason"."""
    return END_PUNCTUATION.sub("", label)
