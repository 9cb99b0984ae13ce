"""Wagtail admin for people: users (fitted to our model), territories, organisations, roles."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Organisation, OrganisationMembership, Territory, TerritoryPilot, User

USER_FIELDS = ["email", "phone", "display_name", "territory", "is_superuser", "groups"]


class CoeducUserCreationForm(UserCreationForm):
    class Meta:
        model = User
        fields = USER_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class CoeducUserEditForm(UserEditForm):
    class Meta:
        model = User
        fields = [*USER_FIELDS, "is_active"]
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return CoeducUserEditForm if for_update else CoeducUserCreationForm


def masked_contact(user) -> str:
    """Enough of the contact to tell two people of the same first name apart, not to use it."""
    if user.email:
        local, _at, domain = user.email.partition("@")
        return f"{local[:1]}•••@{domain}"
    if user.phone:
        return f"•• •• •• •• {user.phone[-2:]}"
    return ""


def person_label(user) -> str:
    """How staff pickers name a person: the display name and a masked contact."""
    contact = masked_contact(user)
    return f"{user} — {contact}" if contact else str(user)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


def _people():
    return User.objects.filter(is_active=True).order_by("display_name", "email", "pk")


class MembershipForm(WagtailAdminModelForm):
    user = PersonChoiceField(label=_("person"), queryset=_people())

    class Meta:
        model = OrganisationMembership
        fields = ["user", "organisation"]


class PilotForm(WagtailAdminModelForm):
    user = PersonChoiceField(label=_("person"), queryset=_people())

    class Meta:
        model = TerritoryPilot
        fields = ["user", "territory"]


class TerritoryViewSet(ModelViewSet):
    model = Territory
    icon = "site"
    list_display = ["code", "name", "timezone"]
    form_fields = ["code", "name", "timezone"]


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind"]
    list_filter = ["kind", "territories"]
    form_fields = ["name", "kind", "territories"]
    search_fields = ["name"]


class MembershipViewSet(ModelViewSet):
    model = OrganisationMembership
    icon = "user"
    list_display = ["user", "organisation"]
    list_filter = ["organisation"]
    form_fields = ["user", "organisation"]

    def get_form_class(self, for_update=False):
        return MembershipForm


class PilotViewSet(ModelViewSet):
    model = TerritoryPilot
    icon = "view"
    list_display = ["user", "territory"]
    list_filter = ["territory"]
    form_fields = ["user", "territory"]

    def get_form_class(self, for_update=False):
        return PilotForm


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("Territories and roles")
    menu_icon = "group"
    items = [TerritoryViewSet, OrganisationViewSet, MembershipViewSet, PilotViewSet]
