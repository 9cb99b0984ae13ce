"""The real demo content: every guide, the easy-read versions, the recordings, loaded once.

Apart from test_demo.py, whose known guides are built once for the module: these tests load
the demo itself, which must not meet those guides.
"""

from wagtail.models import Page, Revision

from coeduc.demo.guides import load_demo_guides
from guides.models import GuidePage


def test_the_real_demo_content_loads_and_a_second_run_changes_nothing(demo):
    from coeduc.demo.guide_texts import GUIDES

    french = GuidePage.objects.filter(locale__language_code="fr").live()
    assert french.count() == len(GUIDES) >= 8
    assert sum(1 for guide in french if guide.easy_read) >= 3
    assert GuidePage.objects.filter(locale__language_code="ar").live().count() >= 3
    counts = (Page.objects.count(), Revision.objects.count())
    load_demo_guides()
    assert (Page.objects.count(), Revision.objects.count()) == counts


def test_the_demo_recordings_are_labelled_synthetic_one_per_language_and_loaded_once(
    db, settings, tmp_path
):
    import io

    from django.core.management import call_command
    from wagtail.documents.models import Document

    from coeduc.demo.recordings import RECORDINGS

    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    recordings = Document.objects.filter(title__startswith="Synthetic voice (espeak-ng) — ")
    assert recordings.count() == len(RECORDINGS) == Document.objects.count()
    assert sum(doc.file_size for doc in recordings) < 300 * 1024
    sleep = {
        guide.locale.language_code: guide
        for guide in GuidePage.objects.filter(slug="ecrans-et-sommeil").live()
    }
    french = [step.value["audio"]["file"] for step in sleep["fr"].steps]
    arabic = [step.value["audio"]["file"] for step in sleep["ar"].steps]
    assert all(french) and all(arabic)
    assert not {doc.pk for doc in french} & {doc.pk for doc in arabic}
    assert "(fr)" in french[0].title and "(ar)" in arabic[0].title
    easy = GuidePage.objects.get(slug="cyberharcelement-que-faire", locale__language_code="ar")
    assert all(section.value["audio"]["file"] for section in easy.easy_read)

    before = (
        list(Document.objects.order_by("pk").values_list("pk", "file", "file_hash")),
        Revision.objects.count(),
        sorted(path.name for path in (tmp_path / "documents").iterdir()),
    )
    load_demo_guides()
    after = (
        list(Document.objects.order_by("pk").values_list("pk", "file", "file_hash")),
        Revision.objects.count(),
        sorted(path.name for path in (tmp_path / "documents").iterdir()),
    )
    assert after == before
