"""Guide pages: an index of all guides, one page per topic, and the guides themselves.

Translations use wagtail-localize (1.14): our pages subclass Wagtail's ``Page`` directly (no
custom base page model, which wagtail-localize does not support). Its editor has no
right-to-left handling, so the front end sets ``lang`` and ``dir`` itself. A guide that is not
translated yet is served in French under the other language's address, with a notice
(``TopicPage.route``).

The pages sit above what serves them: they import ``listing`` and ``search`` and hand them
``GuidePage.objects``; neither imports this module. Reads of progress live here, on the
models; ``services`` (which imports this module) owns every change.
"""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core.vocabularies import Topic

from . import cache as page_cache
from .blocks import EasyReadBlock, StepsBlock
from .listing import guide_entries
from .locales import default_locale
from .rendering import prefetch_images
from .search import search_entries, unaccent

# Guide topics are pages; their keys (French slugs, stable in URLs) name the shared topics.
WORKSHOP_TOPIC_OF_GUIDE_TOPIC = {
    "ent-vie-scolaire": Topic.ENT,
    "educonnect": Topic.EDUCONNECT,
    "pronote": Topic.PRONOTE,
    "ecoledirecte": Topic.ECOLEDIRECTE,
    "ecrans-sommeil": Topic.SCREENS_SLEEP,
    "securite-en-ligne": Topic.SAFETY_ONLINE,
    "parents-ecole": Topic.PARENTS_SCHOOL,
    "s-equiper": Topic.EQUIPMENT,
}
TOPIC_KEYS = [(key, topic.label) for key, topic in WORKSHOP_TOPIC_OF_GUIDE_TOPIC.items()]

EASY_READ = "easy-read"


class GuideIndexPage(RoutablePageMixin, Page):
    """All guides, to filter by topic and audience; also the home of search and offline pages."""

    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    # Where the index may live is the site's choice (its home page type), not the guides' own:
    # the guides app sits below the site and never names it.
    parent_page_types = settings.GUIDES_INDEX_PARENT_PAGE_TYPES
    subpage_types = ["guides.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(TopicPage.objects.child_of(self).live().order_by("path"))
        topic_key = request.GET.get("topic", "")
        audience = request.GET.get("audience", "")
        selected = [topic for topic in topics if topic.key == topic_key] or topics
        entries = []
        for topic in selected:
            entries.extend(guide_entries(topic, GuidePage.objects, audience=audience))
        context.update(
            topics=topics,
            entries=entries,
            topic_key=topic_key,
            audience=audience,
            audiences=GuidePage.Audience.choices,
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("search/")
    def search(self, request):
        query = request.GET.get("q", "").strip()[:200]
        results = search_entries(query, self.locale, GuidePage.objects) if query else []
        return self.render(
            request,
            template="guides/search.html",
            context_overrides={
                "query": query,
                "results": results,
                "language_links": self.route_language_links(request, "search/"),
            },
        )

    @path("offline/")
    def offline(self, request):
        return self.render(
            request,
            template="guides/offline.html",
            context_overrides={"language_links": self.route_language_links(request, "offline/")},
        )

    def route_language_links(self, request, route: str) -> dict[str, str]:
        """{language code: this sub-page (search, offline) in that language, query kept}."""
        query = request.GET.urlencode()
        suffix = f"{route}?{query}" if query else route
        translations = self.get_translations(inclusive=True).live().select_related("locale")
        return {
            page.locale.language_code: f"{page.get_url(request)}{suffix}" for page in translations
        }


class TopicPage(Page):
    key = models.CharField(
        _("topic"),
        max_length=40,
        choices=TOPIC_KEYS,
        help_text=_("The same in every language: used to filter guides."),
    )
    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("key"), FieldPanel("intro")]
    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = _("topic")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = guide_entries(self, GuidePage.objects)
        return context

    def route(self, request, path_components):
        """Serve a guide not yet translated into this language in French, with a notice."""
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
            source = self.get_translation_or_none(default_locale())
            if source is None or source.pk == self.pk:
                raise
            guide = (
                GuidePage.objects.child_of(source).live().filter(slug=path_components[0]).first()
            )
            if guide is None or guide.get_translation_or_none(self.locale) is not None:
                raise
            return RouteResult(guide, kwargs={"fallback_topic": self})


class GuidePage(Page):
    class Audience(models.TextChoices):
        ALL = "all", _("All parents")
        PRIMARY = "primary", _("Parents of primary school children")
        SECONDARY = "secondary", _("Parents of secondary school children")

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")

    promise = models.CharField(
        _("promise"),
        max_length=200,
        help_text=_("One sentence: what the parent will be able to do after this guide."),
    )
    audience = models.CharField(
        _("audience"), max_length=12, choices=Audience.choices, default=Audience.ALL
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=5)
    level = models.CharField(
        _("level"), max_length=12, choices=Level.choices, default=Level.BEGINNER
    )
    is_training_guide = models.BooleanField(
        _("training guide for ambassadors"),
        default=False,
        help_text=_("Completing it counts on the ambassador path."),
    )
    what_you_need = models.TextField(
        _("what you need"), blank=True, help_text=_("One item per line.")
    )
    steps = StreamField(StepsBlock(), verbose_name=_("steps"))
    easy_read = StreamField(
        EasyReadBlock(),
        blank=True,
        verbose_name=_("easy-read version"),
        help_text=_("The whole guide in easy-to-read language (FALC). Optional."),
    )
    # Unaccented, lower-case copy of the text, so that "ecole" finds "école" on every database.
    search_text = models.TextField(editable=False, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("promise"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("duration_minutes"),
                FieldPanel("level"),
                FieldPanel("is_training_guide"),
            ],
            heading=_("For whom, how long"),
        ),
        FieldPanel("what_you_need"),
        FieldPanel("steps"),
        FieldPanel("easy_read"),
        InlinePanel("related_guides", label=_("Related guides")),
    ]
    parent_page_types = ["guides.TopicPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("promise"),
        index.SearchField("steps"),
        index.SearchField("easy_read"),
        index.SearchField("search_text"),
        index.FilterField("audience"),
    ]

    class Meta:
        verbose_name = _("guide")

    # --- content ---------------------------------------------------------------------------
    def needs(self) -> list[str]:
        return [line.strip() for line in self.what_you_need.splitlines() if line.strip()]

    def step_ids(self) -> list[str]:
        return [step.id for step in self.steps]

    def plain_text(self) -> str:
        parts = [self.title, self.promise, self.what_you_need]
        for step in self.steps:
            parts.append(step.value["title"])
            parts.append(strip_tags(step.value["body"].source))
            parts.extend(callout["text"] for callout in step.value["callouts"])
        for section in self.easy_read:
            parts.append(section.value["title"])
            parts.append(strip_tags(section.value["body"].source))
        return " ".join(part for part in parts if part)

    def save(self, *args, **kwargs):
        self.search_text = unaccent(self.plain_text())
        return super().save(*args, **kwargs)

    # --- serving ---------------------------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        fallback_topic = kwargs.get("fallback_topic")
        version = EASY_READ if request.GET.get("version") == EASY_READ and self.easy_read else ""
        shown = self.easy_read if version else self.steps
        prefetch_images(shown)
        self.leave_out_inherited_recordings(shown)
        translations = list(self.get_translations(inclusive=True).live().select_related("locale"))
        context.update(
            version=version,
            fallback_topic=fallback_topic,
            translations=translations,
            language_links=self.language_links(request, translations),
            related=self.related_in_locale(fallback_topic.locale if fallback_topic else None),
            related_workshops=self.related_workshops(),
            done_steps=self.done_steps_for(request.user),
            parts_count=len(shown),
            recorded_count=sum(1 for part in shown if part.value["audio"]["file"]),
        )
        return context

    def leave_out_inherited_recordings(self, stream) -> None:
        """Take out of ``stream`` (in memory only) the French page's recordings that this
        translation holds only because wagtail-localize copied them.

        wagtail-localize copies into a synced translation every value its editor has not
        overridden, chooser blocks included. A recording is speech in one language: a
        translation plays only the recordings chosen for it (``RecordingChooserBlock`` shows
        its translator an empty value to set), and "Listen" reads the other parts with the
        device's voice.
        """
        recorded = [part for part in stream if part.value["audio"]["file"] is not None]
        if not recorded or self.locale_id == default_locale().pk:
            return
        source = (
            GuidePage.objects.filter(translation_key=self.translation_key, locale=default_locale())
            .values_list("steps", "easy_read")
            .first()
        )
        if source is None:
            return
        french = {
            (child["id"], ((child["value"].get("audio") or {}).get("file")))
            for field in source
            for child in field.raw_data
        }
        for part in recorded:
            if (part.id, part.value["audio"]["file"].pk) in french:
                part.value["audio"]["file"] = None

    def language_links(self, request, translations=None) -> dict[str, str]:
        """{language code: this guide's address in that language} for the language switcher.

        Its translation where there is one; else its address under the topic of that language,
        which serves the French guide with a notice (``TopicPage.route``): the language
        prefix alone is not enough, since a topic's slug may be translated.
        """
        if translations is None:
            translations = self.get_translations(inclusive=True).live().select_related("locale")
        links = {page.locale.language_code: page.get_url(request) for page in translations}
        source = next(
            (page for page in translations if page.locale_id == default_locale().pk), None
        )
        if source is None:
            return links  # only French guides stand in for missing translations
        topics = source.get_parent().get_translations().live().select_related("locale")
        for topic in topics:
            code = topic.locale.language_code
            if code not in links:
                links[code] = f"{topic.get_url(request)}{source.slug}/"
        return links

    def related_workshops(self, limit=3):
        """Upcoming workshops on this guide's topic. Only what does not go stale in the page
        cache (title, date, commune): places left are on the workshop's own page."""
        from workshops.models import Workshop

        topic_key = getattr(self.get_parent().specific, "key", None)
        workshop_topic = WORKSHOP_TOPIC_OF_GUIDE_TOPIC.get(topic_key)
        if workshop_topic is None:
            return []
        upcoming = Workshop.objects.published().upcoming().filter(topic=workshop_topic)
        return list(upcoming.select_related("venue__territory").order_by("starts_at")[:limit])

    def source_guide(self) -> "GuidePage":
        """The French page of this guide: progress is kept there, whatever the language."""
        source = self.get_translation_or_none(default_locale())
        return source.specific if source is not None else self

    def progress_of(self, user) -> "GuideProgress | None":
        return GuideProgress.objects.filter(user=user, page=self.source_guide()).first()

    def done_steps_for(self, user) -> list[str]:
        if not user.is_authenticated:
            return []  # kept by the browser; the page stays the same for every visitor
        progress = self.progress_of(user)
        return progress.completed_steps if progress else []

    def related_in_locale(self, locale=None) -> list[Page]:
        """Related guides, each in the reader's language when translated."""
        locale = locale or self.locale
        links = list(self.related_guides.select_related("guide"))
        if not links and self.locale_id != default_locale().pk:
            # Translations made before the links were set: use the French page's links.
            source = self.get_translation_or_none(default_locale())
            if source is not None:
                links = list(source.specific.related_guides.select_related("guide"))
        keys = [link.guide.translation_key for link in links]
        if not keys:
            return []
        found = {
            page.translation_key: page
            for page in GuidePage.objects.live().filter(translation_key__in=keys, locale=locale)
        }
        return [found[key] for key in keys if key in found]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response.render()
        if not self.get_view_restrictions().exists():
            page_cache.store(request, response)
        return response


class RelatedGuide(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(
        GuidePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("guide")
    )

    panels = [FieldPanel("guide")]

    class Meta(Orderable.Meta):
        verbose_name = _("related guide")


class GuideProgress(models.Model):
    """The steps of one guide a parent has done. Kept on the guide's French (source) page,
    so progress follows the parent from one language to another."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guide_progress"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    completed_steps = models.JSONField(_("steps done"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        db_table = "parents_guideprogress"  # where it was first created; the table stays
        verbose_name = _("guide progress")
        verbose_name_plural = _("guide progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="unique_guide_progress")
        ]

    def __str__(self):
        return f"{self.user} — {self.page}"
