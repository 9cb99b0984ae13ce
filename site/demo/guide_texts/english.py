"""The English translations of the demo guides, by the French guide's slug."""

TRANSLATIONS = {
    "creer-compte-educonnect": {
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
                            "Is your child in a private school? Ask if the school uses EduConnect."
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
    "ecrans-et-sommeil": {
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
                            "Your 8-year-old gets up at 7 am? They can go to bed around 8:30 pm."
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
    "cyberharcelement-que-faire": {
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
}
