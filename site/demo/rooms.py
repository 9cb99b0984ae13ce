"""Demo content of the help rooms, for `manage.py load_demo` (after the ambassador path).

Rooms on several topics and territories (one in Arabic), the demo ambassador
(ambassadeur@demo.coeduc.fr, Mourad) on duty, a few real conversations between the demo
parents, one question resolved in a private thread and two still waiting (one asked by voice,
in Arabic). Everything goes through the services, quietly (no broadcast, no notice, no rate
limit).

Idempotent: rooms are looked up by slug; a room's conversation and the help requests are
written only when the room has none yet.
"""

from datetime import timedelta
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from ambassadors import services as path_services
from ambassadors.models import Stage, Volunteer
from coeduc.demo.ambassadors import (
    LIGUE,
    _attend,
    _complete_guide,
    _training_guide,
    _training_workshops,
    _walk,
)
from core.notify import quietly
from parents.models import Organisation, Territory, User
from rooms import services
from rooms.models import HelpRequest, Message, OnDuty, Room

RULES_FR = "\n\n".join(
    [
        "Restez bienveillants : chacun apprend à son rythme, il n’y a pas de question bête.",
        "Ne partagez ni numéro de téléphone, ni adresse, ni identifiant ou mot de passe (ceux "
        "de vos enfants non plus). Les numéros et adresses e-mail sont masqués automatiquement.",
        "Pas de publicité ni de démarchage.",
        "Pour une question personnelle, utilisez « Demander de l’aide » : un parent "
        "ambassadeur vous répond en privé.",
        "Un enfant en danger ? Appelez le 119 (Allô Enfance en Danger), gratuit, 24 h/24. "
        "Harcèlement en ligne : 3018, gratuit.",
    ]
)

RULES_AR = "\n\n".join(
    [
        "كونوا لطفاء: كل واحد يتعلم على مهله، ولا يوجد سؤال سخيف.",
        "لا تشاركوا رقم هاتف ولا عنوانا ولا اسم مستخدم أو كلمة سر (ولا تلك الخاصة بأطفالكم). "
        "الأرقام وعناوين البريد الإلكتروني تُخفى تلقائيا.",
        "لا إعلانات ولا ترويج.",
        "لسؤال شخصي، استعملوا «طلب المساعدة»: يجيبكم أحد الأولياء السفراء على انفراد.",
        "طفل في خطر؟ اتصلوا بالرقم 119، مجانا، على مدار الساعة. التحرش عبر الإنترنت: 3018، مجانا.",
    ]
)

# slug: (name, description, kind, topic, territory code or None, language, rules)
ROOMS = {
    "pronote-ent-aisne": (
        "Pronote, ENT et vie scolaire — Aisne",
        "Notes, devoirs, absences, messages aux professeurs : on s’entraide pour s’y retrouver.",
        Room.Kind.TOPIC,
        "pronote",
        "02",
        "fr",
        RULES_FR,
    ),
    "educonnect-aisne": (
        "Compte EduConnect — Aisne",
        "Créer son compte, retrouver son identifiant, ajouter un enfant.",
        Room.Kind.TOPIC,
        "educonnect",
        "02",
        "fr",
        RULES_FR,
    ),
    "ecrans-sommeil": (
        "Écrans, sommeil et vie de famille",
        "Règles à la maison, contrôle parental, premier téléphone : parents de tous "
        "les territoires.",
        Room.Kind.TOPIC,
        "screens_sleep",
        None,
        "fr",
        RULES_FR,
    ),
    "parents-val-d-oise": (
        "Parents du Val-d’Oise",
        "Entre parents du Val-d’Oise : l’école, les ateliers, les démarches en ligne.",
        Room.Kind.TERRITORY,
        "",
        "95",
        "fr",
        RULES_FR,
    ),
    "parents-guadeloupe": (
        "Parents de Guadeloupe",
        "Entre parents de Guadeloupe : l’école, les ateliers, les démarches en ligne.",
        Room.Kind.TERRITORY,
        "",
        "971",
        "fr",
        RULES_FR,
    ),
    "parents-arabophones-aisne": (
        "فضاء الأولياء باللغة العربية — Aisne",
        "أسئلة حول المدرسة والتطبيقات الرقمية، بالعربية، بين أولياء أمور منطقة Aisne.",
        Room.Kind.LANGUAGE,
        "",
        "02",
        "ar",
        RULES_AR,
    ),
}

SAMIRA, JULIE, MOURAD = "parent", "parent2", "ambassadeur"

# room slug: [(author's e-mail local part, text, minutes ago)]
CONVERSATIONS = {
    "pronote-ent-aisne": [
        (
            JULIE,
            "Bonjour, dans l’application Pronote je vois les notes de ma fille mais pas "
            "ses devoirs. C’est normal ?",
            26 * 60,
        ),
        (
            SAMIRA,
            "Bonjour Julie ! Les devoirs sont dans « Cahier de textes », puis « Travail "
            "à faire ». Ils sont rangés au jour où ils doivent être rendus.",
            25 * 60,
        ),
        (
            MOURAD,
            "Petite précision : si vous avez plusieurs enfants, vérifiez en haut de "
            "l’écran que le bon enfant est choisi. Et certains professeurs notent les "
            "devoirs dans l’ENT plutôt que dans Pronote : le collège peut vous dire "
            "lequel il utilise.",
            24 * 60,
        ),
        (JULIE, "C’était ça : j’étais sur le compte de mon fils. Merci à vous deux !", 23 * 60),
    ],
    "educonnect-aisne": [
        (
            SAMIRA,
            "Mon compte EduConnect est bloqué après plusieurs essais de mot de passe. "
            "Qu’est-ce que je peux faire ?",
            3 * 24 * 60,
        ),
        (
            MOURAD,
            "Sur la page de connexion EduConnect, choisissez « Identifiant oublié » ou "
            "« Mot de passe oublié » : un code vous est envoyé par SMS au numéro donné à "
            "l’école. Vous pouvez aussi vous connecter avec FranceConnect (votre compte "
            "Ameli ou impots.gouv par exemple), sans mot de passe EduConnect.",
            3 * 24 * 60 - 20,
        ),
        (SAMIRA, "FranceConnect a marché tout de suite. Merci !", 3 * 24 * 60 - 45),
    ],
    "ecrans-sommeil": [
        (
            JULIE,
            "Mon fils de 9 ans veut garder la tablette dans sa chambre le soir. Vous "
            "faites comment chez vous ?",
            2 * 24 * 60,
        ),
        (
            SAMIRA,
            "Chez nous, les écrans dorment dans la cuisine : on a installé les chargeurs "
            "là-bas, et la règle vaut pour tout le monde, parents compris. Au début il a "
            "râlé, maintenant il lit avant de dormir.",
            2 * 24 * 60 - 30,
        ),
        (
            MOURAD,
            "On conseille d’arrêter les écrans une heure avant le coucher et de les "
            "laisser hors de la chambre. Le contrôle parental aide à tenir la règle : "
            "« Temps d’écran » sur iPhone et iPad, Google Family Link sur Android, avec "
            "une heure de coucher pour l’appareil.",
            2 * 24 * 60 - 50,
        ),
    ],
    "parents-arabophones-aisne": [
        (
            "amina",
            "السلام عليكم، كيف أعرف غيابات ابني في المدرسة؟ الرسائل تصلني بالفرنسية "
            "ولا أفهمها جيدا.",
            5 * 60,
        ),
        (
            MOURAD,
            "وعليكم السلام. في تطبيق Pronote، اضغطوا على «Vie scolaire» ثم على "
            "«Absences». ويمكنكم أيضا طلب موعد مع مستشار التربية (CPE) في المدرسة، "
            "والحضور مع شخص يترجم لكم.",
            4 * 60 + 40,
        ),
        ("amina", "شكرا جزيلا، وجدتها.", 4 * 60),
    ],
    "parents-val-d-oise": [
        (
            "famille.ozturk",
            "Bonjour, nous venons d’arriver à Garges. Comment savoir quel ENT "
            "utilise l’école de mes enfants ?",
            6 * 60,
        ),
        (
            "nadia",
            "Bienvenue ! Cela dépend de l’établissement : demandez à l’enseignant ou "
            "regardez le carnet de liaison. Les identifiants EduConnect sont en général "
            "remis à la rentrée, le secrétariat peut vous les redonner.",
            5 * 60,
        ),
    ],
}

RESOLVED_QUESTION = (
    "Je n’arrive pas à trouver la messagerie de Pronote sur mon téléphone. Où est-elle ?"
)
THREAD = [
    (MOURAD, "Bonjour Julie, voyez-vous un onglet « Communication » dans l’application ?"),
    (JULIE, "Non, seulement les notes et le cahier de textes."),
    (
        MOURAD,
        "Touchez le menu (les trois traits en haut), puis « Communication » et "
        "« Discussions ». Si vous ne le voyez pas, l’établissement n’a peut-être pas "
        "ouvert la messagerie aux parents : le secrétariat vous le dira.",
    ),
    (JULIE, "Trouvé dans le menu, merci beaucoup !"),
]
OPEN_QUESTION = "Comment ajouter mon deuxième enfant à mon compte EduConnect ?"
# Amina asks by voice, in Arabic: "Hello. My son cannot get into his EduConnect account, and
# we have forgotten the password. What do we do? Thank you." A synthetic voice (espeak-ng,
# encoded to Ogg Opus with ffmpeg), as the guides' demo recordings; the note says the subject.
VOICE_QUESTION = Path(__file__).parent / "voice" / "question-educonnect-ar.ogg"
VOICE_QUESTION_NOTE = "كلمة سر EduConnect منسية"


def _email(local: str) -> str:
    return f"{local}@demo.coeduc.fr"


def _people() -> dict[str, User]:
    locals_ = {SAMIRA, JULIE, MOURAD, "amina", "famille.ozturk", "nadia"}
    return {
        user.email.split("@")[0]: user
        for user in User.objects.filter(email__in=[_email(local) for local in locals_])
    }


def _demo_ambassador(user) -> None:
    """Mourad, from Laon: trained, charter signed, validated by Claire — an ambassador."""
    if Volunteer.objects.filter(user=user).exists() or not Stage.objects.exists():
        return
    organisations = {o.name: o for o in Organisation.objects.all()}
    facilitator = User.objects.filter(email=_email("animatrice")).first()
    with quietly():
        _attend(user, _training_workshops(organisations)[(LIGUE, "02")])
        _complete_guide(user, _training_guide())
        path_services.sign_charter(user)
        volunteer = path_services.apply(
            user,
            territory=user.territory,
            motivation="J’aide déjà les parents de mon quartier avec Pronote et EduConnect.",
            availability="En semaine après 18 h et le samedi matin",
            languages="fr,ar",
            topics="pronote,educonnect,screens_sleep",
            commune="Laon",
            in_directory=True,
        )
        _walk(volunteer, "ambassador", facilitator)


def _backdate(model, pk, minutes: int) -> None:
    model.objects.filter(pk=pk).update(created_at=timezone.now() - timedelta(minutes=minutes))


def _conversation(room, lines, people) -> None:
    if Message.objects.filter(room=room).exists():
        return
    for local, text, minutes in lines:
        author = people.get(local)
        if author is None:
            continue
        services.accept_rules(author, room)
        message = services.post_message(author, room, text)
        _backdate(Message, message.pk, minutes)


def _help_requests(rooms, people) -> None:
    julie, samira, mourad = people.get(JULIE), people.get(SAMIRA), people.get(MOURAD)
    if not (julie and samira and mourad) or HelpRequest.objects.filter(asker=julie).exists():
        return
    room = rooms["pronote-ent-aisne"]
    question = services.ask_for_help(julie, room, RESOLVED_QUESTION, is_private=True)
    services.claim(mourad, question.pk)
    for index, (local, text) in enumerate(THREAD):
        message = services.post_message(people[local], room, text, help_request=question)
        _backdate(Message, message.pk, 20 * 60 - 5 * index)
    services.resolve(julie, question)
    _backdate(HelpRequest, question.pk, 21 * 60)
    waiting = services.ask_for_help(samira, rooms["educonnect-aisne"], OPEN_QUESTION)
    _backdate(HelpRequest, waiting.pk, 90)  # listed for the facilitators after 30 minutes
    amina = people.get("amina")
    if amina is not None:
        recording = SimpleUploadedFile(
            VOICE_QUESTION.name, VOICE_QUESTION.read_bytes(), content_type="audio/ogg"
        )
        room = rooms["parents-arabophones-aisne"]
        spoken = services.ask_for_help(amina, room, VOICE_QUESTION_NOTE, voice=recording)
        _backdate(HelpRequest, spoken.pk, 45)


@transaction.atomic
def load_demo_rooms() -> None:
    territories = {t.code: t for t in Territory.objects.all()}
    if not territories:
        return
    rooms = {}
    for slug, (name, description, kind, topic, code, language, rules) in ROOMS.items():
        rooms[slug], _created = Room.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "kind": kind,
                "topic": topic,
                "territory": territories.get(code) if code else None,
                "language": language,
                "rules": rules,
            },
        )
    people = _people()
    with quietly():
        if MOURAD in people:
            _demo_ambassador(people[MOURAD])
            if not OnDuty.objects.filter(user=people[MOURAD]).exists():
                services.set_duty(people[MOURAD], True)
        for slug, lines in CONVERSATIONS.items():
            _conversation(rooms[slug], lines, people)
        _help_requests(rooms, people)
