from django.urls import path

from . import views, views_badges, views_facilitators, views_mentoring

app_name = "ambassadors"

urlpatterns = [
    path("", views.path, name="path"),
    path("apply/", views.apply, name="apply"),
    path("charter/", views.charter, name="charter"),
    path("ask-again/", views.ask_again, name="ask_again"),
    path("directory/", views.directory, name="directory"),
    path("directory/listing/", views.directory_opt, name="directory_opt"),
    path("mentoring/", views_mentoring.my_mentoring, name="mentoring"),
    path("mentoring/ask/", views_mentoring.ask, name="mentoring_ask"),
    path("mentoring/<int:pk>/", views_mentoring.detail, name="mentorship"),
    path("mentoring/<int:pk>/accept/", views_mentoring.accept, name="mentoring_accept"),
    path("mentoring/<int:pk>/decline/", views_mentoring.decline, name="mentoring_decline"),
    path("mentoring/<int:pk>/close/", views_mentoring.close, name="mentoring_close"),
    path("mentoring/<int:pk>/log/", views_mentoring.log, name="mentoring_log"),
    path("mentoring/<int:pk>/helped/", views_mentoring.helped, name="mentoring_helped"),
    path("facilitators/", views_facilitators.queue, name="queue"),
    path(
        "facilitators/volunteers/<int:pk>/", views_facilitators.volunteer_detail, name="volunteer"
    ),
    path("facilitators/volunteers/<int:pk>/decide/", views_facilitators.decide, name="decide"),
    path(
        "facilitators/volunteers/<int:pk>/deactivate/",
        views_facilitators.deactivate,
        name="deactivate",
    ),
    path("facilitators/volunteers/<int:pk>/keep/", views_facilitators.keep, name="keep"),
    path("facilitators/requests/<int:pk>/", views_facilitators.assign, name="assign"),
    path("badges/<uuid:public_id>/", views_badges.badge, name="badge"),
    path("badges/<uuid:public_id>/credential.json", views_badges.badge_download, name="badge_json"),
    path("badges/<uuid:public_id>/credential.jwt", views_badges.badge_signed, name="badge_jwt"),
    path("badges/<uuid:public_id>/status.json", views_badges.badge_status, name="badge_status"),
    path("badges/<uuid:public_id>/certificate/", views_badges.certificate, name="certificate"),
    path("issuers/<int:pk>.json", views_badges.issuer, name="issuer"),
    path(
        "issuers/<int:pk>/status-list.jwt",
        views_badges.issuer_status_list,
        name="issuer_status_list",
    ),
    path("achievements/<slug:slug>.json", views_badges.achievement, name="achievement"),
]
