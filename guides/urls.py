"""Progress endpoints and recordings, outside the language prefix (they are not pages)."""

from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("progress/", views.mark_step, name="mark_step"),
    path("progress/merge/", views.merge, name="merge"),
    path("audio/<int:document_id>/", views.recording, name="recording"),
]
