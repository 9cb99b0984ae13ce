"""The pages every French public service site has in its footer: privacy, legal notice,
accessibility statement and contact."""

from django.conf import settings
from django.shortcuts import render

from workshops.services_reminders import guest_data_kept


def _page(template):
    def view(request):
        return render(
            request,
            f"pages/{template}.html",
            {
                "contact_email": settings.PRIVACY_CONTACT_EMAIL,
                "guest_days": guest_data_kept().days,
            },
        )

    view.__name__ = template
    return view


privacy = _page("privacy")
legal = _page("legal")
accessibility = _page("accessibility")
contact = _page("contact")
