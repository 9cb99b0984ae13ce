"""Demo guide, ÉcoleDirecte: « Découvrir ÉcoleDirecte ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "decouvrir-ecoledirecte",
    "topic": "ecoledirecte",
    "audience": "all",
    "duration_minutes": 10,
    "level": "beginner",
    "is_training_guide": False,
    "fr": {
        "title": "Découvrir ÉcoleDirecte",
        "promise": (
            "Vous pourrez utiliser ÉcoleDirecte pour suivre les notes, les devoirs et les messages."
        ),
        "what_you_need": [
            "L’identifiant et le mot de passe donnés par l’établissement",
            "Un téléphone, une tablette ou un ordinateur avec internet",
            "L’application gratuite EcoleDirecte, si vous utilisez un téléphone",
        ],
        "steps": [
            {
                "title": "Savoir si l’établissement utilise ÉcoleDirecte",
                "body": (
                    "<p>ÉcoleDirecte est surtout utilisé par des établissements privés.</p>"
                    "<p>L’établissement vous donne un identifiant et un mot de passe. "
                    "Il les envoie souvent par courrier ou par e-mail.</p>"
                    "<p>Ces codes sont propres à ÉcoleDirecte. "
                    "Ce ne sont pas vos codes EduConnect.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Vous n’avez pas reçu vos codes ? "
                            "Demandez-les au secrétariat de l’établissement."
                        ),
                    },
                ],
            },
            {
                "title": "Vous connecter la première fois",
                "body": (
                    "<ol>"
                    "<li>Ouvrez l’application <strong>EcoleDirecte</strong>, "
                    "ou le site www.ecoledirecte.com.</li>"
                    "<li>Écrivez votre identifiant et votre mot de passe.</li>"
                    "<li>Le site peut vous demander de choisir un nouveau mot de passe.</li>"
                    "<li>Il peut aussi vous poser une question pour vérifier "
                    "que c’est bien vous. Répondez simplement.</li>"
                    "</ol>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Utilisez l’espace Famille, pas l’espace de votre enfant. "
                            "Votre enfant a ses propres codes."
                        ),
                    },
                ],
            },
            {
                "title": "Trouver les informations",
                "body": (
                    "<p>Les menus principaux sont :</p>"
                    "<ul>"
                    "<li><strong>Notes</strong> : les notes et les moyennes ;</li>"
                    "<li><strong>Cahier de textes</strong> : les devoirs à faire ;</li>"
                    "<li><strong>Vie scolaire</strong> : les absences, les retards, "
                    "les punitions ;</li>"
                    "<li><strong>Emploi du temps</strong> : les heures de cours.</li>"
                    "</ul>"
                    "<p>Selon l’établissement, vous trouvez aussi des documents : "
                    "bulletins, factures de cantine.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": ("Plusieurs enfants ? Choisissez l’enfant en haut de l’écran."),
                    },
                ],
            },
            {
                "title": "Écrire et lire les messages",
                "body": (
                    "<p>Ouvrez la <strong>Messagerie</strong>.</p>"
                    "<p>Vous pouvez écrire aux professeurs et à la vie scolaire.</p>"
                    "<p>L’établissement y envoie aussi des informations importantes.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Dans l’application, acceptez les notifications pour être "
                            "prévenu des nouveaux messages."
                        ),
                    },
                ],
            },
        ],
        "easy_read": None,
    },
}
