# The ambassador path now uses the shared topics of core.vocabularies (the workshops' codes).

from django.db import migrations, models

RENAMED = {"screens": "screens_sleep", "safety": "safety_online", "school": "parents_school"}
BACK = {new: old for old, new in RENAMED.items()}


def _rename_codes(apps, mapping):
    def one(code):
        return mapping.get(code, code)

    def many(codes):
        return ",".join(one(code.strip()) for code in codes.split(",") if code.strip())

    Volunteer = apps.get_model("ambassadors", "Volunteer")
    Mentorship = apps.get_model("ambassadors", "Mentorship")
    MentoringSession = apps.get_model("ambassadors", "MentoringSession")
    for old, new in mapping.items():
        Mentorship.objects.filter(topic=old).update(topic=new)
    for model in (Volunteer, MentoringSession):
        for row in model.objects.exclude(topics="").only("pk", "topics"):
            renamed = many(row.topics)
            if renamed != row.topics:
                model.objects.filter(pk=row.pk).update(topics=renamed)


def forwards(apps, schema_editor):
    _rename_codes(apps, RENAMED)


def backwards(apps, schema_editor):
    _rename_codes(apps, BACK)


class Migration(migrations.Migration):

    dependencies = [
        ('ambassadors', '0002_seed_path'),
    ]

    operations = [
        migrations.AlterField(
            model_name='mentorship',
            name='topic',
            field=models.CharField(choices=[('ent', 'Digital workspace (ENT) and school life'), ('educonnect', 'EduConnect'), ('pronote', 'Pronote'), ('ecoledirecte', 'ÉcoleDirecte'), ('screens_sleep', 'Screens and sleep'), ('safety_online', 'Safety online'), ('parents_school', 'Parents and school together'), ('equipment', 'Getting equipped'), ('paperwork', 'Online forms and paperwork')], max_length=20, verbose_name='topic'),
        ),
        migrations.RunPython(forwards, backwards),
    ]
