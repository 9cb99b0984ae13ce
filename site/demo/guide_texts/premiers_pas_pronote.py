"""Demo guide, Pronote: « Premiers pas dans Pronote ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "premiers-pas-pronote",
    "topic": "pronote",
    "audience": "secondary",
    "duration_minutes": 15,
    "level": "beginner",
    "is_training_guide": True,
    "fr": {
        "title": "Premiers pas dans Pronote",
        "promise": (
            "Vous pourrez voir les devoirs, les notes et les absences de votre enfant dans Pronote."
        ),
        "what_you_need": [
            "Votre compte EduConnect (ou les codes Pronote donnés par l’établissement)",
            "Un téléphone, une tablette ou un ordinateur avec internet",
            "L’application gratuite PRONOTE, de l’éditeur Index Éducation",
        ],
        "steps": [
            {
                "title": "Ouvrir Pronote",
                "body": (
                    "<p>Pronote est le logiciel de vie scolaire de beaucoup de collèges "
                    "et lycées.</p>"
                    "<p>Vous pouvez l’ouvrir de deux façons :</p>"
                    "<ul>"
                    "<li>par l’ENT, l’espace numérique de travail : c’est le site de "
                    "l’établissement. Cliquez ensuite sur <strong>Pronote</strong>.</li>"
                    "<li>par l’application <strong>PRONOTE</strong> sur votre "
                    "téléphone.</li>"
                    "</ul>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Téléchargez l’application PRONOTE de l’éditeur Index "
                            "Éducation. Elle est gratuite. Évitez les imitations."
                        ),
                    },
                    {
                        "kind": "ask_school",
                        "text": "Demandez l’adresse de l’ENT à l’établissement.",
                    },
                ],
            },
            {
                "title": "Vous connecter",
                "body": (
                    "<ol>"
                    "<li>Dans l’application, cherchez votre établissement par son nom "
                    "ou par sa ville.</li>"
                    "<li>Choisissez l’espace <strong>Parents</strong>.</li>"
                    "<li>Connectez-vous avec <strong>EduConnect</strong>, "
                    "ou avec les codes donnés par l’établissement.</li>"
                    "</ol>"
                    "<p>Vous voyez alors tous vos enfants inscrits dans cet "
                    "établissement.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Sur ordinateur, Pronote peut afficher un QR code. "
                            "Scannez-le avec l’application pour vous connecter plus vite."
                        ),
                    },
                ],
            },
            {
                "title": "Le cahier de textes : les devoirs",
                "body": (
                    "<p>Le <strong>cahier de textes</strong> montre les devoirs "
                    "à faire, jour par jour.</p>"
                    "<p>Il montre aussi ce qui a été fait en classe.</p>"
                    "<p>Regardez-le avec votre enfant, par exemple le soir ou le "
                    "week-end.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Demandez à votre enfant de vous montrer ses devoirs. "
                            "Vous n’avez pas besoin de tout comprendre pour l’encourager."
                        ),
                    },
                ],
            },
            {
                "title": "Les notes et les compétences",
                "body": (
                    "<p>Dans l’onglet <strong>Notes</strong>, vous voyez chaque note.</p>"
                    "<p>À côté, vous voyez souvent la moyenne de la classe.</p>"
                    "<p>Certains établissements évaluent par <strong>compétences</strong> "
                    "avec des couleurs, au lieu de notes.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Une mauvaise note ne dit pas tout. "
                            "Regardez l’ensemble sur plusieurs semaines."
                        ),
                    },
                ],
            },
            {
                "title": "La vie scolaire : absences et retards",
                "body": (
                    "<p>L’onglet <strong>Vie scolaire</strong> montre les absences, "
                    "les retards et les punitions.</p>"
                    "<p>Regardez-le chaque semaine.</p>"
                    "<p>Une absence doit être justifiée par un parent.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Comment justifier une absence ? Dans Pronote, sur papier "
                            "ou par téléphone : demandez à la vie scolaire."
                        ),
                    },
                ],
            },
            {
                "title": "Les messages et les notifications",
                "body": (
                    "<p>L’onglet <strong>Communication</strong> contient les messages "
                    "(discussions) et les informations de l’établissement.</p>"
                    "<p>Vous pouvez y écrire aux professeurs et à la vie scolaire.</p>"
                    "<p>Dans l’application, acceptez les <strong>notifications</strong>. "
                    "Vous êtes prévenu des nouvelles notes et des messages.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Certains onglets changent d’un établissement à l’autre. "
                            "Vous ne trouvez pas un onglet ? Demandez à la vie scolaire."
                        ),
                    },
                ],
            },
        ],
        "easy_read": None,
    },
}
