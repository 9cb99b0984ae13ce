"""Progress endpoints, outside the language prefix (they answer JSON, not pages)."""

from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("progress/", views.mark_step, name="mark_step"),
    path("progress/merge/", views.merge, name="merge"),
]
