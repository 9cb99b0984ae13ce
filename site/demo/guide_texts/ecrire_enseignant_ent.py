"""Demo guide, Écrire à l'enseignant: « Écrire à l’enseignant par l’ENT ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "ecrire-enseignant-ent",
    "topic": "parents-ecole",
    "audience": "all",
    "duration_minutes": 10,
    "level": "beginner",
    "is_training_guide": True,
    "fr": {
        "title": "Écrire à l’enseignant par l’ENT",
        "promise": ("Vous pourrez écrire un message court et poli à l’enseignant de votre enfant."),
        "what_you_need": [
            "Votre accès à l’ENT, à Pronote ou à ÉcoleDirecte",
            "Le nom de l’enseignant et la classe de votre enfant",
            "Vos jours et heures de disponibilité",
        ],
        "steps": [
            {
                "title": "Trouver la messagerie",
                "body": (
                    "<p>L’ENT, c’est l’espace numérique de travail : "
                    "le site de l’école pour les parents et les élèves.</p>"
                    "<ul>"
                    "<li>Dans l’ENT : ouvrez <strong>Messagerie</strong>.</li>"
                    "<li>Dans Pronote : onglet <strong>Communication</strong>, "
                    "puis <strong>Discussions</strong>.</li>"
                    "<li>Dans ÉcoleDirecte : menu <strong>Messagerie</strong>.</li>"
                    "</ul>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Certaines écoles utilisent un cahier de liaison ou une autre "
                            "application. Demandez comment contacter l’enseignant."
                        ),
                    },
                ],
            },
            {
                "title": "Choisir à qui écrire",
                "body": (
                    "<ul>"
                    "<li>À l’école : l’enseignant de la classe.</li>"
                    "<li>Au collège et au lycée : le professeur de la matière, "
                    "ou le professeur principal pour une question générale.</li>"
                    "<li>Pour les absences et la vie dans l’établissement : "
                    "le CPE, le conseiller principal d’éducation.</li>"
                    "</ul>"
                ),
                "callouts": [],
            },
            {
                "title": "Écrire un message court et poli",
                "body": (
                    "<p>Présentez-vous : vous êtes le parent de quel enfant, "
                    "dans quelle classe.</p>"
                    "<p>Dites pourquoi vous écrivez, en une ou deux phrases.</p>"
                    "<p>Exemple :</p>"
                    "<p><em>Objet : Demande de rendez-vous – Sami, CE1 B</em></p>"
                    "<p><em>Bonjour Madame Martin,</em></p>"
                    "<p><em>Je suis la mère de Sami Diallo, en classe de CE1 B.</em></p>"
                    "<p><em>Je souhaite vous rencontrer pour parler de la lecture.</em></p>"
                    "<p><em>Je suis disponible le lundi et le jeudi après 16 h 30.</em></p>"
                    "<p><em>Merci beaucoup. Cordialement,</em></p>"
                    "<p><em>Fatou Diallo – 06 12 34 56 78</em></p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Écrivez comme vous parlez, avec des phrases courtes. "
                            "Les fautes ne sont pas graves."
                        ),
                    },
                ],
            },
            {
                "title": "Attendre la réponse",
                "body": (
                    "<p>Les enseignants répondent souvent en quelques jours.</p>"
                    "<p>Ils lisent les messages en dehors de leurs heures de classe.</p>"
                    "<p>Sans réponse après une semaine, écrivez à nouveau ou "
                    "téléphonez à l’école.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": "Un seul message suffit. Gardez un ton calme et poli.",
                    },
                ],
            },
            {
                "title": "Pour une urgence, téléphonez",
                "body": (
                    "<p>La messagerie n’est pas lue tout de suite.</p>"
                    "<p>Pour une urgence, téléphonez à l’école ou à la vie scolaire. "
                    "Par exemple : votre enfant est malade ce matin.</p>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Votre enfant est en danger ? Appelez le 17 ou le 112. "
                            "Pour un enfant en danger, appelez aussi le 119."
                        ),
                    },
                ],
            },
        ],
        "easy_read": [
            {
                "title": "Écrire à l’enseignant",
                "body": (
                    "<p>Vous voulez parler à l’enseignant ?</p>"
                    "<p>Vous pouvez lui écrire sur internet.</p>"
                    "<p>Vous écrivez dans la messagerie de l’école.</p>"
                ),
            },
            {
                "title": "Votre message",
                "body": (
                    "<ol>"
                    "<li>Dites bonjour.</li>"
                    "<li>Dites votre nom.</li>"
                    "<li>Dites le prénom de votre enfant et sa classe.</li>"
                    "<li>Dites ce que vous voulez.</li>"
                    "<li>Dites merci.</li>"
                    "</ol>"
                ),
            },
            {
                "title": "Un exemple",
                "body": (
                    "<p><em>Bonjour Madame,</em></p>"
                    "<p><em>Je suis la maman de Sami.</em></p>"
                    "<p><em>Sami est en classe de CE1.</em></p>"
                    "<p><em>Je voudrais vous rencontrer.</em></p>"
                    "<p><em>Merci.</em></p>"
                    "<p><em>Fatou Diallo</em></p>"
                ),
            },
            {
                "title": "La réponse",
                "body": (
                    "<p>L’enseignant répond en quelques jours.</p>"
                    "<p>C’est urgent ? Téléphonez à l’école.</p>"
                ),
            },
        ],
    },
}
