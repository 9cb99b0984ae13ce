from wagtail import hooks

from .viewsets import WorkshopsViewSetGroup


@hooks.register("register_admin_viewset")
def register_workshops_viewsets():
    return WorkshopsViewSetGroup()
