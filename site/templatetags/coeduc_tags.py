"""Template tags shared by every page."""

from django import template
from django.urls import translate_url
from wagtail.models import Locale, Page

from core.languages import native_language_names

register = template.Library()


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
    links = []
    for code, name in native_language_names():
        if code in translations:
            url = translations[code].get_url(request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    code = context.get("LANGUAGE_CODE")
    return f"/{code}/"


@register.filter
def locale_display(locale: Locale) -> str:
    return dict(native_language_names()).get(locale.language_code, locale.language_code)
