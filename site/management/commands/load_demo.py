"""Load Coéduc's demo content. Idempotent: a second run changes nothing.

Later parts of the platform (guides, workshops, ambassadors) add their own demo data here.
"""

import os

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from coeduc.demo.ambassadors import load_demo_ambassadors
from coeduc.demo.guides import load_demo_guides
from coeduc.demo.rooms import load_demo_rooms
from coeduc.demo.workshops import load_demo_workshops
from coeduc.home.models import HomePage
from core.notify import quietly
from parents.models import Organisation, OrganisationMembership, Territory, TerritoryPilot, User

TERRITORIES = [
    ("02", "Aisne", "Europe/Paris"),
    ("95", "Val-d'Oise", "Europe/Paris"),
    ("13", "Bouches-du-Rhône", "Europe/Paris"),
    ("18", "Cher", "Europe/Paris"),
    ("2A", "Corse-du-Sud", "Europe/Paris"),
    ("25", "Doubs", "Europe/Paris"),
    ("29", "Finistère", "Europe/Paris"),
    ("971", "Guadeloupe", "America/Guadeloupe"),
    ("34", "Hérault", "Europe/Paris"),
    ("38", "Isère", "Europe/Paris"),
    ("86", "Vienne", "Europe/Paris"),
    ("88", "Vosges", "Europe/Paris"),
]

ORGANISATIONS = [
    ("Ligue de l'Enseignement", Organisation.Kind.ASSOCIATION, ["02", "13", "34", "971", "88"]),
    ("La Trousse à Projets", Organisation.Kind.ASSOCIATION, ["95", "18", "25", "29"]),
    ("La petite poussée", Organisation.Kind.ASSOCIATION, ["38", "86"]),
    ("Réseau Canopé", Organisation.Kind.PUBLIC_BODY, [code for code, _n, _tz in TERRITORIES]),
    ("DSDEN de l'Aisne", Organisation.Kind.PUBLIC_BODY, ["02"]),
    ("École élémentaire Jean-Macé (Laon)", Organisation.Kind.SCHOOL, ["02"]),
]

HOME_CONTENT = {
    "fr": (
        "Accueil",
        "Suivre la scolarité de vos enfants, pas à pas.",
        "Des guides simples, des ateliers près de chez vous et l’aide d’autres parents. "
        "C’est gratuit, sans publicité, et vous n’avez pas besoin de compte pour lire.",
    ),
    "en": (
        "Home",
        "Follow your children’s schooling, step by step.",
        "Simple guides, workshops near you and help from other parents. "
        "It is free, without advertising, and you need no account to read.",
    ),
    "ar": (
        "الرئيسية",
        "تابعوا دراسة أطفالكم، خطوة بخطوة.",
        "أدلة بسيطة، وورشات قريبة منكم، ومساعدة من أولياء أمور آخرين. "
        "كل ذلك مجاني وبدون إعلانات، ولا تحتاجون إلى حساب للقراءة.",
    ),
}

DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "coeduc-demo")

# (role, e-mail, phone, display name, territory code)
DEMO_ACCOUNTS = [
    ("parent", "parent@demo.coeduc.fr", "+33612345601", "Samira", "02"),
    ("parent", "parent2@demo.coeduc.fr", "+33612345603", "Julie", "02"),
    ("ambassador", "ambassadeur@demo.coeduc.fr", "+33612345604", "Mourad", "02"),
    ("facilitator", "animatrice@demo.coeduc.fr", "+33612345602", "Claire", "02"),
    ("pilot", "pilote@demo.coeduc.fr", None, "Marc", "02"),
    ("editor", "redaction@demo.coeduc.fr", None, "Inès", None),
    ("staff", "admin@demo.coeduc.fr", None, "Équipe Coéduc", None),
]


class Command(BaseCommand):
    help = "Load (or bring up to date) Coéduc's demo content."

    def handle(self, *args, **options):
        # Through the services, so every rule holds; quietly, so no made-up family is told.
        with quietly(), transaction.atomic():
            self.load_everything()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def load_everything(self):
        territories = self.load_territories()
        organisations = self.load_organisations(territories)
        self.load_accounts(territories, organisations)
        load_demo_workshops()
        self.load_home_pages()
        load_demo_guides()
        load_demo_ambassadors()
        load_demo_rooms()

    def load_territories(self):
        territories = {}
        for code, name, tz in TERRITORIES:
            territory, _ = Territory.objects.update_or_create(
                code=code, defaults={"name": name, "timezone": tz}
            )
            territories[code] = territory
        return territories

    def load_organisations(self, territories):
        organisations = {}
        for name, kind, codes in ORGANISATIONS:
            organisation, _ = Organisation.objects.update_or_create(
                name=name, defaults={"kind": kind}
            )
            organisation.territories.set([territories[code] for code in codes])
            organisations[name] = organisation
        return organisations

    def load_accounts(self, territories, organisations):
        editors = Group.objects.get(name="Editors")
        for role, email, phone, name, territory_code in DEMO_ACCOUNTS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
            user.phone = phone
            user.phone_verified = bool(phone)
            user.display_name = name
            user.territory = territories.get(territory_code)
            user.is_staff = user.is_superuser = role == "staff"
            user.save()
            # allauth's record of the address: verified, so that login by code works at once.
            user.emailaddress_set.update_or_create(
                email=email, defaults={"verified": True, "primary": True}
            )
            if role == "facilitator":
                OrganisationMembership.objects.get_or_create(
                    user=user, organisation=organisations["Ligue de l'Enseignement"]
                )
            elif role == "pilot":
                TerritoryPilot.objects.get_or_create(user=user, territory=territories["02"])
            elif role == "editor":
                user.groups.add(editors)

    def load_home_pages(self):
        locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in HOME_CONTENT
        }
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=locales["fr"]).first()
        if home is None:
            title, headline, intro = HOME_CONTENT["fr"]
            home = HomePage(title=title, slug="accueil", headline=headline, intro=intro)
            root.add_child(instance=home)
            home.save_revision().publish()
            # Wagtail's own "Welcome" page has served its purpose.
            Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(
                content_type__model="homepage"
            ).delete()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = "Coéduc"
            site.save()
        for code, (title, headline, intro) in HOME_CONTENT.items():
            page = home.get_translation_or_none(locales[code])
            if page is None:
                page = home.copy_for_translation(locales[code])
            page = page.specific
            if (page.title, page.headline, page.intro, page.live) != (title, headline, intro, True):
                page.title, page.headline, page.intro = title, headline, intro
                page.save_revision().publish()
