"""Demo workshops for `manage.py load_demo`: venues and workshops across territories.

Idempotent: venues are keyed by (organisation, name), workshops by (organisation, title),
demo families by (workshop, e-mail). Dates are set relative to today when a workshop is
created, and moved forward again once it is over, so the demo always has upcoming workshops.
Territories and organisations come from `load_demo` (same codes and names).
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from parents.models import Organisation, Territory
from workshops import services, services_running
from workshops.models import Registration, Venue, Workshop

LIGUE = "Ligue de l'Enseignement"
TROUSSE = "La Trousse à Projets"
POUSSEE = "La petite poussée"
CANOPE = "Réseau Canopé"
DSDEN = "DSDEN de l'Aisne"
JEAN_MACE = "École élémentaire Jean-Macé (Laon)"

# (organisation, name, address, commune, territory code, step-free access, transport hint)
VENUES = [
    (
        LIGUE,
        "Médiathèque Suzanne-Martinet",
        "2 rue du Cloître",
        "Laon",
        "02",
        True,
        "Bus ligne 1, arrêt « Cathédrale ».",
    ),
    (
        LIGUE,
        "Centre social de la Belle de Mai",
        "12 rue Clovis-Hugues",
        "Marseille",
        "13",
        True,
        "Métro 2, station « National ».",
    ),
    (
        LIGUE,
        "Maison des parents de Lauricisque",
        "Rue Raphaël-Jernidier",
        "Pointe-à-Pitre",
        "971",
        True,
        "Karu'lis ligne 2, arrêt « Lauricisque ».",
    ),
    (
        LIGUE,
        "Espace Martin-Luther-King",
        "27 boulevard Louis-Blanc",
        "Montpellier",
        "34",
        False,
        "Tram 1, station « Louis-Blanc ».",
    ),
    (
        TROUSSE,
        "Maison de quartier des Flanades",
        "Place de Navarre",
        "Sarcelles",
        "95",
        True,
        "Gare de Garges-Sarcelles puis bus 133.",
    ),
    (
        TROUSSE,
        "Médiathèque des Capucins",
        "25 rue de Pontaniou",
        "Brest",
        "29",
        True,
        "Téléphérique, arrêt « Capucins ».",
    ),
    (
        POUSSEE,
        "Maison des habitants du Centre-Ville",
        "2 rue du Vieux-Temple",
        "Grenoble",
        "38",
        True,
        "Tram B, arrêt « Notre-Dame Musée ».",
    ),
    (
        POUSSEE,
        "Centre d'animation des Couronneries",
        "37 rue Pierre-de-Coubertin",
        "Poitiers",
        "86",
        False,
        "Bus 1, arrêt « Coubertin ».",
    ),
    (
        DSDEN,
        "Salle polyvalente de la DSDEN",
        "Cité administrative, 2 rue Fernand-Christ",
        "Laon",
        "02",
        True,
        "Parking gratuit devant la cité administrative.",
    ),
    (
        JEAN_MACE,
        "Préau de l'école Jean-Macé",
        "3 rue Jean-Macé",
        "Laon",
        "02",
        True,
        "À 5 minutes à pied de la gare.",
    ),
]

# key fields: organisation and title. Then: venue name (None: online), topic, format,
# languages, days from today, local start hour, duration in hours, capacity, waiting list,
# childcare, interpreter, demo families (seats each) already signed up.
WORKSHOPS = [
    (
        LIGUE,
        "Pronote pas à pas",
        "Médiathèque Suzanne-Martinet",
        "pronote",
        "on_site",
        "fr",
        6,
        18,
        2,
        12,
        True,
        True,
        False,
        [2, 1, 3],
    ),
    (
        LIGUE,
        "L’ENT expliqué aux familles, en français et en arabe",
        "Centre social de la Belle de Mai",
        "ent",
        "on_site",
        "fr,ar",
        9,
        17,
        2,
        15,
        True,
        True,
        True,
        [1, 2],
    ),
    (
        LIGUE,
        "EduConnect : un seul compte pour tout",
        "Maison des parents de Lauricisque",
        "educonnect",
        "on_site",
        "fr",
        8,
        17,
        2,
        6,
        True,
        False,
        False,
        [2, 2, 2, 1, 3],
    ),
    (
        LIGUE,
        "Protéger ses enfants en ligne",
        "Espace Martin-Luther-King",
        "safety_online",
        "hybrid",
        "fr",
        12,
        19,
        2,
        20,
        True,
        False,
        False,
        [1],
    ),
    (
        TROUSSE,
        "ÉcoleDirecte sans stress",
        "Maison de quartier des Flanades",
        "ecoledirecte",
        "on_site",
        "fr,ar",
        5,
        14,
        2,
        8,
        True,
        True,
        True,
        [3, 2, 3, 2, 1],
    ),
    (
        TROUSSE,
        "S’équiper sans se ruiner",
        "Médiathèque des Capucins",
        "equipment",
        "on_site",
        "fr",
        14,
        10,
        3,
        10,
        False,
        False,
        False,
        [],
    ),
    (
        POUSSEE,
        "Parents et école : se parler",
        "Maison des habitants du Centre-Ville",
        "parents_school",
        "on_site",
        "fr",
        10,
        18,
        2,
        12,
        True,
        True,
        False,
        [2],
    ),
    (
        POUSSEE,
        "Écrans et sommeil : trouver le bon rythme",
        "Centre d'animation des Couronneries",
        "screens_sleep",
        "on_site",
        "fr",
        16,
        18,
        2,
        15,
        True,
        True,
        False,
        [],
    ),
    (
        CANOPE,
        "EduConnect en ligne, questions-réponses",
        None,
        "educonnect",
        "online",
        "fr",
        4,
        20,
        1,
        30,
        True,
        False,
        False,
        [1, 1],
    ),
    (
        DSDEN,
        "L’ENT de l’Aisne : premiers pas",
        "Salle polyvalente de la DSDEN",
        "ent",
        "on_site",
        "fr",
        7,
        17,
        2,
        6,
        True,
        False,
        False,
        [3, 3, 2],
    ),
    (
        JEAN_MACE,
        "Café des parents : l’école et le numérique",
        "Préau de l'école Jean-Macé",
        "parents_school",
        "on_site",
        "fr",
        3,
        8,
        1,
        15,
        True,
        True,
        False,
        [1, 2, 1],
    ),
]

DESCRIPTION = (
    "Un atelier gratuit et convivial, en petit groupe, pour poser toutes vos questions. "
    "Apportez votre téléphone si vous le souhaitez : nous regardons ensemble, pas à pas."
)
DEMO_NAMES = ["Samira", "Kévin", "Nadia", "Thierry", "Fatou", "Julie", "Mehdi", "Laura"]

POSTCODES = {
    "Médiathèque Suzanne-Martinet": "02000",
    "Centre social de la Belle de Mai": "13003",
    "Maison des parents de Lauricisque": "97110",
    "Espace Martin-Luther-King": "34000",
    "Maison de quartier des Flanades": "95200",
    "Médiathèque des Capucins": "29200",
    "Maison des habitants du Centre-Ville": "38000",
    "Centre d'animation des Couronneries": "86000",
    "Salle polyvalente de la DSDEN": "02000",
    "Préau de l'école Jean-Macé": "02000",
}


def _dates(days: int, hour: int, hours: int, tz_name: str):
    tz = ZoneInfo(tz_name)
    day = timezone.localdate() + timedelta(days=days)
    starts_at = datetime.combine(day, time(hour), tzinfo=tz)
    return starts_at, starts_at + timedelta(hours=hours)


@transaction.atomic
def load_demo_workshops() -> list[Workshop]:
    organisations = {o.name: o for o in Organisation.objects.all()}
    territories = {t.code: t for t in Territory.objects.all()}
    venues = {}
    for organisation, name, address, commune, code, step_free, hint in VENUES:
        venue, _ = Venue.objects.update_or_create(
            organisation=organisations[organisation],
            name=name,
            defaults={
                "address": address,
                "postcode": POSTCODES[name],
                "commune": commune,
                "territory": territories[code],
                "step_free_access": step_free,
                "transport_hint": hint,
            },
        )
        venues[name] = venue

    workshops = []
    for (
        organisation,
        title,
        venue_name,
        topic,
        fmt,
        languages,
        days,
        hour,
        hours,
        capacity,
        waitlist,
        childcare,
        interpreter,
        families,
    ) in WORKSHOPS:
        venue = venues.get(venue_name)
        tz_name = venue.territory.timezone if venue else "Europe/Paris"
        starts_at, ends_at = _dates(days, hour, hours, tz_name)
        fields = {
            "venue": venue,
            "description": DESCRIPTION,
            "topic": topic,
            "format": fmt,
            "languages": languages,
            "capacity": capacity,
            "waitlist_enabled": waitlist,
            "status": Workshop.Status.PUBLISHED,
            "online_link": "https://visio.coeduc.fr/demo" if fmt != "on_site" else "",
            "childcare_offered": childcare,
            "interpreter_offered": interpreter,
        }
        workshop, created = Workshop.objects.update_or_create(
            organisation=organisations[organisation],
            title=title,
            defaults=fields,
            # Dates are set once (and moved on below when the workshop is over).
            create_defaults={**fields, "starts_at": starts_at, "ends_at": ends_at},
        )
        if not created and workshop.ends_at <= timezone.now():
            workshop.starts_at, workshop.ends_at = starts_at, ends_at
            workshop.save(update_fields=["starts_at", "ends_at", "updated_at"])
        _load_families(workshop, families)
        workshops.append(workshop)
    workshops += _load_series(organisations[LIGUE], venues["Médiathèque Suzanne-Martinet"])
    workshops.append(_load_past_workshop(organisations[LIGUE], venues[VENUES[0][1]]))
    return workshops


SERIES_TITLE = "Parents et écrans : un cycle en trois séances"
PAST_TITLE = "Pronote : premiers pas (atelier passé)"


def _load_series(organisation, venue) -> list[Workshop]:
    """One series of three weekly sessions, created once (by the same service as the form)."""
    from workshops.models import WorkshopSeries

    series = WorkshopSeries.objects.filter(organisation=organisation, title=SERIES_TITLE).first()
    if series is None or not series.workshops.filter(ends_at__gt=timezone.now()).exists():
        if series is not None:
            series.workshops.all().delete()
            series.delete()
        first, _end = _dates(10, 18, 2, venue.territory.timezone)
        series = services_running.create_series(
            organisation=organisation,
            title=SERIES_TITLE,
            starts=services_running.weekly_starts(first, 3),
            duration=timedelta(hours=2),
            venue=venue,
            description=DESCRIPTION,
            topic=Workshop.Topic.SCREENS_SLEEP,
            capacity=10,
            status=Workshop.Status.PUBLISHED,
        )
    return list(series.workshops.order_by("starts_at"))


def _load_past_workshop(organisation, venue) -> Workshop:
    """A workshop held two weeks ago and closed: attendance taken, one family absent."""
    starts_at, ends_at = _dates(-14, 18, 2, venue.territory.timezone)
    workshop, created = Workshop.objects.get_or_create(
        organisation=organisation,
        title=PAST_TITLE,
        defaults={
            "venue": venue,
            "description": DESCRIPTION,
            "topic": Workshop.Topic.PRONOTE,
            "capacity": 8,
            "status": Workshop.Status.CLOSED,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "closed_at": ends_at,
        },
    )
    if created:
        # A workshop of the past cannot be signed up for: its rows are history, brought in as
        # a facilitator would from the paper sheet; attendance goes through the service.
        for index, (seats, attended) in enumerate([(2, True), (1, True), (3, False)]):
            registration = Registration.objects.create(
                workshop=workshop,
                first_name=DEMO_NAMES[index],
                email=f"famille{index + 1}.atelier{workshop.pk}@demo.coeduc.fr",
                seats=seats,
                consent_at=starts_at - timedelta(days=7),
                created_at=starts_at - timedelta(days=7),
                status=Registration.Status.CONFIRMED,
            )
            services_running.set_attendance(registration, attended, now=starts_at)
    return workshop


def _load_families(workshop: Workshop, families: list[int]) -> None:
    """Demo sign-ups through the sign-up service (run quietly by `load_demo`): confirmed
    while the whole family fits, else waiting, else refused — the service's rule, not ours."""
    for index, seats in enumerate(families):
        email = f"famille{index + 1}.atelier{workshop.pk}@demo.coeduc.fr"
        if Registration.objects.filter(workshop=workshop, email=email).exists():
            continue
        try:
            services.register(
                workshop,
                first_name=DEMO_NAMES[index % len(DEMO_NAMES)],
                email=email,
                seats=seats,
                needs=services.Needs(childcare=index % 3 == 0 and workshop.childcare_offered),
                language="fr",
            )
        except services.WorkshopFull:
            continue
