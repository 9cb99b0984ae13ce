"""Wagtail admin of the observatory: the read-only log of exports."""

from wagtail import hooks

from .viewsets import ExportLogViewSet


@hooks.register("register_admin_viewset")
def register_export_log():
    return ExportLogViewSet()
