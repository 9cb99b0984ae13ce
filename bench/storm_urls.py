"""The project's URLs plus one control for the sign-up storm (never deployed).

`/bench/nothing/` goes through the same server, middleware and CSRF check as a sign-up, and
answers with the same kind of redirect, but does no work: the same storm against it measures
what this machine gives any Django request, the floor under the sign-up's own cost.
"""

from django.shortcuts import redirect
from django.urls import path

from coeduc.urls import urlpatterns as project_urlpatterns


def nothing(request):
    return redirect("/")


urlpatterns = [path("bench/nothing/", nothing), *project_urlpatterns]
