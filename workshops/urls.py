from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("mine/", views.mine, name="mine"),
    path("<int:pk>/", views.workshop_detail, name="detail"),
    path("<int:pk>/workshop.ics", views.workshop_calendar, name="calendar"),
    path("r/<str:token>/", views.manage, name="manage"),
    path("r/<str:token>/done/", views.confirmation, name="confirmation"),
    path("r/<str:token>/cancel/", views.cancel, name="cancel"),
    path("r/<str:token>/workshop.ics", views.registration_calendar, name="registration_calendar"),
]
