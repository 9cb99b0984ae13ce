"""Wagtail admin of the path: stages with their criteria, and the charter's versions."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Charter, Stage


class StageViewSet(ModelViewSet):
    model = Stage
    name = "ambassador_stages"
    url_prefix = "ambassadors/stages"
    icon = "list-ol"
    # The stage's name in the admin's language (the seeded stages are translated), and a tick
    # or a cross rather than an untranslated True/False.
    list_display = [
        Column("name", label=_("name"), accessor="display_name"),
        "order",
        "combine",
        BooleanColumn("issues_badge", label=_("issues a badge")),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("order"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("issues_badge"),
                FieldPanel("listed_in_directory"),
                FieldPanel("can_mentor"),
            ],
            heading=_("What this stage opens"),
        ),
        FieldPanel("combine"),
        InlinePanel("criteria", label=_("Criteria")),
    ]


class CharterViewSet(ModelViewSet):
    model = Charter
    name = "ambassador_charters"
    url_prefix = "ambassadors/charters"
    icon = "doc-full"
    list_display = ["version", "published_at"]
    form_fields = ["version", "text", "published_at"]


class AmbassadorsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Ambassador path")
    menu_icon = "user"
    items = [StageViewSet, CharterViewSet]
