from wagtail import hooks

from .viewsets import AmbassadorsViewSetGroup


@hooks.register("register_admin_viewset")
def register_ambassadors_viewsets():
    return AmbassadorsViewSetGroup()
