"""The home page: what Coéduc offers a family, in a few words and four doors."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    headline = models.CharField(
        _("headline"),
        max_length=120,
        help_text=_("One short sentence that says what parents will find here."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("Two or three short sentences. Plain words, no jargon."),
    )

    content_panels = [*Page.content_panels, FieldPanel("headline"), FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
