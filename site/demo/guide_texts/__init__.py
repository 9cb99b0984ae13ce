"""Demo content for Coéduc’s guides: short, kind, step-by-step help for parents.

These guides help parents who are far from digital tools follow their children’s schooling.
The French text (``"fr"``) is the reference copy. Some guides also have an English (``"en"``)
and a Modern Standard Arabic (``"ar"``) translation, and an easy-read version (``"easy_read"``,
in French “FALC”: facile à lire et à comprendre).

Each guide is a dict:

- ``slug``: stable ASCII identifier;
- ``topic``: one of ``ent-vie-scolaire``, ``educonnect``, ``pronote``, ``ecoledirecte``,
  ``ecrans-sommeil``, ``securite-en-ligne``, ``parents-ecole``, ``s-equiper``;
- ``audience``: ``all``, ``primary`` (école) or ``secondary`` (collège, lycée);
- ``duration_minutes`` (int) and ``level`` (``beginner`` or ``intermediate``);
- ``is_training_guide``: True for guides that also help future ambassadors;
- one dict per language with ``title``, ``promise``, ``what_you_need`` (list of str),
  ``steps`` (3 to 6 dicts with ``title``, ``body`` and ``callouts``) and ``easy_read``
  (None or a list of dicts with ``title`` and ``body``).

Step and easy-read bodies are HTML limited to p, ul, ol, li, strong, em and a href (https,
official sites only). Callout texts are plain text; ``kind`` is ``tip``, ``warning`` or
``ask_school``.

Facts checked for the 2025-2026 school year. When a detail depends on the school, the text
tells parents to ask the school rather than guess.
"""

from . import (
    arabic,
    controle_parental_telephone,
    creer_compte_educonnect,
    cyberharcelement_que_faire,
    decouvrir_ecoledirecte,
    ecrans_et_sommeil,
    ecrire_enseignant_ent,
    english,
    lire_notes_bulletin,
    ordinateur_petit_prix,
    premiers_pas_pronote,
)


def _with_translations(guide: dict) -> dict:
    """The guide with its English and Arabic translations, where it has them."""
    translated = {
        language: module.TRANSLATIONS[guide["slug"]]
        for language, module in (("en", english), ("ar", arabic))
        if guide["slug"] in module.TRANSLATIONS
    }
    return {**guide, **translated}


GUIDES = [
    _with_translations(creer_compte_educonnect.GUIDE),
    _with_translations(premiers_pas_pronote.GUIDE),
    _with_translations(decouvrir_ecoledirecte.GUIDE),
    _with_translations(lire_notes_bulletin.GUIDE),
    _with_translations(ecrire_enseignant_ent.GUIDE),
    _with_translations(controle_parental_telephone.GUIDE),
    _with_translations(ecrans_et_sommeil.GUIDE),
    _with_translations(cyberharcelement_que_faire.GUIDE),
    _with_translations(ordinateur_petit_prix.GUIDE),
]
