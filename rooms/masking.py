"""Phone numbers and e-mail addresses typed into a room are masked before the message is saved.

Families write their number to be called back; in a room anyone can read it. The patterns
cover French numbers as people type them: 10 digits from 0 (01–09, overseas 0690/0694/0262…),
+33 / 0033 with or without "(0)", the overseas codes (+590, +594, +596, +262, +269, +508,
+681, +687, +689), grouped by spaces, dots or dashes, or not at all.
"""

import re

PHONE_MASK = "** ** ** ** **"
EMAIL_MASK = "***@***"

_SEP = r"[ .\-\u00a0]?"
_COUNTRY = r"(?:33|262|269|508|590|594|596|681|687|689)"
PHONE_RE = re.compile(
    rf"""
    (?<![\w+])                          # not the end of a longer number or word
    (?:
        (?:\+|00){_SEP}{_COUNTRY}{_SEP}(?:\(0\){_SEP})?[1-9]   # +33 6…, 0033 6…, +33 (0)6…
      | \(?0[1-9]\)?                                          # 06…, (01)…
    )
    (?:{_SEP}\d){{8}}                    # eight more digits, grouped as people like
    (?!\d)
    """,
    re.VERBOSE,
)

EMAIL_RE = re.compile(
    r"""
    [\w.+\-]+                           # local part
    \s?(?:@|\(at\)|\[at\]|\[@\]|\(@\))\s?
    [\w\-]+(?:\s?(?:\.|\(dot\)|\[dot\])\s?[\w\-]+)*\s?(?:\.|\(dot\)|\[dot\])\s?[a-z]{2,}
    """,
    re.VERBOSE | re.IGNORECASE,
)


def mask_contacts(text: str) -> tuple[str, bool]:
    """The text with phone numbers and e-mail addresses masked, and whether any was."""
    masked = EMAIL_RE.sub(EMAIL_MASK, text)
    masked = PHONE_RE.sub(PHONE_MASK, masked)
    return masked, masked != text
