"""Demo content for Coéduc’s guides: short, kind, step-by-step help for parents.

These guides help parents who are far from digital tools follow their children’s schooling.
The French text (``"fr"``) is the reference copy. Some guides also have an English (``"en"``)
and a Modern Standard Arabic (``"ar"``) translation, and an easy-read version (``"easy_read"``,
in French “FALC”: facile à lire et à comprendre).

Each guide is a dict:

- ``slug``: stable ASCII identifier;
- ``topic``: one of ``ent-vie-scolaire``, ``educonnect``, ``pronote``, ``ecoledirecte``,
  ``ecrans-sommeil``, ``securite-en-ligne``, ``parents-ecole``, ``s-equiper``;
- ``audience``: ``all``, ``primary`` (école) or ``secondary`` (collège, lycée);
- ``duration_minutes`` (int) and ``level`` (``beginner`` or ``intermediate``);
- ``is_training_guide``: True for guides that also help future ambassadors;
- one dict per language with ``title``, ``promise``, ``what_you_need`` (list of str),
  ``steps`` (3 to 6 dicts with ``title``, ``body`` and ``callouts``) and ``easy_read``
  (None or a list of dicts with ``title`` and ``body``).

Step and easy-read bodies are HTML limited to p, ul, ol, li, strong, em and a href (https,
official sites only). Callout texts are plain text; ``kind`` is ``tip``, ``warning`` or
``ask_school``.

Facts checked for the 2025-2026 school year. When a detail depends on the school, the text
tells parents to ask the school rather than guess.
"""

GUIDES = [
    # ------------------------------------------------------------------------------------
    # 1. EduConnect
    # ------------------------------------------------------------------------------------
    {
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
                                "Avec FranceConnect, vous n’avez pas de nouveau mot de passe "
                                "à retenir."
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
        "en": {
            "title": "Create your EduConnect account",
            "promise": (
                "You will be able to create your EduConnect account and follow all your "
                "children with one account."
            ),
            "what_you_need": [
                "Your mobile phone: the one whose number you gave to the school",
                "The date of birth of each of your children",
                "Or: a FranceConnect account (impots.gouv.fr, ameli.fr, "
                "L’Identité Numérique La Poste…)",
                "Or: the activation letter given by the school",
                "10 quiet minutes",
            ],
            "steps": [
                {
                    "title": "Open the EduConnect website",
                    "body": (
                        "<p>EduConnect is the parents’ account for the school’s online "
                        "services.</p>"
                        "<p>It is used in state primary schools, collèges and lycées. "
                        "It is also used in many private schools under contract "
                        "with the State.</p>"
                        "<ol>"
                        '<li>Go to <a href="https://educonnect.education.gouv.fr">'
                        "educonnect.education.gouv.fr</a>.</li>"
                        "<li>Choose <strong>Représentant légal</strong>. "
                        "It means: parent or legal guardian.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "One account is enough for all your children.",
                        },
                        {
                            "kind": "warning",
                            "text": (
                                "EduConnect is free. Never pay. Never give your password to anyone."
                            ),
                        },
                        {
                            "kind": "ask_school",
                            "text": (
                                "Is your child in a private school? "
                                "Ask if the school uses EduConnect."
                            ),
                        },
                    ],
                },
                {
                    "title": "Activate the account with a code sent by text message",
                    "body": (
                        "<ol>"
                        "<li>Click on <strong>Je n’ai pas de compte</strong> "
                        "(I don’t have an account).</li>"
                        "<li>Type your last name, your first name and your mobile number.</li>"
                        "<li>You receive a code by text message (SMS). "
                        "Type this code on the website.</li>"
                        "<li>Confirm the date of birth of each child.</li>"
                        "<li>Write down your username. Choose a password.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "warning",
                            "text": (
                                "Use the number you gave to the school at registration. "
                                "With another number, the website does not recognise you."
                            ),
                        },
                        {
                            "kind": "ask_school",
                            "text": (
                                "Have you changed your number? "
                                "Ask the school to record your new number."
                            ),
                        },
                    ],
                },
                {
                    "title": "Another way: use FranceConnect",
                    "body": (
                        "<p>FranceConnect lets you log in with an account you already have.</p>"
                        "<ol>"
                        "<li>On the EduConnect page, click on "
                        "<strong>S’identifier avec FranceConnect</strong>.</li>"
                        "<li>Choose an account: impots.gouv.fr, ameli.fr, "
                        "L’Identité Numérique La Poste…</li>"
                        "<li>Log in with this account.</li>"
                        "<li>The website may ask for your children’s dates of birth.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "With FranceConnect, you have no new password to remember.",
                        },
                    ],
                },
                {
                    "title": "Another way: use the school’s letter",
                    "body": (
                        "<p>Some schools give a letter with a username "
                        "and a temporary password.</p>"
                        "<ol>"
                        "<li>On the EduConnect page, type the username and password "
                        "from the letter.</li>"
                        "<li>The website asks you to choose a new password.</li>"
                        "<li>It also asks for your e-mail address or your mobile number. "
                        "They help if you forget your password.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "ask_school",
                            "text": (
                                "No mobile phone and no FranceConnect? "
                                "Ask the school office for this letter."
                            ),
                        },
                    ],
                },
                {
                    "title": "Log in the next times",
                    "body": (
                        "<p>Keep your username in a safe place. "
                        "It often looks like this: <em>m.dupont25</em>.</p>"
                        "<p>Once logged in, you see all your children. "
                        "You arrive on <strong>Scolarité services</strong>: "
                        "school report, information form, grant application.</p>"
                        "<p>Often, you can also open the ENT. "
                        "The ENT (espace numérique de travail) is the school’s website "
                        "for parents and pupils.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "Forgot your password? Click on the help link under the "
                                "login box. You receive a code by text message or e-mail."
                            ),
                        },
                        {
                            "kind": "warning",
                            "text": (
                                "Each parent has their own account. "
                                "Keep your password to yourself, even with your child."
                            ),
                        },
                    ],
                },
            ],
            "easy_read": [
                {
                    "title": "What is EduConnect?",
                    "body": (
                        "<p>EduConnect is an account on the internet.</p>"
                        "<p>This account is for parents.</p>"
                        "<p>With this account, you follow your children at school.</p>"
                        "<p>One account is enough for all your children.</p>"
                        "<p>This account is free.</p>"
                    ),
                },
                {
                    "title": "What you need",
                    "body": (
                        "<ul>"
                        "<li>Your mobile phone.</li>"
                        "<li>The phone number you gave to the school.</li>"
                        "<li>The date of birth of your children.</li>"
                        "</ul>"
                    ),
                },
                {
                    "title": "The steps",
                    "body": (
                        "<ol>"
                        "<li>Go to the website educonnect.education.gouv.fr.</li>"
                        "<li>Choose « Représentant légal ». It means: parent.</li>"
                        "<li>Click on « Je n’ai pas de compte ».</li>"
                        "<li>Type your name and your phone number.</li>"
                        "<li>You receive a message with a code.</li>"
                        "<li>Type this code on the website.</li>"
                        "<li>Type the date of birth of your children.</li>"
                        "<li>Choose a password.</li>"
                        "</ol>"
                    ),
                },
                {
                    "title": "Important",
                    "body": (
                        "<p>Your password is secret.</p>"
                        "<p>Write down your username in a safe place.</p>"
                        "<p>Need help? Ask the school.</p>"
                    ),
                },
            ],
        },
        "ar": {
            "title": "إنشاء حسابكم على EduConnect",
            "promise": ("ستتمكّنون من إنشاء حسابكم على EduConnect ومتابعة جميع أطفالكم بحساب واحد."),
            "what_you_need": [
                "هاتفكم المحمول: الهاتف الذي أعطيتم رقمه للمدرسة",
                "تاريخ ميلاد كل طفل من أطفالكم",
                "أو: حساب FranceConnect (مثل impots.gouv.fr أو ameli.fr "
                "أو L’Identité Numérique La Poste)",
                "أو: رسالة التفعيل التي تعطيها المدرسة",
                "عشر دقائق في مكان هادئ",
            ],
            "steps": [
                {
                    "title": "فتح موقع EduConnect",
                    "body": (
                        "<p>EduConnect هو حساب أولياء الأمور للخدمات المدرسية على الإنترنت.</p>"
                        "<p>يُستعمل في المدارس الابتدائية والإعداديات والثانويات العمومية. "
                        "ويُستعمل أيضًا في كثير من المدارس الخاصة المتعاقدة مع الدولة.</p>"
                        "<ol>"
                        '<li>ادخلوا إلى موقع <a href="https://educonnect.education.gouv.fr">'
                        "educonnect.education.gouv.fr</a>.</li>"
                        "<li>اختاروا <strong>Représentant légal</strong>. "
                        "معناها: الأب أو الأم أو الوليّ القانوني.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "يكفي حساب واحد لجميع أطفالكم.",
                        },
                        {
                            "kind": "warning",
                            "text": (
                                "EduConnect مجاني. لا تدفعوا أي مال. لا تعطوا كلمة السر لأي شخص."
                            ),
                        },
                        {
                            "kind": "ask_school",
                            "text": (
                                "هل طفلكم في مدرسة خاصة؟ اسألوا المدرسة هل تستعمل EduConnect."
                            ),
                        },
                    ],
                },
                {
                    "title": "تفعيل الحساب برمز يصلكم في رسالة قصيرة",
                    "body": (
                        "<ol>"
                        "<li>اضغطوا على <strong>Je n’ai pas de compte</strong> "
                        "(ليس لديّ حساب).</li>"
                        "<li>اكتبوا اسمكم العائلي واسمكم الشخصي ورقم هاتفكم المحمول.</li>"
                        "<li>تصلكم رسالة قصيرة (SMS) فيها رمز. اكتبوا هذا الرمز في الموقع.</li>"
                        "<li>أكّدوا تاريخ ميلاد كل طفل.</li>"
                        "<li>اكتبوا اسم المستخدم (identifiant) على ورقة. اختاروا كلمة سر.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "warning",
                            "text": (
                                "استعملوا الرقم الذي أعطيتموه للمدرسة عند التسجيل. "
                                "مع رقم آخر لا يتعرّف عليكم الموقع."
                            ),
                        },
                        {
                            "kind": "ask_school",
                            "text": ("هل غيّرتم رقم هاتفكم؟ اطلبوا من المدرسة تسجيل الرقم الجديد."),
                        },
                    ],
                },
                {
                    "title": "طريقة أخرى: الدخول عبر FranceConnect",
                    "body": (
                        "<p>يسمح لكم FranceConnect بالدخول بحساب لديكم من قبل.</p>"
                        "<ol>"
                        "<li>في صفحة EduConnect، اضغطوا على "
                        "<strong>S’identifier avec FranceConnect</strong>.</li>"
                        "<li>اختاروا حسابًا: impots.gouv.fr أو ameli.fr "
                        "أو L’Identité Numérique La Poste.</li>"
                        "<li>ادخلوا بهذا الحساب.</li>"
                        "<li>قد يطلب منكم الموقع تاريخ ميلاد أطفالكم.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "مع FranceConnect لا تحتاجون إلى حفظ كلمة سر جديدة.",
                        },
                    ],
                },
                {
                    "title": "طريقة أخرى: استعمال رسالة المدرسة",
                    "body": (
                        "<p>بعض المدارس تعطي رسالة فيها اسم مستخدم وكلمة سر مؤقتة.</p>"
                        "<ol>"
                        "<li>في صفحة EduConnect، اكتبوا اسم المستخدم وكلمة السر "
                        "الموجودين في الرسالة.</li>"
                        "<li>يطلب منكم الموقع اختيار كلمة سر جديدة.</li>"
                        "<li>يطلب أيضًا بريدكم الإلكتروني أو رقم هاتفكم. "
                        "يفيد ذلك إذا نسيتم كلمة السر.</li>"
                        "</ol>"
                    ),
                    "callouts": [
                        {
                            "kind": "ask_school",
                            "text": (
                                "ليس لديكم هاتف محمول ولا FranceConnect؟ "
                                "اطلبوا هذه الرسالة من إدارة المدرسة."
                            ),
                        },
                    ],
                },
                {
                    "title": "الدخول في المرات القادمة",
                    "body": (
                        "<p>احفظوا اسم المستخدم في مكان آمن. "
                        "يشبه غالبًا هذا الشكل: <em>m.dupont25</em>.</p>"
                        "<p>بعد الدخول ترون جميع أطفالكم. "
                        "وتصلون إلى <strong>Scolarité services</strong> (الخدمات المدرسية): "
                        "الدفتر المدرسي، واستمارة المعلومات، وطلب المنحة.</p>"
                        "<p>وغالبًا تصلون أيضًا إلى الـ ENT. "
                        "الـ ENT هو الفضاء الرقمي للعمل: "
                        "موقع المدرسة لأولياء الأمور والتلاميذ.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "نسيتم كلمة السر؟ اضغطوا على رابط المساعدة تحت خانة الدخول. "
                                "يصلكم رمز في رسالة قصيرة أو في البريد الإلكتروني."
                            ),
                        },
                        {
                            "kind": "warning",
                            "text": (
                                "لكل وليّ أمر حسابه الخاص. احتفظوا بكلمة السر لأنفسكم، حتى مع طفلكم."
                            ),
                        },
                    ],
                },
            ],
            "easy_read": [
                {
                    "title": "ما هو EduConnect؟",
                    "body": (
                        "<p>EduConnect حساب على الإنترنت.</p>"
                        "<p>هذا الحساب لأولياء الأمور.</p>"
                        "<p>بهذا الحساب تتابعون دراسة أطفالكم.</p>"
                        "<p>حساب واحد يكفي لكل أطفالكم.</p>"
                        "<p>هذا الحساب مجاني.</p>"
                    ),
                },
                {
                    "title": "ما تحتاجون إليه",
                    "body": (
                        "<ul>"
                        "<li>هاتفكم المحمول.</li>"
                        "<li>رقم الهاتف الذي أعطيتموه للمدرسة.</li>"
                        "<li>تاريخ ميلاد أطفالكم.</li>"
                        "</ul>"
                    ),
                },
                {
                    "title": "الخطوات",
                    "body": (
                        "<ol>"
                        "<li>افتحوا موقع educonnect.education.gouv.fr.</li>"
                        "<li>اختاروا «Représentant légal». معناها: وليّ الأمر.</li>"
                        "<li>اضغطوا على «Je n’ai pas de compte».</li>"
                        "<li>اكتبوا اسمكم ورقم هاتفكم.</li>"
                        "<li>تصلكم رسالة فيها رمز.</li>"
                        "<li>اكتبوا هذا الرمز في الموقع.</li>"
                        "<li>اكتبوا تاريخ ميلاد أطفالكم.</li>"
                        "<li>اختاروا كلمة سر.</li>"
                        "</ol>"
                    ),
                },
                {
                    "title": "مهمّ",
                    "body": (
                        "<p>كلمة السر سرّية.</p>"
                        "<p>اكتبوا اسم المستخدم في مكان آمن.</p>"
                        "<p>تحتاجون إلى مساعدة؟ اسألوا المدرسة.</p>"
                    ),
                },
            ],
        },
    },
    # ------------------------------------------------------------------------------------
    # 2. Pronote
    # ------------------------------------------------------------------------------------
    {
        "slug": "premiers-pas-pronote",
        "topic": "pronote",
        "audience": "secondary",
        "duration_minutes": 15,
        "level": "beginner",
        "is_training_guide": True,
        "fr": {
            "title": "Premiers pas dans Pronote",
            "promise": (
                "Vous pourrez voir les devoirs, les notes et les absences de votre enfant "
                "dans Pronote."
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
    },
    # ------------------------------------------------------------------------------------
    # 3. ÉcoleDirecte
    # ------------------------------------------------------------------------------------
    {
        "slug": "decouvrir-ecoledirecte",
        "topic": "ecoledirecte",
        "audience": "all",
        "duration_minutes": 10,
        "level": "beginner",
        "is_training_guide": False,
        "fr": {
            "title": "Découvrir ÉcoleDirecte",
            "promise": (
                "Vous pourrez utiliser ÉcoleDirecte pour suivre les notes, les devoirs "
                "et les messages."
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
    },
    # ------------------------------------------------------------------------------------
    # 4. Notes et bulletin
    # ------------------------------------------------------------------------------------
    {
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
    },
    # ------------------------------------------------------------------------------------
    # 5. Écrire à l'enseignant
    # ------------------------------------------------------------------------------------
    {
        "slug": "ecrire-enseignant-ent",
        "topic": "parents-ecole",
        "audience": "all",
        "duration_minutes": 10,
        "level": "beginner",
        "is_training_guide": True,
        "fr": {
            "title": "Écrire à l’enseignant par l’ENT",
            "promise": (
                "Vous pourrez écrire un message court et poli à l’enseignant de votre enfant."
            ),
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
    },
    # ------------------------------------------------------------------------------------
    # 6. Contrôle parental
    # ------------------------------------------------------------------------------------
    {
        "slug": "controle-parental-telephone",
        "topic": "securite-en-ligne",
        "audience": "all",
        "duration_minutes": 20,
        "level": "intermediate",
        "is_training_guide": False,
        "fr": {
            "title": "Le contrôle parental sur le téléphone de votre enfant",
            "promise": (
                "Vous pourrez installer un contrôle parental adapté à l’âge de votre enfant."
            ),
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
    },
    # ------------------------------------------------------------------------------------
    # 7. Écrans et sommeil
    # ------------------------------------------------------------------------------------
    {
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
                                "Votre enfant de 8 ans se lève à 7 h ? "
                                "Il peut se coucher vers 20 h 30."
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
        "en": {
            "title": "Screens and sleep: good habits for the whole family",
            "promise": ("You will be able to set simple rules that protect your children’s sleep."),
            "what_you_need": [
                "A quiet moment to talk about it as a family",
                "A place outside the bedrooms to charge the phones",
                "A simple alarm clock, if the phone is used as an alarm",
            ],
            "steps": [
                {
                    "title": "Why sleep matters",
                    "body": (
                        "<p>Sleep helps your child learn and remember. "
                        "It also helps them grow and be in a good mood.</p>"
                        "<p>Screens make it harder to fall asleep. Light, videos "
                        "and messages keep the brain awake.</p>"
                        "<p>Sleep needs, roughly:</p>"
                        "<ul>"
                        "<li>from 6 to 12 years old: <strong>9 to 12 hours</strong> "
                        "a night;</li>"
                        "<li>from 13 to 18 years old: <strong>8 to 10 hours</strong> "
                        "a night.</li>"
                        "</ul>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "Your 8-year-old gets up at 7 am? "
                                "They can go to bed around 8:30 pm."
                            ),
                        },
                    ],
                },
                {
                    "title": "Turn screens off one hour before bedtime",
                    "body": (
                        "<p>Turn off the TV, tablet, games console and phone "
                        "<strong>one hour before</strong> going to bed.</p>"
                        "<p>Suggest calm activities: reading a story, drawing, "
                        "talking about the day, having a bath.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "A small routine every evening helps your child fall asleep.",
                        },
                    ],
                },
                {
                    "title": "At night, screens sleep outside the bedroom",
                    "body": (
                        "<p>At night, phones, tablets and consoles stay "
                        "<strong>outside the bedroom</strong>.</p>"
                        "<p>Charge them in the kitchen or the living room. "
                        "The whole family does the same.</p>"
                        "<p>Is the phone used as an alarm? "
                        "A simple alarm clock costs a few euros.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "warning",
                            "text": (
                                "A phone in the bedroom often wakes your child up: "
                                "messages, vibrations, the urge to look."
                            ),
                        },
                    ],
                },
                {
                    "title": "A guide by age: 3-6-9-12",
                    "body": (
                        "<p>The psychiatrist Serge Tisseron suggests these guidelines:</p>"
                        "<ul>"
                        "<li><strong>before 3</strong>: no screens;</li>"
                        "<li><strong>before 6</strong>: no games console of their own;</li>"
                        "<li><strong>before 9</strong>: no internet;</li>"
                        "<li><strong>from 9 to 12</strong>: internet with an adult;</li>"
                        "<li><strong>after 12</strong>: internet alone, "
                        "and you stay available.</li>"
                        "</ul>"
                        "<p>These are guidelines to help you, not laws.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "Most social networks require users to be at least 13 to sign up."
                            ),
                        },
                    ],
                },
                {
                    "title": "Set an example and decide together",
                    "body": (
                        "<p>Children copy adults. "
                        "Put your own phone away during meals and in the evening.</p>"
                        "<p>Decide the rules with your children. Write them on a sheet "
                        "of paper. Put it up in the kitchen.</p>"
                        "<p>Explain the rules calmly. Praise your child "
                        "when they follow them.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "To set screen time on a phone, see the French government "
                                "website jeprotegemonenfant.gouv.fr."
                            ),
                        },
                    ],
                },
            ],
            "easy_read": None,
        },
        "ar": {
            "title": "الشاشات والنوم: عادات جيدة للعائلة كلها",
            "promise": "ستتمكّنون من وضع قواعد بسيطة تحمي نوم أطفالكم.",
            "what_you_need": [
                "وقت هادئ للحديث عن الموضوع مع العائلة",
                "مكان خارج غرف النوم لشحن الهواتف",
                "منبّه بسيط، إذا كان الهاتف يُستعمل منبّهًا",
            ],
            "steps": [
                {
                    "title": "لماذا النوم مهمّ؟",
                    "body": (
                        "<p>النوم يساعد طفلكم على التعلّم والحفظ. "
                        "ويساعده أيضًا على النموّ وعلى المزاج الجيد.</p>"
                        "<p>الشاشات تؤخّر النوم. الضوء والفيديوهات والرسائل "
                        "تُبقي الدماغ مستيقظًا.</p>"
                        "<p>ساعات النوم اللازمة تقريبًا:</p>"
                        "<ul>"
                        "<li>من 6 إلى 12 سنة: <strong>من 9 إلى 12 ساعة</strong> "
                        "في الليلة؛</li>"
                        "<li>من 13 إلى 18 سنة: <strong>من 8 إلى 10 ساعات</strong> "
                        "في الليلة.</li>"
                        "</ul>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "طفلكم عمره 8 سنوات ويستيقظ في السابعة صباحًا؟ "
                                "يمكنه أن ينام نحو الثامنة والنصف مساءً."
                            ),
                        },
                    ],
                },
                {
                    "title": "إطفاء الشاشات قبل النوم بساعة",
                    "body": (
                        "<p>أطفئوا التلفاز واللوحة الإلكترونية وجهاز الألعاب والهاتف "
                        "<strong>قبل النوم بساعة</strong>.</p>"
                        "<p>اقترحوا أنشطة هادئة: قراءة قصة، الرسم، "
                        "الحديث عن اليوم، الاستحمام.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "عادة صغيرة كل مساء تساعد طفلكم على النوم.",
                        },
                    ],
                },
                {
                    "title": "في الليل، تنام الشاشات خارج غرفة النوم",
                    "body": (
                        "<p>في الليل تبقى الهواتف واللوحات وأجهزة الألعاب "
                        "<strong>خارج غرفة النوم</strong>.</p>"
                        "<p>اشحنوها في المطبخ أو في غرفة الجلوس. "
                        "وتفعل العائلة كلها الشيء نفسه.</p>"
                        "<p>هل يُستعمل الهاتف منبّهًا؟ "
                        "المنبّه البسيط ثمنه بضعة يوروهات.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "warning",
                            "text": (
                                "الهاتف في غرفة النوم يوقظ طفلكم كثيرًا: "
                                "الرسائل، والاهتزاز، والرغبة في النظر إليه."
                            ),
                        },
                    ],
                },
                {
                    "title": "دليل حسب العمر: 3-6-9-12",
                    "body": (
                        "<p>يقترح الطبيب النفسي Serge Tisseron هذه المعالم:</p>"
                        "<ul>"
                        "<li><strong>قبل 3 سنوات</strong>: لا شاشات؛</li>"
                        "<li><strong>قبل 6 سنوات</strong>: لا جهاز ألعاب خاص بالطفل؛</li>"
                        "<li><strong>قبل 9 سنوات</strong>: لا إنترنت؛</li>"
                        "<li><strong>من 9 إلى 12 سنة</strong>: الإنترنت مع شخص بالغ؛</li>"
                        "<li><strong>بعد 12 سنة</strong>: الإنترنت وحده، "
                        "وتبقون قريبين منه عند الحاجة.</li>"
                        "</ul>"
                        "<p>هذه معالم لمساعدتكم، وليست قوانين.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "معظم شبكات التواصل الاجتماعي تشترط عمر 13 سنة على الأقل للتسجيل."
                            ),
                        },
                    ],
                },
                {
                    "title": "كونوا قدوة، وقرّروا معًا",
                    "body": (
                        "<p>الأطفال يقلّدون الكبار. "
                        "ضعوا أنتم أيضًا هواتفكم جانبًا أثناء الأكل وفي المساء.</p>"
                        "<p>قرّروا القواعد مع أطفالكم. اكتبوها على ورقة. "
                        "علّقوها في المطبخ.</p>"
                        "<p>اشرحوا القواعد بهدوء. امدحوا طفلكم عندما يحترمها.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": (
                                "لضبط وقت الشاشة في الهاتف، زوروا الموقع الحكومي "
                                "jeprotegemonenfant.gouv.fr."
                            ),
                        },
                    ],
                },
            ],
            "easy_read": None,
        },
    },
    # ------------------------------------------------------------------------------------
    # 8. Cyberharcèlement
    # ------------------------------------------------------------------------------------
    {
        "slug": "cyberharcelement-que-faire",
        "topic": "securite-en-ligne",
        "audience": "all",
        "duration_minutes": 10,
        "level": "beginner",
        "is_training_guide": False,
        "fr": {
            "title": "Cyberharcèlement : que faire ?",
            "promise": (
                "Vous saurez comment aider votre enfant et qui appeler "
                "s’il est harcelé sur internet."
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
        "en": {
            "title": "Cyberbullying: what to do?",
            "promise": (
                "You will know how to help your child and who to call if they are bullied online."
            ),
            "what_you_need": [
                "The phone or computer where the messages are",
                "A calm moment with your child",
                "The number 3018: free, anonymous and confidential",
            ],
            "steps": [
                {
                    "title": "Recognise cyberbullying and listen",
                    "body": (
                        "<p>Cyberbullying means repeated attacks on the internet "
                        "or by phone.</p>"
                        "<p>For example: insults, mockery, rumours, threats, "
                        "photos shared without consent.</p>"
                        "<p>Possible signs: your child is sad, keeps to themselves, sleeps "
                        "badly, refuses to go to school, hides their phone.</p>"
                        "<p>Listen calmly. Tell them: “You did well to tell me. "
                        "It is not your fault.”</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "warning",
                            "text": (
                                "Avoid taking their phone away as a punishment. "
                                "They may stop telling you anything."
                            ),
                        },
                    ],
                },
                {
                    "title": "Keep the evidence",
                    "body": (
                        "<p>Take <strong>screenshots</strong> of the messages, "
                        "photos and comments.</p>"
                        "<p>Write down the date, the account name and the page address.</p>"
                        "<p>Keep everything in a safe place before deleting anything.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": ("The 3018 app lets you store the evidence in a secure space."),
                        },
                    ],
                },
                {
                    "title": "Do not answer, block, report",
                    "body": (
                        "<p>Your child does not answer the bully. "
                        "Answering can make things worse.</p>"
                        "<p><strong>Block</strong> the account that is bullying.</p>"
                        "<p><strong>Report</strong> the messages to the social network "
                        "or the game, with the “Report” button.</p>"
                    ),
                    "callouts": [],
                },
                {
                    "title": "Call 3018",
                    "body": (
                        "<p><strong>3018</strong> is the French national number for young "
                        "victims of bullying and online violence. "
                        "Parents can call too.</p>"
                        "<ul>"
                        "<li>It is free, anonymous and confidential.</li>"
                        "<li>It is open 7 days a week, from 9 am to 11 pm.</li>"
                        "<li>Call 3018, or use the 3018 app or the online chat.</li>"
                        "</ul>"
                        "<p>3018 can get content and accounts removed quickly. "
                        'Website: <a href="https://www.e-enfance.org">e-enfance.org</a>.</p>'
                    ),
                    "callouts": [],
                },
                {
                    "title": "Tell the school",
                    "body": (
                        "<p>Even if everything happens online, tell the school.</p>"
                        "<ul>"
                        "<li>Primary school: the teacher or the head teacher.</li>"
                        "<li>Collège and lycée: the head of the school or the CPE "
                        "(the senior education adviser).</li>"
                        "</ul>"
                        "<p>Schools follow the <strong>pHARe</strong> programme against "
                        "bullying. Some adults there are trained to act.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "ask_school",
                            "text": ("Ask what will be done, and when you will hear back."),
                        },
                        {
                            "kind": "tip",
                            "text": (
                                "Cyberbullying is punished by law. You can file a complaint "
                                "at the police or gendarmerie station, with your evidence."
                            ),
                        },
                    ],
                },
                {
                    "title": "In case of danger",
                    "body": (
                        "<ul>"
                        "<li>Immediate danger: call <strong>17</strong> (police) "
                        "or <strong>112</strong>.</li>"
                        "<li>A child in danger or at risk: call <strong>119</strong>. "
                        "It is free, 24 hours a day.</li>"
                        "<li>Your child talks about hurting themselves: call "
                        "<strong>3114</strong>, 24 hours a day.</li>"
                        "</ul>"
                    ),
                    "callouts": [],
                },
            ],
            "easy_read": [
                {
                    "title": "What is it?",
                    "body": (
                        "<p>Your child gets nasty messages.</p>"
                        "<p>These messages come often.</p>"
                        "<p>They come on the phone or on the internet.</p>"
                        "<p>This is called cyberbullying.</p>"
                        "<p>The law forbids cyberbullying.</p>"
                    ),
                },
                {
                    "title": "What you do",
                    "body": (
                        "<ol>"
                        "<li>Listen to your child.</li>"
                        "<li>Tell your child: “You did well to tell me.”</li>"
                        "<li>Take a photo of the screen with the messages.</li>"
                        "<li>Keep these photos.</li>"
                        "<li>Block the nasty person.</li>"
                        "<li>Report the messages.</li>"
                        "</ol>"
                    ),
                },
                {
                    "title": "Who to call?",
                    "body": (
                        "<p>Call 3018.</p>"
                        "<p>The call is free.</p>"
                        "<p>The call is secret.</p>"
                        "<p>People help you.</p>"
                        "<p>Talk to the school too.</p>"
                    ),
                },
                {
                    "title": "Danger",
                    "body": (
                        "<p>Is your child in danger?</p>"
                        "<p>Call 17 or 112.</p>"
                        "<p>You can also call 119.</p>"
                    ),
                },
            ],
        },
        "ar": {
            "title": "التنمّر الإلكتروني: ماذا نفعل؟",
            "promise": ("ستعرفون كيف تساعدون طفلكم، ومن تتصلون به إذا تعرّض للتنمّر على الإنترنت."),
            "what_you_need": [
                "الهاتف أو الحاسوب الذي توجد فيه الرسائل",
                "وقت هادئ مع طفلكم",
                "الرقم 3018: مجاني، دون ذكر الاسم، وسرّي",
            ],
            "steps": [
                {
                    "title": "التعرّف على التنمّر الإلكتروني والاستماع",
                    "body": (
                        "<p>التنمّر الإلكتروني هو اعتداءات متكرّرة على الإنترنت "
                        "أو عبر الهاتف.</p>"
                        "<p>مثلًا: شتائم، سخرية، إشاعات، تهديدات، "
                        "صور تُنشر دون موافقة.</p>"
                        "<p>علامات ممكنة: طفلكم حزين، يبتعد عن الآخرين، ينام بصعوبة، "
                        "يرفض الذهاب إلى المدرسة، يخفي هاتفه.</p>"
                        "<p>استمعوا إليه بهدوء. قولوا له: «أحسنتَ لأنك أخبرتني. "
                        "هذا ليس ذنبك».</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "warning",
                            "text": ("تجنّبوا أخذ هاتفه منه عقابًا له. قد يتوقّف عن إخباركم بأي شيء."),
                        },
                    ],
                },
                {
                    "title": "الاحتفاظ بالأدلّة",
                    "body": (
                        "<p>التقطوا <strong>صورًا للشاشة</strong> فيها الرسائل "
                        "والصور والتعليقات.</p>"
                        "<p>اكتبوا التاريخ واسم الحساب وعنوان الصفحة.</p>"
                        "<p>احفظوا كل شيء في مكان آمن قبل حذف أي شيء.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "tip",
                            "text": "يسمح تطبيق 3018 بحفظ الأدلّة في مساحة آمنة.",
                        },
                    ],
                },
                {
                    "title": "عدم الردّ، والحظر، والإبلاغ",
                    "body": (
                        "<p>لا يردّ طفلكم على المتنمّر. "
                        "الردّ قد يجعل الوضع أسوأ.</p>"
                        "<p><strong>احظروا</strong> الحساب الذي يتنمّر.</p>"
                        "<p><strong>أبلغوا</strong> عن الرسائل لدى شبكة التواصل "
                        "أو اللعبة، بزرّ «Signaler» (إبلاغ).</p>"
                    ),
                    "callouts": [],
                },
                {
                    "title": "الاتصال بالرقم 3018",
                    "body": (
                        "<p><strong>3018</strong> هو الرقم الوطني في فرنسا للشباب ضحايا "
                        "التنمّر والعنف على الإنترنت. "
                        "ويمكن لأولياء الأمور الاتصال أيضًا.</p>"
                        "<ul>"
                        "<li>الاتصال مجاني، دون ذكر الاسم، وسرّي.</li>"
                        "<li>الخدمة مفتوحة 7 أيام في الأسبوع، من 9 صباحًا إلى 11 ليلًا.</li>"
                        "<li>اتصلوا بالرقم 3018، أو استعملوا تطبيق 3018 "
                        "أو المحادثة على الإنترنت.</li>"
                        "</ul>"
                        "<p>يستطيع 3018 أن يطلب حذف المحتويات والحسابات بسرعة. "
                        'الموقع: <a href="https://www.e-enfance.org">e-enfance.org</a>.</p>'
                    ),
                    "callouts": [],
                },
                {
                    "title": "إخبار المدرسة",
                    "body": (
                        "<p>حتى لو حدث كل شيء على الإنترنت، أخبروا المدرسة.</p>"
                        "<ul>"
                        "<li>في المدرسة الابتدائية: المعلّم أو المدير.</li>"
                        "<li>في الإعدادية والثانوية: مدير المؤسسة أو الـ CPE "
                        "(المستشار الرئيسي للتربية).</li>"
                        "</ul>"
                        "<p>تطبّق المدارس برنامج <strong>pHARe</strong> ضد التنمّر. "
                        "وفيها أشخاص بالغون مدرَّبون على التدخّل.</p>"
                    ),
                    "callouts": [
                        {
                            "kind": "ask_school",
                            "text": "اسألوا ماذا سيُفعل، ومتى ستصلكم الأخبار.",
                        },
                        {
                            "kind": "tip",
                            "text": (
                                "القانون يعاقب على التنمّر الإلكتروني. يمكنكم تقديم شكوى "
                                "لدى الشرطة أو الدرك، مع الأدلّة."
                            ),
                        },
                    ],
                },
                {
                    "title": "في حالة الخطر",
                    "body": (
                        "<ul>"
                        "<li>خطر فوري: اتصلوا بالرقم <strong>17</strong> (الشرطة) "
                        "أو <strong>112</strong>.</li>"
                        "<li>طفل في خطر أو مهدَّد بالخطر: اتصلوا بالرقم "
                        "<strong>119</strong>. الاتصال مجاني، 24 ساعة في اليوم.</li>"
                        "<li>طفلكم يتحدّث عن إيذاء نفسه: اتصلوا بالرقم "
                        "<strong>3114</strong>، 24 ساعة في اليوم.</li>"
                        "</ul>"
                    ),
                    "callouts": [],
                },
            ],
            "easy_read": [
                {
                    "title": "ما هو؟",
                    "body": (
                        "<p>طفلكم تصله رسائل مؤذية.</p>"
                        "<p>هذه الرسائل تصل كثيرًا.</p>"
                        "<p>تصل على الهاتف أو على الإنترنت.</p>"
                        "<p>هذا اسمه التنمّر الإلكتروني.</p>"
                        "<p>القانون يمنع التنمّر الإلكتروني.</p>"
                    ),
                },
                {
                    "title": "ما تفعلونه",
                    "body": (
                        "<ol>"
                        "<li>استمعوا إلى طفلكم.</li>"
                        "<li>قولوا له: «أحسنتَ لأنك أخبرتني».</li>"
                        "<li>صوّروا الشاشة التي فيها الرسائل.</li>"
                        "<li>احتفظوا بهذه الصور.</li>"
                        "<li>احظروا الشخص المؤذي.</li>"
                        "<li>أبلغوا عن الرسائل.</li>"
                        "</ol>"
                    ),
                },
                {
                    "title": "بمن تتّصلون؟",
                    "body": (
                        "<p>اتصلوا بالرقم 3018.</p>"
                        "<p>الاتصال مجاني.</p>"
                        "<p>الاتصال سرّي.</p>"
                        "<p>أشخاص يساعدونكم.</p>"
                        "<p>تحدّثوا أيضًا مع المدرسة.</p>"
                    ),
                },
                {
                    "title": "الخطر",
                    "body": (
                        "<p>هل طفلكم في خطر؟</p>"
                        "<p>اتصلوا بالرقم 17 أو 112.</p>"
                        "<p>يمكنكم أيضًا الاتصال بالرقم 119.</p>"
                    ),
                },
            ],
        },
    },
    # ------------------------------------------------------------------------------------
    # 9. S'équiper
    # ------------------------------------------------------------------------------------
    {
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
    },
]
