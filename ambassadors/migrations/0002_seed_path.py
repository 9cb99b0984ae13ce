"""The seed of the path: volunteer → in training → ambassador → mentor, and the charter v1.

Staff change stages and criteria in the Wagtail admin afterwards. The names are English
source strings, translated when shown (they are in the catalogues).
"""

from django.db import migrations

STAGES = [
    # slug, name, order, combine, issues badge, directory, mentoring, description, criteria
    (
        "volunteer",
        "Volunteer",
        0,
        "all",
        False,
        False,
        False,
        "You have applied. Welcome!",
        [],
    ),
    (
        "in-training",
        "In training",
        1,
        "any",
        False,
        False,
        False,
        "You are learning with other parents: workshops and training guides.",
        [("workshops_attended", 1), ("training_guides", 1)],
    ),
    (
        "ambassador",
        "Ambassador",
        2,
        "all",
        True,
        True,
        True,
        "You help other families, in the help rooms and at workshops.",
        [
            ("workshops_attended", 2),
            ("training_guides", 1),
            ("charter_signed", 1),
            ("validation", 1),
        ],
    ),
    (
        "mentor",
        "Mentor",
        3,
        "all",
        True,
        True,
        True,
        "You accompany families over time and help new ambassadors.",
        [("mentoring_sessions", 5), ("days_at_stage", 90), ("validation", 1)],
    ),
]

CHARTER_V1 = """Charte des parents ambassadeurs Coéduc

1. J’aide les autres familles gratuitement, avec bienveillance et sans jugement.
2. Je respecte la vie privée des familles : je ne demande ni ne garde leurs mots de passe, et je ne répète pas ce qu’elles me confient.
3. Je ne fais pas à la place des familles : je montre, elles font.
4. Je passe par la plateforme pour les contacter ; je ne partage pas leurs coordonnées.
5. Quand une question dépasse mon rôle (santé, conflit, situation de danger), je la confie à un animateur ou une animatrice.
6. Je signale tout contenu ou comportement inapproprié.
"""


def seed(apps, schema_editor):
    Stage = apps.get_model("ambassadors", "Stage")
    Criterion = apps.get_model("ambassadors", "Criterion")
    Charter = apps.get_model("ambassadors", "Charter")
    if not Stage.objects.exists():
        for slug, name, order, combine, badge, directory, mentor, description, rules in STAGES:
            stage = Stage.objects.create(
                slug=slug,
                name=name,
                order=order,
                combine=combine,
                issues_badge=badge,
                listed_in_directory=directory,
                can_mentor=mentor,
                description=description,
            )
            for kind, threshold in rules:
                Criterion.objects.create(stage=stage, kind=kind, threshold=threshold)
    if not Charter.objects.exists():
        Charter.objects.create(version=1, text=CHARTER_V1)


class Migration(migrations.Migration):
    dependencies = [("ambassadors", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
