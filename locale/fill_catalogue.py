"""Fill a catalogue's empty translations from a JSON file of {msgid: msgstr}.

Translators' helper: `python locale/fill_catalogue.py locale/fr/LC_MESSAGES/django.po fr.json`.
With `--copy-source` (for English, the source language) msgid is copied into msgstr.
Entries already translated are left alone; fuzzy flags are removed only where filled.
"""

import argparse
import json
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("catalogue")
    parser.add_argument("translations", nargs="?")
    parser.add_argument("--copy-source", action="store_true")
    args = parser.parse_args()
    language = Path(args.catalogue).parent.parent.name  # locale/<language>/LC_MESSAGES/…
    with open(args.catalogue, "rb") as po:
        catalogue = read_po(po, locale=language)
    table = {}
    if args.translations:
        with open(args.translations, encoding="utf-8") as source:
            table = json.load(source)
    catalogue.project, catalogue.version = "Coéduc", "0.1"
    catalogue.copyright_holder = "Coéduc"
    catalogue.msgid_bugs_address = "traduction@coeduc.fr"
    catalogue.last_translator = "Équipe Coéduc <traduction@coeduc.fr>"
    catalogue.language_team = "Coéduc <traduction@coeduc.fr>"
    catalogue.fuzzy = False  # the header: a fuzzy catalogue would not be compiled
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if isinstance(message.id, str):
            if message.string and not message.fuzzy:
                continue
            if args.copy_source:
                message.string = message.id
            elif key in table:
                message.string = table[key]
            else:
                missing.append(key)
                continue
        else:
            if all(message.string) and not message.fuzzy:
                continue
            plural_forms = catalogue.num_plurals
            if args.copy_source:
                message.string = tuple(
                    message.id[0] if i == 0 else message.id[1] for i in range(plural_forms)
                )
            elif key in table:
                message.string = tuple(table[key])
            else:
                missing.append(key)
                continue
        message.flags.discard("fuzzy")
    with open(args.catalogue, "wb") as po:
        write_po(po, catalogue, width=100)
    for key in missing:
        print("untranslated:", key)


if __name__ == "__main__":
    main()
