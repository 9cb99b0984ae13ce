"""Demo guide, Contrôle parental: « Le contrôle parental sur le téléphone de votre enfant ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "controle-parental-telephone",
    "topic": "securite-en-ligne",
    "audience": "all",
    "duration_minutes": 20,
    "level": "intermediate",
    "is_training_guide": False,
    "fr": {
        "title": "Le contrôle parental sur le téléphone de votre enfant",
        "promise": ("Vous pourrez installer un contrôle parental adapté à l’âge de votre enfant."),
        "what_you_need": [
            "Le téléphone de votre enfant et votre propre téléphone",
            "Android : un compte Google pour vous et un pour votre enfant",
            "iPhone : un compte Apple pour vous et un pour votre enfant",
            "20 minutes avec votre enfant",
        ],
        "steps": [
            {
                "title": "Parler d’abord avec votre enfant",
                "body": (
                    "<p>Expliquez pourquoi vous installez un contrôle parental : "
                    "pour le protéger, pas pour l’espionner.</p>"
                    "<p>Fixez les règles ensemble : heures, applications, jeux.</p>"
                    "<p>Le contrôle parental aide. Il ne remplace pas le dialogue.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Dites-lui qu’il peut toujours vous parler s’il voit "
                            "quelque chose de choquant."
                        ),
                    },
                ],
            },
            {
                "title": "Téléphone Android : Google Family Link",
                "body": (
                    "<ol>"
                    "<li>Installez l’application <strong>Google Family Link</strong> "
                    "sur votre téléphone.</li>"
                    "<li>Ajoutez le compte Google de votre enfant, "
                    "ou créez-en un.</li>"
                    "<li>Suivez les étapes sur le téléphone de votre enfant.</li>"
                    "<li>Réglez le temps d’écran, l’heure du coucher "
                    "et les applications autorisées.</li>"
                    "</ol>"
                    '<p>Aide officielle : <a href="https://families.google/familylink/">'
                    "families.google/familylink</a>.</p>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "À partir d’un certain âge, votre enfant peut arrêter "
                            "la supervision. Parlez-en avant avec lui."
                        ),
                    },
                ],
            },
            {
                "title": "iPhone : Partage familial et Temps d’écran",
                "body": (
                    "<ol>"
                    "<li>Sur votre iPhone, ouvrez <strong>Réglages</strong>, "
                    "puis <strong>Famille</strong> (Partage familial).</li>"
                    "<li>Ajoutez votre enfant à la famille.</li>"
                    "<li>Ouvrez <strong>Temps d’écran</strong> pour votre enfant.</li>"
                    "<li>Réglez les temps d’arrêt, les limites d’apps et les "
                    "restrictions de contenu.</li>"
                    "</ol>"
                    '<p>Aide officielle : <a href="https://support.apple.com/fr-fr/HT201304">'
                    "support.apple.com</a>.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": "Choisissez un code Temps d’écran que votre enfant ignore.",
                    },
                ],
            },
            {
                "title": "Le contrôle parental de votre opérateur",
                "body": (
                    "<p>Votre opérateur (Orange, SFR, Bouygues Telecom, Free…) "
                    "propose un contrôle parental gratuit.</p>"
                    "<p>Il existe pour le forfait mobile et pour la box internet "
                    "de la maison.</p>"
                    "<p>Activez-le dans votre espace client, ou demandez en boutique.</p>"
                ),
                "callouts": [],
            },
            {
                "title": "À la mise en route d’un nouvel appareil",
                "body": (
                    "<p>Une loi de 2022 oblige les fabricants à proposer un "
                    "contrôle parental gratuit.</p>"
                    "<p>Depuis juillet 2024, un appareil neuf le propose dès "
                    "sa première mise en route.</p>"
                    "<p>Acceptez, et suivez les étapes avec votre enfant.</p>"
                ),
                "callouts": [],
            },
            {
                "title": "Trouver de l’aide et revoir les réglages",
                "body": (
                    "<p>Le site du gouvernement "
                    '<a href="https://jeprotegemonenfant.gouv.fr">'
                    "jeprotegemonenfant.gouv.fr</a> explique chaque réglage, "
                    "appareil par appareil.</p>"
                    "<p>Votre enfant grandit : revoyez les réglages avec lui, "
                    "par exemple à chaque rentrée.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Des ateliers pour les parents existent parfois près de chez "
                            "vous. Demandez à l’établissement ou à la mairie."
                        ),
                    },
                ],
            },
        ],
        "easy_read": None,
    },
}
