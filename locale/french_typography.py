"""French typography in the French catalogue: a narrow no-break space before : ; ! ?

`python locale/french_typography.py locale/fr/LC_MESSAGES/django.po` fixes every translation
in place; `--check` only lists the ones to fix (exit status 1), for CI and the tests.
Translators type an ordinary space (or none): this makes "Besoins :" never break its line
before the colon, as French print does.
"""

import argparse
import re
import sys

from babel.messages.pofile import read_po, write_po

NARROW_NBSP = "\u202f"
# A space of any kind before the mark, or none after a letter, a closing quote or bracket, or a
# %(placeholder)s. Not in "https://", "14:30", "?page=" or ":)" (nothing follows there but a
# space, a closing quote or the end).
_SPACED = re.compile(r"[ \u00a0]([:;!?])")
_UNSPACED = re.compile(r"([^\W\d_]|[»”)\]])([:;!?])(?=[\s»”\"]|$)")


def fix(text: str) -> str:
    text = _SPACED.sub(NARROW_NBSP + r"\1", text)
    return _UNSPACED.sub(r"\1" + NARROW_NBSP + r"\2", text)


def _strings(message):
    return [message.string] if isinstance(message.string, str) else list(message.string)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("catalogue")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    with open(args.catalogue, "rb") as po:
        catalogue = read_po(po, locale="fr")
    wrong = []
    for message in catalogue:
        if not message.id or not message.string:
            continue
        fixed = [fix(text) for text in _strings(message)]
        if fixed != _strings(message):
            wrong.append(message.id if isinstance(message.id, str) else message.id[0])
            message.string = fixed[0] if isinstance(message.string, str) else tuple(fixed)
    if args.check:
        for msgid in wrong:
            print("French spacing before : ; ! ? —", msgid)
        sys.exit(1 if wrong else 0)
    with open(args.catalogue, "wb") as po:
        write_po(po, catalogue, width=100)
    print(f"{len(wrong)} translations given French spacing")


if __name__ == "__main__":
    main()
