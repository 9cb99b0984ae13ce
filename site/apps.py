"""The project itself is an app too: it owns the base templates, static files and demo command."""

from django.apps import AppConfig


class CoeducConfig(AppConfig):
    name = "coeduc"
    verbose_name = "Coéduc"
