"""Authoring rules for guides, checked when an editor saves: each broken rule is an error.

The rules come from the RGAA and from plain-language writing: headings that do not skip a
level, links that say where they go, short sentences. They read the HTML that Wagtail's rich
text editor stores, so they work on every block that holds rich text.
"""

import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# A step's title is an <h2> on the page, so headings inside a step start at <h3>.
FIRST_HEADING_LEVEL_IN_STEP = 3
# Link texts that say nothing out of context (a screen-reader user lists the links of a page).
VAGUE_LINK_TEXTS = {
    "ici",
    "cliquez ici",
    "cliquer ici",
    "clic ici",
    "lien",
    "here",
    "click here",
    "link",
    "هنا",
    "اضغط هنا",
}
# Plain-language guidance for families: about 15 words a sentence, rarely more than 25.
LONG_SENTENCE_WORDS = 25

SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+|\n+")


class _RichTextReader(HTMLParser):
    """Collects headings, links (with their text) and the plain text of rich text HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.links: list[str] = []
        self.blocks: list[str] = []
        self._link_text: list[str] | None = None
        self._block: list[str] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self._link_text = []
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br"}:
            self._flush()

    def handle_endtag(self, tag):
        if tag == "a" and self._link_text is not None:
            self.links.append("".join(self._link_text))
            self._link_text = None
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6"}:
            self._flush()

    def handle_data(self, data):
        if self._link_text is not None:
            self._link_text.append(data)
        self._block.append(data)

    def _flush(self):
        text = " ".join("".join(self._block).split())
        if text:
            self.blocks.append(text)
        self._block = []

    def close(self):
        super().close()
        self._flush()


def read_rich_text(html: str) -> _RichTextReader:
    reader = _RichTextReader()
    reader.feed(html or "")
    reader.close()
    return reader


def heading_errors(levels: list[int], first_level: int = FIRST_HEADING_LEVEL_IN_STEP) -> list[str]:
    errors = []
    previous = first_level - 1
    for level in levels:
        if level < first_level:
            errors.append(
                _("Use a heading of level %(first)d or below here: level %(level)d is taken.")
                % {"first": first_level, "level": level}
            )
        elif level > previous + 1:
            errors.append(
                _("A heading of level %(level)d follows level %(previous)d: do not skip a level.")
                % {"level": level, "previous": previous}
            )
        previous = max(level, first_level - 1)
    return errors


def link_text_errors(link_texts: list[str]) -> list[str]:
    errors = []
    for text in link_texts:
        normalised = " ".join(text.lower().strip(" .:!…").split())
        if not normalised:
            errors.append(_("A link has no text: say where it leads."))
        elif normalised in VAGUE_LINK_TEXTS:
            errors.append(
                _("The link text “%(text)s” says nothing out of context: say where it leads.")
                % {"text": text.strip()}
            )
    return errors


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def long_sentences(texts: list[str], limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    found = []
    for text in texts:
        for sentence in sentences(text):
            if len(sentence.split()) > limit:
                found.append(sentence)
    return found


def readability_errors(texts: list[str], limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    errors = []
    for sentence in long_sentences(texts, limit):
        words = len(sentence.split())
        start = " ".join(sentence.split()[:8])
        errors.append(
            ngettext(
                "Readability: the sentence starting “%(start)s…” has %(words)d word; "
                "cut it in two (at most %(limit)d).",
                "Readability: the sentence starting “%(start)s…” has %(words)d words; "
                "cut it in two (at most %(limit)d).",
                words,
            )
            % {"start": start, "words": words, "limit": limit}
        )
    return errors


def rich_text_errors(html: str) -> list[str]:
    """Every authoring rule that applies to one piece of rich text."""
    reader = read_rich_text(html)
    return [
        *heading_errors(reader.headings),
        *link_text_errors(reader.links),
        *readability_errors(reader.blocks),
    ]


def plain_text_errors(text: str) -> list[str]:
    return readability_errors([line for line in (text or "").splitlines() if line.strip()])
