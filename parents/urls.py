from django.urls import path

from . import views

app_name = "parents"

urlpatterns = [
    path("", views.account, name="account"),
]
