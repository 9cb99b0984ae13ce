"""The observatory's addresses, under /<lang>/observatory/."""

from django.urls import path, re_path

from . import views

app_name = "observatory"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.territory, name="territory"),
    re_path(
        r"^(?P<code>[0-9A-Za-z]{2,3})/figures\.(?P<fmt>csv|xlsx)$", views.export, name="export"
    ),
]
