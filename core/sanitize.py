"""The one place that sanitises user-written text. Everything else calls these functions.

bleach is archived (6.4.0 is its last release): keeping every use of it here means it can be
swapped for another sanitiser (e.g. nh3) in this one file, with tests/test_sanitize.py as the
contract.
"""

import html

import bleach

# What a parent, an ambassador or a facilitator may write: plain paragraphs, emphasis, lists
# and links. No images, no styles, no scripts, no iframes.
RICH_TEXT_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a"})
RICH_TEXT_ATTRIBUTES = {"a": ["href", "title"]}
SAFE_PROTOCOLS = frozenset({"https", "http", "mailto", "tel"})


def clean_text(value: str | None) -> str:
    """Plain text: every tag is removed, what remains is safe to show escaped or not."""
    if not value:
        return ""
    return bleach.clean(value, tags=set(), attributes={}, strip=True, strip_comments=True)


def plain_text(value: str | None) -> str:
    """Plain text to store, every tag removed but nothing escaped: templates escape it when
    they show it. (clean_text's output is already escaped: stored and shown through a
    template, "Papa & maman" would read "Papa &amp; maman".)"""
    return html.unescape(clean_text(value))


def _add_link_rel(attrs, new=False):
    href_key = (None, "href")
    if href_key in attrs:
        attrs[(None, "rel")] = "nofollow noopener noreferrer"
    return attrs


def clean_rich_text(value: str | None) -> str:
    """A small subset of HTML (see RICH_TEXT_TAGS); links get rel="nofollow noopener"."""
    if not value:
        return ""
    cleaned = bleach.clean(
        value,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        protocols=SAFE_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return bleach.linkify(cleaned, callbacks=[_add_link_rel], skip_tags={"pre", "code"})


def _add_ugc_rel(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if not href.startswith(("http://", "https://")):
        return None  # only web links become links; the rest stays text
    attrs[(None, "rel")] = "nofollow noopener ugc"
    return attrs


def plain_text_to_html(text: str | None) -> str:
    """Plain text typed by a person, as safe HTML: escaped, web addresses made into links
    (rel="nofollow noopener ugc"), line breaks kept."""
    if not text:
        return ""
    escaped = html.escape(text, quote=False)
    linked = bleach.linkify(escaped, callbacks=[_add_ugc_rel], parse_email=False)
    return linked.replace("\r\n", "\n").replace("\n", "<br>")
