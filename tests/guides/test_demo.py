"""The demo loader builds the guide tree in every language and changes nothing the second time."""

from wagtail.models import Page, PageLogEntry, Revision

from coeduc.demo.guides import load_demo_guides
from guides.models import GuideIndexPage, GuidePage, TopicPage


def test_builds_index_topics_and_guides_in_each_language(guides):
    assert GuideIndexPage.objects.live().count() == 3
    assert TopicPage.objects.live().count() == 8 * 3
    assert GuidePage.objects.filter(locale__language_code="fr").live().count() == 3
    assert GuidePage.objects.filter(locale__language_code="en").live().count() == 1
    assert GuidePage.objects.filter(locale__language_code="ar").live().count() == 2


def test_translations_keep_the_french_step_ids(guide):
    arabic = guide.get_translation(guide.locale.__class__.objects.get(language_code="ar"))
    assert arabic.specific.step_ids() == guide.step_ids()


def test_second_run_changes_nothing(guides, guides_data):
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    load_demo_guides(guides_data)
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts


def test_a_changed_text_is_published_and_step_ids_kept(guides, guides_data, guide):
    ids = guide.step_ids()
    guides_data[0]["fr"]["steps"][0]["title"] = "Ouvrir Pronote"
    load_demo_guides(guides_data)
    guide.refresh_from_db()
    assert guide.steps[0].value["title"] == "Ouvrir Pronote"
    assert guide.step_ids() == ids
