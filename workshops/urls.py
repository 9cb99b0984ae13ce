from django.urls import path

from . import manage_views, views, views_my_data

app_name = "workshops"

urlpatterns = [
    path("", views.workshop_list, name="list"),
    path("mine/", views.mine, name="mine"),
    path("lost-link/", views.lost_link, name="lost_link"),
    path("<int:pk>/", views.workshop_detail, name="detail"),
    path("<int:pk>/workshop.ics", views.workshop_calendar, name="calendar"),
    path("r/<str:token>/", views.manage, name="manage"),
    path("r/<str:token>/done/", views.confirmation, name="confirmation"),
    path("r/<str:token>/cancel/", views.cancel, name="cancel"),
    path("r/<str:token>/workshop.ics", views.registration_calendar, name="registration_calendar"),
    path("r/<str:token>/qr.svg", manage_views.registration_qr, name="registration_qr"),
    path("r/<str:token>/my-data/", views_my_data.my_data, name="my_data"),
    # Facilitators
    path("manage/", manage_views.workshop_list, name="manage_list"),
    path("manage/series/new/", manage_views.series_create, name="manage_series_create"),
    path("manage/check-in/<str:token>/", manage_views.check_in_by_code, name="check_in_by_code"),
    path("manage/<int:pk>/", manage_views.workshop_registrations, name="manage_workshop"),
    path("manage/<int:pk>/message/", manage_views.message, name="manage_message"),
    path("manage/<int:pk>/sheet/", manage_views.sign_in_sheet, name="manage_sheet"),
    path("manage/<int:pk>/check-in/", manage_views.check_in_list, name="manage_check_in"),
    path("manage/<int:pk>/walk-in/", manage_views.walk_in, name="manage_walk_in"),
    path(
        "manage/<int:pk>/check-in/<int:registration_pk>/",
        manage_views.check_in,
        name="manage_check_in_one",
    ),
    path("manage/<int:pk>/close/", manage_views.close, name="manage_close"),
    path("manage/<int:pk>/cancel/", manage_views.cancel_workshop, name="manage_cancel"),
    path("manage/<int:pk>/registrations.csv", manage_views.export_csv, name="manage_csv"),
    path("manage/<int:pk>/registrations.xlsx", manage_views.export_xlsx, name="manage_xlsx"),
]
