"""Demo guide, Cyberharcèlement: « Cyberharcèlement : que faire ? ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "cyberharcelement-que-faire",
    "topic": "securite-en-ligne",
    "audience": "all",
    "duration_minutes": 10,
    "level": "beginner",
    "is_training_guide": False,
    "fr": {
        "title": "Cyberharcèlement : que faire ?",
        "promise": (
            "Vous saurez comment aider votre enfant et qui appeler s’il est harcelé sur internet."
        ),
        "what_you_need": [
            "Le téléphone ou l’ordinateur où sont les messages",
            "Un moment calme avec votre enfant",
            "Le numéro 3018 : gratuit, anonyme et confidentiel",
        ],
        "steps": [
            {
                "title": "Reconnaître le cyberharcèlement et écouter",
                "body": (
                    "<p>Le cyberharcèlement, ce sont des attaques répétées "
                    "sur internet ou par téléphone.</p>"
                    "<p>Par exemple : insultes, moqueries, rumeurs, menaces, "
                    "photos partagées sans accord.</p>"
                    "<p>Signes possibles : votre enfant est triste, s’isole, dort mal, "
                    "refuse d’aller à l’école, cache son téléphone.</p>"
                    "<p>Écoutez-le calmement. Dites-lui : « Tu as bien fait de me "
                    "parler. Ce n’est pas de ta faute. »</p>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Évitez de lui retirer son téléphone pour le punir. "
                            "Il risque de ne plus rien vous dire."
                        ),
                    },
                ],
            },
            {
                "title": "Garder les preuves",
                "body": (
                    "<p>Faites des <strong>captures d’écran</strong> des messages, "
                    "des photos et des commentaires.</p>"
                    "<p>Notez la date, le nom du compte et l’adresse de la page.</p>"
                    "<p>Gardez tout dans un endroit sûr avant de supprimer quoi que "
                    "ce soit.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "L’application 3018 permet de ranger les preuves "
                            "dans un espace sécurisé."
                        ),
                    },
                ],
            },
            {
                "title": "Ne pas répondre, bloquer, signaler",
                "body": (
                    "<p>Votre enfant ne répond pas au harceleur. "
                    "Répondre peut aggraver la situation.</p>"
                    "<p><strong>Bloquez</strong> le compte qui harcèle.</p>"
                    "<p><strong>Signalez</strong> les messages au réseau social "
                    "ou au jeu, avec le bouton « Signaler ».</p>"
                ),
                "callouts": [],
            },
            {
                "title": "Appeler le 3018",
                "body": (
                    "<p>Le <strong>3018</strong> est le numéro national pour les jeunes "
                    "victimes de harcèlement et de violences sur internet. "
                    "Les parents peuvent aussi appeler.</p>"
                    "<ul>"
                    "<li>C’est gratuit, anonyme et confidentiel.</li>"
                    "<li>C’est ouvert 7 jours sur 7, de 9 h à 23 h.</li>"
                    "<li>Appelez le 3018, ou utilisez l’application 3018 "
                    "ou le tchat sur internet.</li>"
                    "</ul>"
                    "<p>Le 3018 peut faire supprimer vite des contenus et des comptes. "
                    'Site : <a href="https://www.e-enfance.org">e-enfance.org</a>.</p>'
                ),
                "callouts": [],
            },
            {
                "title": "Prévenir l’école",
                "body": (
                    "<p>Même si tout se passe sur internet, prévenez l’école.</p>"
                    "<ul>"
                    "<li>À l’école : l’enseignant ou la direction.</li>"
                    "<li>Au collège et au lycée : le chef d’établissement ou le CPE, "
                    "le conseiller principal d’éducation.</li>"
                    "</ul>"
                    "<p>Les écoles et établissements appliquent le programme "
                    "<strong>pHARe</strong> contre le harcèlement. "
                    "Des adultes y sont formés pour agir.</p>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Demandez ce qui va être fait, et quand vous aurez des nouvelles."
                        ),
                    },
                    {
                        "kind": "tip",
                        "text": (
                            "Le cyberharcèlement est puni par la loi. Vous pouvez porter "
                            "plainte au commissariat ou à la gendarmerie, avec vos preuves."
                        ),
                    },
                ],
            },
            {
                "title": "En cas de danger",
                "body": (
                    "<ul>"
                    "<li>Danger immédiat : appelez le <strong>17</strong> (police) "
                    "ou le <strong>112</strong>.</li>"
                    "<li>Enfant en danger ou en risque de l’être : appelez le "
                    "<strong>119</strong>. C’est gratuit, 24 heures sur 24.</li>"
                    "<li>Votre enfant parle de se faire du mal : appelez le "
                    "<strong>3114</strong>, 24 heures sur 24.</li>"
                    "</ul>"
                ),
                "callouts": [],
            },
        ],
        "easy_read": [
            {
                "title": "C’est quoi ?",
                "body": (
                    "<p>Votre enfant reçoit des messages méchants.</p>"
                    "<p>Ces messages arrivent souvent.</p>"
                    "<p>Ils arrivent sur le téléphone ou sur internet.</p>"
                    "<p>Cela s’appelle du cyberharcèlement.</p>"
                    "<p>La loi interdit le cyberharcèlement.</p>"
                ),
            },
            {
                "title": "Ce que vous faites",
                "body": (
                    "<ol>"
                    "<li>Écoutez votre enfant.</li>"
                    "<li>Dites-lui : « Tu as bien fait de me parler. »</li>"
                    "<li>Prenez en photo l’écran avec les messages.</li>"
                    "<li>Gardez ces photos.</li>"
                    "<li>Bloquez la personne méchante.</li>"
                    "<li>Signalez les messages.</li>"
                    "</ol>"
                ),
            },
            {
                "title": "Qui appeler ?",
                "body": (
                    "<p>Appelez le 3018.</p>"
                    "<p>L’appel est gratuit.</p>"
                    "<p>L’appel est secret.</p>"
                    "<p>Des personnes vous aident.</p>"
                    "<p>Parlez aussi à l’école.</p>"
                ),
            },
            {
                "title": "Danger",
                "body": (
                    "<p>Votre enfant est en danger ?</p>"
                    "<p>Appelez le 17 ou le 112.</p>"
                    "<p>Vous pouvez aussi appeler le 119.</p>"
                ),
            },
        ],
    },
}
