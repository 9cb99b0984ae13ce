"""The signed-in person's own pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .permissions import roles_of


@login_required
def account(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your changes are saved."))
            return redirect("parents:account")
    else:
        form = ProfileForm(instance=request.user)
    return render(
        request,
        "parents/account.html",
        {"form": form, "roles": roles_of(request.user)},
    )
