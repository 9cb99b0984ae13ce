"""Demo guide, S'équiper: « S’équiper : un ordinateur à petit prix ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "ordinateur-petit-prix",
    "topic": "s-equiper",
    "audience": "all",
    "duration_minutes": 10,
    "level": "beginner",
    "is_training_guide": False,
    "fr": {
        "title": "S’équiper : un ordinateur à petit prix",
        "promise": (
            "Vous saurez où chercher un ordinateur à petit prix et comment bien le choisir."
        ),
        "what_you_need": [
            "Une idée de votre budget",
            "Si vous en avez : un justificatif de ressources (attestation CAF, par exemple)",
            "Quelques minutes pour poser des questions à l’établissement ou à la mairie",
        ],
        "steps": [
            {
                "title": "Un ordinateur, une tablette ou un téléphone ?",
                "body": (
                    "<p>Pour lire Pronote ou l’ENT, un téléphone suffit souvent.</p>"
                    "<p>Pour écrire des devoirs, un ordinateur avec clavier est plus "
                    "pratique.</p>"
                ),
                "callouts": [],
            },
            {
                "title": "Demander d’abord à l’établissement et à la mairie",
                "body": (
                    "<p>Certains départements et certaines régions prêtent ou donnent "
                    "un ordinateur ou une tablette aux élèves.</p>"
                    "<p>Cela dépend de l’endroit où vous habitez, et de la classe de "
                    "votre enfant.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Existe-t-il une aide pour s’équiper près de chez vous ? "
                            "Demandez au collège ou au lycée."
                        ),
                    },
                ],
            },
            {
                "title": "Choisir un ordinateur reconditionné",
                "body": (
                    "<p>Un ordinateur <strong>reconditionné</strong> a déjà servi. "
                    "Il a été vérifié et réparé par un professionnel.</p>"
                    "<p>Il coûte moins cher qu’un ordinateur neuf.</p>"
                    "<p>Acheté à un professionnel, il a au moins un an de garantie "
                    "légale.</p>"
                    "<p>Des associations solidaires, comme Emmaüs Connect, vendent "
                    "des ordinateurs à petit prix.</p>"
                    "<p>Cette offre est réservée aux familles aux revenus modestes.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Un travailleur social peut vous orienter vers une "
                            "association solidaire."
                        ),
                    },
                ],
            },
            {
                "title": "Vérifier quelques points avant d’acheter",
                "body": (
                    "<ul>"
                    "<li>Le système est à jour : par exemple Windows 11.</li>"
                    "<li>La batterie tient plusieurs heures.</li>"
                    "<li>Il y a une webcam et un micro, pour les échanges à distance.</li>"
                    "<li>Le vendeur donne une facture et une garantie.</li>"
                    "</ul>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Depuis octobre 2025, Windows 10 n’a plus de mises à jour "
                            "normales. Évitez un ordinateur qui ne peut pas passer "
                            "à Windows 11."
                        ),
                    },
                    {
                        "kind": "warning",
                        "text": (
                            "Méfiez-vous des annonces d’ordinateurs « gratuits » "
                            "contre des frais d’envoi. Ce sont souvent des arnaques."
                        ),
                    },
                ],
            },
            {
                "title": "Se faire aider gratuitement",
                "body": (
                    "<p>Les espaces France Services, les médiathèques et les "
                    "conseillers numériques aident gratuitement.</p>"
                    "<p>Ils aident à installer l’ordinateur et à créer vos comptes.</p>"
                    "<p>Beaucoup proposent aussi des ordinateurs en libre accès.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Internet coûte cher ? Demandez à votre opérateur "
                            "s’il a une offre sociale."
                        ),
                    },
                ],
            },
        ],
        "easy_read": None,
    },
}
