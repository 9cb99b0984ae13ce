"""Demo recordings: parts of two guides read by a synthetic voice (espeak-ng), in Ogg/Opus.

They are synthetic, not a person reading, and their titles in the admin say so. Each says the
title and first sentence of its part, which is also its transcript. The files in
``recordings/`` were made with ``python site/demo/recordings.py`` (Debian: espeak-ng and
opus-tools), 12 kbit/s mono: a few seconds and a few kilobytes each.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "recordings"
TITLE = "Synthetic voice (espeak-ng) — {guide}, {part} {number} ({language})"
COLLECTION = "Démo : enregistrements en voix de synthèse"
# What the title calls each kind of part.
PART = {"steps": "step", "easy_read": "easy-read section"}

# (guide slug, language, "steps" or "easy_read", index of the part, what the voice says)
RECORDINGS = [
    (
        "ecrans-et-sommeil",
        "fr",
        "steps",
        0,
        "Pourquoi le sommeil est important. Le sommeil aide votre enfant à apprendre et à retenir.",
    ),
    (
        "ecrans-et-sommeil",
        "fr",
        "steps",
        1,
        "Éteindre les écrans une heure avant le coucher. "
        "Éteignez télévision, tablette, console et téléphone une heure avant d’aller au lit.",
    ),
    (
        "ecrans-et-sommeil",
        "fr",
        "steps",
        2,
        "La nuit, les écrans dorment hors de la chambre. "
        "Les téléphones, tablettes et consoles restent hors de la chambre.",
    ),
    (
        "ecrans-et-sommeil",
        "fr",
        "steps",
        3,
        "Un repère selon l’âge : 3, 6, 9, 12. Avant 3 ans : pas d’écran.",
    ),
    (
        "ecrans-et-sommeil",
        "fr",
        "steps",
        4,
        "Montrer l’exemple et décider ensemble. Les enfants imitent les adultes.",
    ),
    (
        "ecrans-et-sommeil",
        "ar",
        "steps",
        0,
        "لماذا النوم مهمّ؟ النوم يساعد طفلكم على التعلّم والحفظ.",
    ),
    (
        "ecrans-et-sommeil",
        "ar",
        "steps",
        1,
        "إطفاء الشاشات قبل النوم بساعة. "
        "أطفئوا التلفاز واللوحة الإلكترونية وجهاز الألعاب والهاتف قبل النوم بساعة.",
    ),
    (
        "ecrans-et-sommeil",
        "ar",
        "steps",
        2,
        "في الليل، تنام الشاشات خارج غرفة النوم.",
    ),
    (
        "ecrans-et-sommeil",
        "ar",
        "steps",
        3,
        "دليل حسب العمر: 3، 6، 9، 12. قبل 3 سنوات: لا شاشات.",
    ),
    (
        "ecrans-et-sommeil",
        "ar",
        "steps",
        4,
        "كونوا قدوة، وقرّروا معًا. الأطفال يقلّدون الكبار.",
    ),
    (
        "cyberharcelement-que-faire",
        "fr",
        "easy_read",
        0,
        "C’est quoi ? Votre enfant reçoit des messages méchants.",
    ),
    (
        "cyberharcelement-que-faire",
        "fr",
        "easy_read",
        1,
        "Ce que vous faites. Écoutez votre enfant.",
    ),
    ("cyberharcelement-que-faire", "fr", "easy_read", 2, "Qui appeler ? Appelez le 3018."),
    ("cyberharcelement-que-faire", "fr", "easy_read", 3, "Danger. Votre enfant est en danger ?"),
    ("cyberharcelement-que-faire", "ar", "easy_read", 0, "ما هو؟ طفلكم تصله رسائل مؤذية."),
    ("cyberharcelement-que-faire", "ar", "easy_read", 1, "ما تفعلونه. استمعوا إلى طفلكم."),
    ("cyberharcelement-que-faire", "ar", "easy_read", 2, "بمن تتّصلون؟ اتصلوا بالرقم 3018."),
    ("cyberharcelement-que-faire", "ar", "easy_read", 3, "الخطر. هل طفلكم في خطر؟"),
]


def file_name(slug: str, language: str, version: str, index: int) -> str:
    return f"{slug}-{version.replace('_', '-')}-{index + 1}-{language}.opus"


def make(folder: Path = FOLDER) -> None:
    """Speak each text with espeak-ng and encode it to Ogg/Opus, speech-tuned, low bit rate."""
    espeak, opusenc = shutil.which("espeak-ng"), shutil.which("opusenc")
    if not espeak or not opusenc:
        sys.exit(
            "Install espeak-ng and opus-tools first (Debian: apt-get install espeak-ng opus-tools)."
        )
    folder.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        wav = Path(work) / "voice.wav"
        # Our own programs and texts, in argument lists (no shell).
        for slug, language, version, index, text in RECORDINGS:
            subprocess.run([espeak, "-v", language, "-s", "150", "-w", wav, text], check=True)  # noqa: S603
            subprocess.run(  # noqa: S603
                [
                    opusenc,
                    "--quiet",
                    "--speech",
                    "--bitrate",
                    "12",
                    "--downmix-mono",
                    "--serial",
                    "1",  # the same bytes every time
                    "--artist",
                    "espeak-ng (synthetic voice)",
                    "--title",
                    text,
                    wav,
                    folder / file_name(slug, language, version, index),
                ],
                check=True,
            )


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER)
