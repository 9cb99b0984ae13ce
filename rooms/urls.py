from django.urls import path

from . import views, views_moderation, views_voice

app_name = "rooms"

urlpatterns = [
    path("", views.index, name="index"),
    path("duty/", views.duty, name="duty"),
    path("unanswered/", views.unanswered, name="unanswered"),
    path("<slug:slug>/", views.room, name="room"),
    path("<slug:slug>/rules/", views.accept_rules, name="accept_rules"),
    path("<slug:slug>/post/", views.post, name="post"),
    path("<slug:slug>/voice/", views_voice.room_post, name="voice_post"),
    path("<slug:slug>/voice/<int:pk>/", views_voice.recording, name="voice"),
    path("<slug:slug>/messages/<int:pk>/report/", views.report, name="report"),
    path("<slug:slug>/help/", views.ask, name="ask"),
    path("<slug:slug>/help/voice/", views_voice.ask, name="ask_voice"),
    path("<slug:slug>/help/<int:pk>/", views.help_request, name="help_request"),
    path(
        "<slug:slug>/help/<int:pk>/recording/",
        views_voice.question_recording,
        name="question_voice",
    ),
    path("<slug:slug>/help/<int:pk>/claim/", views.claim, name="claim"),
    path("<slug:slug>/help/<int:pk>/post/", views.thread_post, name="thread_post"),
    path("<slug:slug>/help/<int:pk>/voice/", views_voice.thread_post, name="thread_voice_post"),
    path("<slug:slug>/help/<int:pk>/resolve/", views.resolve, name="resolve"),
    path("<slug:slug>/moderation/", views_moderation.page, name="moderation"),
    path("<slug:slug>/moderation/mute/", views_moderation.mute, name="mute"),
    path("<slug:slug>/moderation/ban/", views_moderation.ban, name="ban"),
    path("<slug:slug>/moderation/unban/", views_moderation.unban, name="unban"),
    path("<slug:slug>/moderation/slow/", views_moderation.slow_mode, name="slow_mode"),
    path("<slug:slug>/messages/<int:pk>/hide/", views_moderation.hide, name="hide"),
    path("<slug:slug>/messages/<int:pk>/restore/", views_moderation.restore, name="restore"),
    path("<slug:slug>/messages/<int:pk>/release/", views_moderation.release, name="release"),
    path("<slug:slug>/messages/<int:pk>/reject/", views_moderation.reject, name="reject"),
    path("<slug:slug>/reports/<int:pk>/dismiss/", views_moderation.dismiss, name="dismiss"),
]
