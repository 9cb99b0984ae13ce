"""Who may do what: one function per question, used by views, templates, admin and consumers.

The roles (see the README's table):
- parent: any signed-in person;
- facilitator: a member of an organisation (`OrganisationMembership`), acts only within it;
- pilot: attached to a territory (`TerritoryPilot`), sees only its anonymised figures;
- editor: in Wagtail's "Editors" group, writes and publishes guides;
- staff: `is_staff`, runs the platform (territories, organisations, roles).
"""

from .models import Organisation, Territory

EDITORS_GROUP = "Editors"


def is_parent(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_staff(user) -> bool:
    return is_parent(user) and user.is_staff


def is_editor(user) -> bool:
    return is_parent(user) and (
        user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists()
    )


def facilitated_organisations(user):
    """The organisations this person facilitates for (none for everyone else)."""
    if not is_parent(user):
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user)


def is_facilitator(user, organisation: Organisation | None = None) -> bool:
    organisations = facilitated_organisations(user)
    if organisation is not None:
        organisations = organisations.filter(pk=organisation.pk)
    return organisations.exists()


def piloted_territories(user):
    if not is_parent(user):
        return Territory.objects.none()
    return Territory.objects.filter(pilots__user=user)


def territories_with_figures(user):
    """The territories whose observatory figures this person may see: a pilot's; staff, all."""
    if is_staff(user):
        return Territory.objects.all()
    return piloted_territories(user)


def can_see_territory_figures(user, territory: Territory) -> bool:
    return territories_with_figures(user).filter(pk=territory.pk).exists()


def roles_of(user) -> list[str]:
    """The role names a person holds, for the account page and the demo listing."""
    if not is_parent(user):
        return []
    roles = ["parent"]
    if is_facilitator(user):
        roles.append("facilitator")
    if piloted_territories(user).exists():
        roles.append("pilot")
    if is_editor(user):
        roles.append("editor")
    if is_staff(user):
        roles.append("staff")
    return roles
