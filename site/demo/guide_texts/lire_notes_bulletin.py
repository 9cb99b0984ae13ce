"""Demo guide, Notes et bulletin: « Lire les notes et le bulletin en ligne ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "lire-notes-bulletin",
    "topic": "ent-vie-scolaire",
    "audience": "all",
    "duration_minutes": 15,
    "level": "beginner",
    "is_training_guide": False,
    "fr": {
        "title": "Lire les notes et le bulletin en ligne",
        "promise": ("Vous pourrez trouver le bulletin de votre enfant et le comprendre."),
        "what_you_need": [
            "Votre compte EduConnect",
            "Pour le collège et le lycée : Pronote, ÉcoleDirecte ou l’ENT de l’établissement",
            "Un moment calme, si possible avec votre enfant",
        ],
        "steps": [
            {
                "title": "À l’école élémentaire : le livret scolaire",
                "body": (
                    "<p>Du CP à la 3e, votre enfant a un <strong>livret scolaire "
                    "unique</strong> (LSU).</p>"
                    "<p>Pour le trouver :</p>"
                    "<ol>"
                    '<li>Connectez-vous sur <a href="https://educonnect.education.gouv.fr">'
                    "educonnect.education.gouv.fr</a>.</li>"
                    "<li>Vous arrivez sur <strong>Scolarité services</strong>.</li>"
                    "<li>Choisissez <strong>Livret scolaire</strong>.</li>"
                    "</ol>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Certaines écoles donnent le livret sur papier ou par l’ENT. "
                            "Demandez à l’enseignant comment il le partage."
                        ),
                    },
                ],
            },
            {
                "title": "Comprendre les niveaux à l’école",
                "body": (
                    "<p>À chaque période, l’enseignant indique si les objectifs sont : "
                    "<em>non atteints</em>, <em>partiellement atteints</em>, "
                    "<em>atteints</em> ou <em>dépassés</em>.</p>"
                    "<p>En fin de cycle (CE2, 6e et 3e), le livret indique "
                    "la maîtrise des compétences :</p>"
                    "<ul>"
                    "<li>maîtrise insuffisante ;</li>"
                    "<li>maîtrise fragile ;</li>"
                    "<li>maîtrise satisfaisante ;</li>"
                    "<li>très bonne maîtrise.</li>"
                    "</ul>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "« Fragile » veut dire : votre enfant apprend encore. "
                            "Avec de l’aide, il peut progresser."
                        ),
                    },
                ],
            },
            {
                "title": "Au collège et au lycée : le bulletin",
                "body": (
                    "<p>Le bulletin arrive à chaque trimestre ou semestre, "
                    "après le conseil de classe.</p>"
                    "<ul>"
                    "<li>Dans Pronote : onglet <strong>Notes</strong> "
                    "ou <strong>Résultats</strong>, puis <strong>Bulletins</strong>.</li>"
                    "<li>Dans ÉcoleDirecte : menu <strong>Notes</strong> "
                    "ou <strong>Documents</strong>.</li>"
                    "</ul>"
                    "<p>Au collège, le livret scolaire est souvent aussi dans "
                    "Scolarité services.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": "Enregistrez le bulletin sur votre téléphone ou imprimez-le.",
                    },
                ],
            },
            {
                "title": "Moyenne et appréciation",
                "body": (
                    "<p>La <strong>moyenne</strong> est une note sur 20. "
                    "Comparez-la à la moyenne de la classe.</p>"
                    "<p>L’<strong>appréciation</strong> est le commentaire "
                    "du professeur. Elle explique les efforts et les progrès.</p>"
                    "<p>Lisez d’abord les appréciations. "
                    "Elles disent souvent plus que les chiffres.</p>"
                ),
                "callouts": [],
            },
            {
                "title": "En parler avec votre enfant",
                "body": (
                    "<p>Commencez par ce qui va bien.</p>"
                    "<p>Demandez-lui ce qui est difficile, et pourquoi.</p>"
                    "<p>Cherchez ensemble une petite chose à améliorer.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Encouragez les efforts, pas seulement les notes. "
                            "Votre intérêt compte beaucoup pour votre enfant."
                        ),
                    },
                ],
            },
            {
                "title": "Demander un rendez-vous si vous êtes inquiet",
                "body": (
                    "<p>Vous êtes inquiet ? Demandez un rendez-vous.</p>"
                    "<ul>"
                    "<li>À l’école : avec l’enseignant.</li>"
                    "<li>Au collège et au lycée : avec le professeur principal.</li>"
                    "</ul>"
                    "<p>Écrivez par la messagerie de l’ENT ou par le carnet "
                    "de liaison.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Vous parlez peu français ? Demandez si une personne "
                            "de confiance peut venir avec vous pour traduire."
                        ),
                    },
                ],
            },
        ],
        "easy_read": None,
    },
}
