"""Wagtail admin for workshops: venues, workshops and (read-mostly) registrations.

Places are only ever given by `workshops.services`: the workshop edit view hands a capacity
change to `services.set_capacity` (which lets the waiting list move up), and registrations
cannot be created or re-statused here.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy

from . import services
from .models import Registration, Venue, Workshop


class VenueViewSet(ModelViewSet):
    model = Venue
    icon = "home"
    list_display = ["name", "commune", "territory", "organisation", "step_free_access"]
    list_filter = ["territory", "organisation", "step_free_access"]
    search_fields = ["name", "commune"]
    form_fields = [
        "organisation",
        "name",
        "address",
        "commune",
        "territory",
        "step_free_access",
        "transport_hint",
    ]


class WorkshopEditView(EditView):
    def save_instance(self):
        capacity = self.form.cleaned_data["capacity"]
        instance = super().save_instance()
        # The form wrote the row; the service re-applies the capacity under the lock and
        # confirms the waiting families who now fit.
        services.set_capacity(instance, capacity)
        return instance


class WorkshopViewSet(ModelViewSet):
    model = Workshop
    icon = "date"
    edit_view_class = WorkshopEditView
    list_display = ["title", "starts_at", "venue", "organisation", "capacity", "status"]
    list_filter = ["status", "topic", "format", "organisation"]
    search_fields = ["title"]
    form_fields = [
        "organisation",
        "venue",
        "title",
        "description",
        "topic",
        "format",
        "languages",
        "starts_at",
        "ends_at",
        "capacity",
        "waitlist_enabled",
        "registration_opens_at",
        "registration_closes_at",
        "status",
        "online_link",
        "childcare_offered",
        "interpreter_offered",
    ]


class NoCreatePermissionPolicy(ModelPermissionPolicy):
    """Registrations come from families through the sign-up service, never from the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "user"
    inspect_view_enabled = True
    list_display = ["first_name", "workshop", "seats", "status", "created_at"]
    list_filter = ["status", "workshop__organisation"]
    search_fields = ["first_name", "email", "phone"]
    form_fields = ["attended"]

    @property
    def permission_policy(self):
        return NoCreatePermissionPolicy(self.model)


class WorkshopsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Workshops")
    menu_icon = "date"
    items = [WorkshopViewSet, VenueViewSet, RegistrationViewSet]
