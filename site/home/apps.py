from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "coeduc.home"
    label = "home"
    verbose_name = "Home"
