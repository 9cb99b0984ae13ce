"""The footer's pages, under /<lang>/…."""

from django.urls import path

from . import views_pages

app_name = "about"

urlpatterns = [
    path("privacy/", views_pages.privacy, name="privacy"),
    path("legal-notice/", views_pages.legal, name="legal"),
    path("accessibility/", views_pages.accessibility, name="accessibility"),
    path("contact/", views_pages.contact, name="contact"),
]
