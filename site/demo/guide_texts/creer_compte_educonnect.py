"""Demo guide, EduConnect: « Créer votre compte EduConnect ».

The French text, the reference copy (its translations are in english.py and arabic.py).
"""

GUIDE = {
    "slug": "creer-compte-educonnect",
    "topic": "educonnect",
    "audience": "all",
    "duration_minutes": 10,
    "level": "beginner",
    "is_training_guide": True,
    "fr": {
        "title": "Créer votre compte EduConnect",
        "promise": (
            "Vous pourrez créer votre compte EduConnect et suivre tous vos enfants "
            "avec un seul compte."
        ),
        "what_you_need": [
            "Votre téléphone portable : celui dont le numéro a été donné à l’école",
            "La date de naissance de chacun de vos enfants",
            "Ou bien : un compte FranceConnect (impots.gouv.fr, ameli.fr, "
            "L’Identité Numérique La Poste…)",
            "Ou bien : le courrier d’activation donné par l’école",
            "10 minutes au calme",
        ],
        "steps": [
            {
                "title": "Ouvrir le site EduConnect",
                "body": (
                    "<p>EduConnect est le compte des parents pour les services en ligne "
                    "de l’école.</p>"
                    "<p>Il sert dans les écoles, collèges et lycées publics. "
                    "Il sert aussi dans beaucoup d’établissements privés sous contrat.</p>"
                    "<ol>"
                    '<li>Allez sur <a href="https://educonnect.education.gouv.fr">'
                    "educonnect.education.gouv.fr</a>.</li>"
                    "<li>Choisissez <strong>Représentant légal</strong>. "
                    "Cela veut dire : parent ou tuteur.</li>"
                    "</ol>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": "Un seul compte suffit pour tous vos enfants.",
                    },
                    {
                        "kind": "warning",
                        "text": (
                            "EduConnect est gratuit. Ne payez jamais. "
                            "Ne donnez votre mot de passe à personne."
                        ),
                    },
                    {
                        "kind": "ask_school",
                        "text": (
                            "Votre enfant est dans une école privée ? "
                            "Demandez si elle utilise EduConnect."
                        ),
                    },
                ],
            },
            {
                "title": "Activer le compte avec un code reçu par SMS",
                "body": (
                    "<ol>"
                    "<li>Cliquez sur <strong>Je n’ai pas de compte</strong>.</li>"
                    "<li>Écrivez votre nom, votre prénom et votre numéro de portable.</li>"
                    "<li>Vous recevez un code par SMS. Écrivez ce code sur le site.</li>"
                    "<li>Confirmez la date de naissance de chaque enfant.</li>"
                    "<li>Notez votre identifiant. Choisissez un mot de passe.</li>"
                    "</ol>"
                ),
                "callouts": [
                    {
                        "kind": "warning",
                        "text": (
                            "Utilisez le numéro donné à l’école à l’inscription. "
                            "Avec un autre numéro, le site ne vous reconnaît pas."
                        ),
                    },
                    {
                        "kind": "ask_school",
                        "text": (
                            "Vous avez changé de numéro ? "
                            "Demandez à l’école d’enregistrer le nouveau numéro."
                        ),
                    },
                ],
            },
            {
                "title": "Autre solution : passer par FranceConnect",
                "body": (
                    "<p>FranceConnect vous connecte avec un compte que vous avez déjà.</p>"
                    "<ol>"
                    "<li>Sur la page EduConnect, cliquez sur "
                    "<strong>S’identifier avec FranceConnect</strong>.</li>"
                    "<li>Choisissez un compte : impots.gouv.fr, ameli.fr, "
                    "L’Identité Numérique La Poste…</li>"
                    "<li>Connectez-vous avec ce compte.</li>"
                    "<li>Le site peut vous demander la date de naissance de vos enfants.</li>"
                    "</ol>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Avec FranceConnect, vous n’avez pas de nouveau mot de passe à retenir."
                        ),
                    },
                ],
            },
            {
                "title": "Autre solution : utiliser le courrier de l’école",
                "body": (
                    "<p>Certaines écoles donnent une lettre avec un identifiant "
                    "et un mot de passe provisoire.</p>"
                    "<ol>"
                    "<li>Sur la page EduConnect, écrivez l’identifiant et le mot de passe "
                    "de la lettre.</li>"
                    "<li>Le site vous demande de choisir un nouveau mot de passe.</li>"
                    "<li>Il demande aussi votre e-mail ou votre numéro de portable. "
                    "Ils servent si vous oubliez votre mot de passe.</li>"
                    "</ol>"
                ),
                "callouts": [
                    {
                        "kind": "ask_school",
                        "text": (
                            "Pas de portable, pas de FranceConnect ? "
                            "Demandez ce courrier au secrétariat de l’école."
                        ),
                    },
                ],
            },
            {
                "title": "Vous connecter les fois suivantes",
                "body": (
                    "<p>Gardez votre identifiant dans un endroit sûr. "
                    "Il ressemble souvent à ceci : <em>m.dupont25</em>.</p>"
                    "<p>Une fois connecté, vous voyez tous vos enfants. "
                    "Vous arrivez sur <strong>Scolarité services</strong> : "
                    "livret scolaire, fiche de renseignements, demande de bourse.</p>"
                    "<p>Souvent, vous accédez aussi à l’ENT. "
                    "L’ENT, c’est l’espace numérique de travail : "
                    "le site de l’école pour les parents et les élèves.</p>"
                ),
                "callouts": [
                    {
                        "kind": "tip",
                        "text": (
                            "Mot de passe oublié ? Cliquez sur le lien d’aide sous la "
                            "connexion. Vous recevez un code par SMS ou par e-mail."
                        ),
                    },
                    {
                        "kind": "warning",
                        "text": (
                            "Chaque parent a son propre compte. "
                            "Gardez votre mot de passe pour vous, même avec votre enfant."
                        ),
                    },
                ],
            },
        ],
        "easy_read": [
            {
                "title": "EduConnect, c’est quoi ?",
                "body": (
                    "<p>EduConnect est un compte sur internet.</p>"
                    "<p>Ce compte est pour les parents.</p>"
                    "<p>Avec ce compte, vous suivez l’école de vos enfants.</p>"
                    "<p>Un seul compte suffit pour tous vos enfants.</p>"
                    "<p>Ce compte est gratuit.</p>"
                ),
            },
            {
                "title": "Ce qu’il vous faut",
                "body": (
                    "<ul>"
                    "<li>Votre téléphone portable.</li>"
                    "<li>Le numéro de téléphone donné à l’école.</li>"
                    "<li>La date de naissance de vos enfants.</li>"
                    "</ul>"
                ),
            },
            {
                "title": "Les étapes",
                "body": (
                    "<ol>"
                    "<li>Allez sur le site educonnect.education.gouv.fr.</li>"
                    "<li>Choisissez « Représentant légal ». Cela veut dire : parent.</li>"
                    "<li>Cliquez sur « Je n’ai pas de compte ».</li>"
                    "<li>Écrivez votre nom et votre numéro de téléphone.</li>"
                    "<li>Vous recevez un message avec un code.</li>"
                    "<li>Écrivez ce code sur le site.</li>"
                    "<li>Écrivez la date de naissance de vos enfants.</li>"
                    "<li>Choisissez un mot de passe.</li>"
                    "</ol>"
                ),
            },
            {
                "title": "Important",
                "body": (
                    "<p>Votre mot de passe est secret.</p>"
                    "<p>Notez votre identifiant dans un endroit sûr.</p>"
                    "<p>Besoin d’aide ? Demandez à l’école.</p>"
                ),
            },
        ],
    },
}
