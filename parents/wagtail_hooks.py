from wagtail import hooks

from .viewsets import PeopleViewSetGroup


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()
