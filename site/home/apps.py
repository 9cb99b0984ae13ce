from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "coeduc.home"
    label = "home"
    verbose_name = "Home"

    def ready(self):
        from .personal_data import register_sources

        register_sources()  # declares the home page's texts (core.personal_data)
