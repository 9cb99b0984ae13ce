"""Wagtail admin for workshops: venues, workshops and (read-mostly) registrations.

Scoped to the organisations a person facilitates (`workshops.permissions`); staff see all.
Every view of these viewsets goes through `OrganisationPermissionPolicy`: the lists are
filtered by it, and a row of another organisation is a 404 on edit, inspect, delete,
history or usage pages. The forms offer only the person's organisations and venues.

Places are only ever given by the workshops' services: the workshop edit view hands the edit
to `services_running.update_workshop` (a capacity change lets the waiting list move up, a
cancellation goes through `services_running.cancel_workshop`, which tells every family);
registrations cannot be created or re-statused here.
"""

import zoneinfo
from datetime import UTC

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import models as generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.log_actions import log
from wagtail.permission_policies.base import BasePermissionPolicy

from parents.models import User
from parents.permissions import is_staff
from parents.viewsets import PersonMultipleChoiceField

from . import permissions, services, services_running
from .models import Registration, Venue, Workshop, WorkshopSeries


class OrganisationPermissionPolicy(BasePermissionPolicy):
    """Staff may do everything; a facilitator may act on their organisations' rows only."""

    def __init__(self, model, organisation_lookup: str, actions=("add", "change", "delete")):
        super().__init__(model)
        self.organisation_lookup = organisation_lookup
        self.allowed_actions = set(actions) | {"view"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and permissions.can_manage_workshops(user)

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        return self.model.objects.filter(
            **{f"{self.organisation_lookup}__in": permissions.managed_organisations(user)}
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def users_with_any_permission(self, actions):
        return User.objects.filter(is_active=True, is_staff=True) | User.objects.filter(
            is_active=True, memberships__isnull=False
        )


class WorkshopPermissionPolicy(OrganisationPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        # Families' places are never erased with their workshop: cancel it instead.
        if action == "delete" and instance.registrations.exists():
            return False
        return super().user_has_permission_for_instance(user, action, instance)


class ScopedObjectMixin:
    """A row the person may not see is a 404 whatever the view; one they may not change, 403."""

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        policy, user = self.permission_policy, self.request.user
        visible = policy.instances_user_has_permission_for(user, "view")
        if not visible.filter(pk=instance.pk).exists():
            raise Http404
        action = getattr(self, "permission_required", None)
        if action in ("change", "delete") and not policy.user_has_permission_for_instance(
            user, action, instance
        ):
            raise PermissionDenied
        return instance


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class WorkshopIndexView(ScopedIndexView):
    def get_base_queryset(self):
        # The venue's territory gives each row its time zone (the "Starts" column).
        return super().get_base_queryset().select_related("venue__territory", "organisation")


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedModelForm(WagtailAdminModelForm):
    """Offers only the person's organisations, venues and series; checks they match."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        organisations = permissions.managed_organisations(user)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = organisations
        if "venue" in self.fields:
            self.fields["venue"].queryset = Venue.objects.filter(organisation__in=organisations)
        if "series" in self.fields:
            self.fields["series"].queryset = WorkshopSeries.objects.filter(
                organisation__in=organisations
            )
        if "co_hosts" in self.fields and not is_staff(user):
            # Co-hosts are people of the organisation, or already co-hosting for it.
            self.fields["co_hosts"].queryset = (
                User.objects.filter(memberships__organisation__in=organisations)
                | User.objects.filter(co_hosted_workshops__organisation__in=organisations)
            ).distinct()

    def clean(self):
        cleaned_data = super().clean()
        organisation = cleaned_data.get("organisation")
        for name in ("venue", "series"):
            related = cleaned_data.get(name)
            if organisation and related and related.organisation_id != organisation.pk:
                self.add_error(name, _("Choose one of this organisation’s own."))
        return cleaned_data


# A workshop's times are the clock at its venue: 18:00 in Pointe-à-Pitre is typed "18:00",
# whoever types it and wherever the admin thinks they are (Europe/Paris by default).
VENUE_CLOCK_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")


class VenueClockDateTimeField(forms.DateTimeField):
    """A date and time as read on a clock, without a time zone yet (the form adds the venue's)."""

    widget = AdminDateTimeInput

    def to_python(self, value):
        # Django would read the value in the admin's current time zone; read it in UTC, which
        # has no clock changes to refuse, and keep only the clock reading.
        with timezone.override(UTC):
            value = super().to_python(value)
        return value.replace(tzinfo=None) if value is not None else None


def _is_clock_change(naive, tz) -> bool:
    """True when this clock reading is skipped or happens twice in `tz` (summer time)."""
    return (
        naive.replace(tzinfo=tz, fold=0).utcoffset() != naive.replace(tzinfo=tz, fold=1).utcoffset()
    )


class WorkshopAdminForm(ScopedModelForm):
    """Times are typed and shown as the clock at the venue (see VENUE_CLOCK_FIELDS)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.venue_id:
            tz, zone_name = self.instance.tzinfo, self.instance.timezone_name
            for name in VENUE_CLOCK_FIELDS:
                if self.initial.get(name):
                    self.initial[name] = timezone.make_naive(self.initial[name], tz)
        else:
            zone_name = None
        for name in VENUE_CLOCK_FIELDS:
            if name in self.fields:
                self.fields[name].help_text = (
                    _("Time at the venue (%(zone)s).") % {"zone": zone_name}
                    if zone_name
                    else _("Time at the venue, in its département’s time zone.")
                )

    def clean(self):
        cleaned_data = super().clean()
        venue = cleaned_data.get("venue")
        zone_name = venue.territory.timezone if venue and venue.territory_id else settings.TIME_ZONE
        tz = zoneinfo.ZoneInfo(zone_name)
        for name in VENUE_CLOCK_FIELDS:
            value = cleaned_data.get(name)
            if value is None or timezone.is_aware(value):
                continue
            if _is_clock_change(value, tz):
                message = _(
                    "The clocks change at this time at the venue (%(zone)s): this time is "
                    "skipped or happens twice. Choose another time."
                )
                self.add_error(
                    name,
                    forms.ValidationError(message, code="clock_change", params={"zone": zone_name}),
                )
            else:
                cleaned_data[name] = value.replace(tzinfo=tz)
        return cleaned_data


class ScopedViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    copy_view_class = ScopedCopyView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False
    organisation_lookup = "organisation"
    policy_class = OrganisationPermissionPolicy
    policy_actions = ("add", "change", "delete")
    scoped_form_class = ScopedModelForm

    @property
    def permission_policy(self):
        return self.policy_class(self.model, self.organisation_lookup, self.policy_actions)

    def get_form_class(self, for_update=False):
        return modelform_factory(
            self.model,
            form=self.scoped_form_class,
            formfield_callback=self.formfield_for_dbfield,
            fields=self.get_form_fields(),
        )

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "co_hosts":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            # Named with a masked contact: two Samiras are told apart.
            kwargs["form_class"] = PersonMultipleChoiceField
        return db_field.formfield(**kwargs)


class VenueViewSet(ScopedViewSet):
    model = Venue
    icon = "home"
    # A tick or a cross, not an untranslated "True"/"False".
    list_display = [
        "name",
        "commune",
        "territory",
        "organisation",
        BooleanColumn("step_free_access", label=_("step-free access")),
    ]
    list_filter = ["territory", "step_free_access"]
    search_fields = ["name", "commune"]
    form_fields = [
        "organisation",
        "name",
        "address",
        "postcode",
        "commune",
        "territory",
        "step_free_access",
        "transport_hint",
    ]


class WorkshopEditView(ScopedEditView):
    def save_instance(self):
        # The service saves the edit under the workshop's lock, applies the capacity rule
        # (waiting families who now fit are confirmed) and tells everyone of a cancellation.
        instance = services_running.update_workshop(
            self.form.save(commit=False), save_related=self.form.save_m2m
        )
        self.has_content_changes = self.form.has_changed()
        log(instance=instance, action="wagtail.edit", content_changed=self.has_content_changes)
        return instance


class RegistrationEditView(ScopedEditView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.RegistrationError as refusal:
            form.add_error("attended", refusal.message)
            return self.form_invalid(form)

    def save_instance(self):
        # Attendance is recorded by the check-in service (lock, rules, the evidence event).
        instance = services_running.set_attendance(self.object, self.form.cleaned_data["attended"])
        self.has_content_changes = self.form.has_changed()
        log(instance=instance, action="wagtail.edit", content_changed=self.has_content_changes)
        return instance


class WorkshopViewSet(ScopedViewSet):
    model = Workshop
    icon = "date"
    edit_view_class = WorkshopEditView
    policy_class = WorkshopPermissionPolicy
    scoped_form_class = WorkshopAdminForm
    index_view_class = WorkshopIndexView
    list_display = [
        "title",
        # The clock at the venue, as in the form (a naive value: templates leave it as it is).
        Column(
            "starts_at",
            label=_("Starts (time at the venue)"),
            accessor=lambda workshop: timezone.make_naive(workshop.starts_at, workshop.tzinfo),
            sort_key="starts_at",
        ),
        "venue",
        "organisation",
        "capacity",
        "status",
    ]
    list_filter = ["status", "topic", "format"]
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
        "series",
        "co_hosts",
    ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name in VENUE_CLOCK_FIELDS:
            kwargs["form_class"] = VenueClockDateTimeField
        return super().formfield_for_dbfield(db_field, **kwargs)


class RegistrationViewSet(ScopedViewSet):
    """Registrations come from families through the sign-up service, never from the admin."""

    model = Registration
    icon = "user"
    inspect_view_enabled = True
    organisation_lookup = "workshop__organisation"
    policy_actions = ("change",)
    list_display = ["first_name", "workshop", "seats", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["first_name", "email", "phone"]
    form_fields = ["attended"]
    edit_view_class = RegistrationEditView


class SeriesViewSet(ScopedViewSet):
    """Series in the admin too (they were only made on the phone pages): name them, find their
    sessions; each session is a workshop whose form sets its series."""

    model = WorkshopSeries
    icon = "list-ul"
    list_display = [
        "title",
        "organisation",
        Column(
            "sessions",
            label=_("sessions"),
            accessor=lambda series: series.workshops.count(),
        ),
    ]
    search_fields = ["title"]
    form_fields = ["organisation", "title"]


class WorkshopsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Workshops")
    menu_icon = "date"
    items = [WorkshopViewSet, SeriesViewSet, VenueViewSet, RegistrationViewSet]
