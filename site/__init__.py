"""Coéduc: the Django/Wagtail project (settings, URLs, ASGI, pages). Imported as `coeduc`."""
