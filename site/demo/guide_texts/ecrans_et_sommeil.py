"""Demo guide, Écrans et sommeil: « Écrans et sommeil : de bonnes habitudes en famille ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "ecrans-et-sommeil",
    "topic": "ecrans-sommeil",
    "audience": "all",
    "duration_minutes": 5,
    "level": "beginner",
    "is_training_guide": False,
    "fr": {
        "title": "Écrans et sommeil : de bonnes habitudes en famille",
        "promise": (
            "Vous pourrez mettre en place des règles simples pour protéger "
            "le sommeil de vos enfants."
        ),
        "what_you_need": [
            "Un moment calme pour en parler en famille",
            "Un endroit hors des chambres pour charger les téléphones",
            "Un réveil simple, si le téléphone sert de réveil",
        ],
        "steps": [
            {
                "title": "Pourquoi le sommeil est important",
                "body": (
                    "<p>Le sommeil aide votre enfant à apprendre et à retenir. "
                    "Il l’aide aussi à grandir et à être de bonne humeur.</p>"
                    "<p>Les écrans retardent l’endormissement. La lumière, les vidéos "
                    "et les messages gardent le cerveau éveillé.</p>"
                    "<p>Besoins de sommeil, à peu près :</p>"
                    "<ul>"
                    "<li>de 6 à 12 ans : <strong>9 à 12 heures</strong> par nuit ;</li>"
                    "<li>de 13 à 18 ans : <strong>8 à 10 heures</strong> par nuit.</li>"
                    "</ul>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Votre enfant de 8 ans se lève à 7 h ? Il peut se coucher vers 20 h 30."
                        ),
                    },
                ],
            },
            {
                "title": "Éteindre les écrans une heure avant le coucher",
                "body": (
                    "<p>Éteignez télévision, tablette, console et téléphone "
                    "<strong>une heure avant</strong> d’aller au lit.</p>"
                    "<p>Proposez des activités calmes : lire une histoire, dessiner, "
                    "parler de la journée, prendre un bain.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": ("Un petit rituel chaque soir aide votre enfant à s’endormir."),
                    },
                ],
            },
            {
                "title": "La nuit, les écrans dorment hors de la chambre",
                "body": (
                    "<p>La nuit, les téléphones, tablettes et consoles restent "
                    "<strong>hors de la chambre</strong>.</p>"
                    "<p>Chargez-les dans la cuisine ou le salon. "
                    "Toute la famille fait pareil.</p>"
                    "<p>Le téléphone sert de réveil ? Un réveil simple coûte "
                    "quelques euros.</p>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Un téléphone dans la chambre réveille souvent votre enfant : "
                            "messages, vibrations, envie de regarder."
                        ),
                    },
                ],
            },
            {
                "title": "Un repère selon l’âge : 3-6-9-12",
                "body": (
                    "<p>Le psychiatre Serge Tisseron propose ces repères :</p>"
                    "<ul>"
                    "<li><strong>avant 3 ans</strong> : pas d’écran ;</li>"
                    "<li><strong>avant 6 ans</strong> : pas de console de jeux "
                    "à soi ;</li>"
                    "<li><strong>avant 9 ans</strong> : pas d’internet ;</li>"
                    "<li><strong>de 9 à 12 ans</strong> : internet avec un adulte ;</li>"
                    "<li><strong>après 12 ans</strong> : internet seul, "
                    "et vous restez disponible.</li>"
                    "</ul>"
                    "<p>Ce sont des repères pour vous aider, pas des lois.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "La plupart des réseaux sociaux demandent d’avoir au moins "
                            "13 ans pour s’inscrire."
                        ),
                    },
                ],
            },
            {
                "title": "Montrer l’exemple et décider ensemble",
                "body": (
                    "<p>Les enfants imitent les adultes. "
                    "Posez aussi votre téléphone pendant le repas et le soir.</p>"
                    "<p>Décidez les règles avec vos enfants. Écrivez-les sur une feuille. "
                    "Affichez-la dans la cuisine.</p>"
                    "<p>Expliquez les règles avec calme. Félicitez votre enfant "
                    "quand il les respecte.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Pour régler le temps d’écran sur un téléphone, "
                            "voyez le site jeprotegemonenfant.gouv.fr."
                        ),
                    },
                ],
            },
        ],
        "easy_read": None,
    },
}
