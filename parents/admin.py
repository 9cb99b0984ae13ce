from django.contrib import admin

from .models import Organisation, OrganisationMembership, Territory, TerritoryPilot, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email", "phone", "territory", "is_staff"]
    search_fields = ["email", "phone", "display_name"]
    list_filter = ["territory", "is_staff"]
    exclude = ["password"]


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "timezone"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    filter_horizontal = ["territories"]


admin.site.register(OrganisationMembership)
admin.site.register(TerritoryPilot)
