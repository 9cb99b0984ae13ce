"""The sanitising module's contract: what any replacement of bleach must keep doing."""

import re

import pytest

from core.sanitize import clean_rich_text, clean_text, plain_text_to_html

XSS_VECTORS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<svg/onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    "<p style=\"background:url('javascript:alert(1)')\">x</p>",
    '<p onclick="alert(1)">x</p>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!--<img src=x onerror=alert(1)>-->",
]


@pytest.mark.parametrize("payload", XSS_VECTORS)
@pytest.mark.parametrize("sanitise", [clean_text, clean_rich_text])
def test_no_script_survives(sanitise, payload):
    cleaned = sanitise(payload).lower()
    for dangerous in ("<script", "onerror=", "onload=", "onclick=", "javascript:", "<iframe"):
        assert dangerous not in cleaned, cleaned
    assert "<img" not in cleaned and "<svg" not in cleaned and "style=" not in cleaned


def test_plain_text_keeps_words_and_drops_tags():
    assert clean_text("Bonjour <b>Samira</b> !") == "Bonjour Samira !"
    assert clean_text("") == "" and clean_text(None) == ""


def test_plain_text_escapes_what_looks_like_markup():
    assert clean_text("3 < 5 & 7 > 2") == "3 &lt; 5 &amp; 7 &gt; 2"


def test_rich_text_keeps_the_allowed_subset():
    html = "<p>Voir <strong>le guide</strong> :</p><ul><li><em>étape 1</em></li></ul>"
    assert clean_rich_text(html) == html


def test_rich_text_links_are_safe_and_marked_nofollow():
    cleaned = clean_rich_text('<a href="https://www.e-enfance.org/">3018</a>')
    assert 'href="https://www.e-enfance.org/"' in cleaned
    assert 'rel="nofollow noopener noreferrer"' in cleaned


def test_rich_text_turns_bare_addresses_into_links():
    cleaned = clean_rich_text("Voir https://educonnect.education.gouv.fr pour commencer")
    assert '<a href="https://educonnect.education.gouv.fr"' in cleaned


def test_rich_text_strips_unknown_tags_but_keeps_their_text():
    cleaned = clean_rich_text("<h1>Titre</h1><div>texte</div>")
    assert "<h1" not in cleaned and "<div" not in cleaned
    assert "Titre" in cleaned and "texte" in cleaned


# --- Plain text shown as HTML (help-room messages) -----------------------------------------


@pytest.mark.parametrize("payload", XSS_VECTORS)
def test_plain_text_to_html_shows_markup_as_text(payload):
    html = plain_text_to_html(payload)
    # Only the module's own markup is left: web links it made, line breaks.
    own = re.sub(r'<a href="https?://[^"<>]*" rel="nofollow noopener ugc">|</a>|<br>', "", html)
    assert "<" not in own and ">" not in own, html


def test_plain_text_to_html_links_web_addresses_only():
    html = plain_text_to_html("Voir https://www.pronote.net/aide?a=1&b=2 et javascript:alert(1)")
    assert html == (
        'Voir <a href="https://www.pronote.net/aide?a=1&amp;b=2" rel="nofollow noopener ugc">'
        "https://www.pronote.net/aide?a=1&amp;b=2</a> et javascript:alert(1)"
    )


def test_plain_text_to_html_keeps_lines_and_leaves_addresses_unlinked():
    lines = plain_text_to_html("Bonjour\nà tous & merci\r\nfin")
    assert lines == "Bonjour<br>à tous &amp; merci<br>fin"
    assert plain_text_to_html("écrire à samira@example.org") == "écrire à samira@example.org"
    assert plain_text_to_html("") == "" and plain_text_to_html(None) == ""
