# Private notes were stored escaped ("Papa &amp; maman") and escaped again when shown. They
# are now stored as typed (tags removed) and escaped once: unescape the notes already kept.

import html

from django.db import migrations


def unescape_notes(apps, schema_editor):
    MentoringSession = apps.get_model("ambassadors", "MentoringSession")
    for session in MentoringSession.objects.exclude(private_note="").only("pk", "private_note"):
        typed = html.unescape(session.private_note)
        if typed != session.private_note:
            MentoringSession.objects.filter(pk=session.pk).update(private_note=typed)


class Migration(migrations.Migration):

    dependencies = [
        ("ambassadors", "0004_badge_identity_salt"),
    ]

    operations = [migrations.RunPython(unescape_notes, migrations.RunPython.noop)]
