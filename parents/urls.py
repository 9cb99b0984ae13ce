from django.urls import path

from . import views, views_privacy

app_name = "parents"

urlpatterns = [
    path("", views.account, name="account"),
    path("export/", views_privacy.export_page, name="export"),
    path("delete/", views_privacy.delete_account, name="delete"),
]
