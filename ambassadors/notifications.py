"""What the ambassador path tells a person: a new stage, a review, a mentorship's news.

Kinds are registered at start-up (`AmbassadorsConfig.ready`); the texts are the templates in
`templates/notifications/ambassadors/`, each with a link to the page where to act.
"""

from core.links import absolute_reverse
from core.notify import Kind, register_kind

PATH_EVENTS = ("stage", "review", "deactivated", "inactive", "charter")
MENTORING_EVENTS = (
    "mentoring_request",
    "mentoring_accepted",
    "mentoring_declined",
    "mentoring_closed",
)


def _link_to(url_name: str):
    def build(**payload) -> dict:
        # The payload's references (stage, mentorship…) are not needed: the page shows them.
        return {"url": absolute_reverse(url_name)}

    return build


def _review(**payload) -> dict:
    """The review's message: the facilitator's comment is the point of this e-mail."""
    from .models import Review

    context = _link_to("ambassadors:path")(**payload)
    review = Review.objects.filter(pk=payload.get("review")).first()
    context["comment"] = review.message if review else ""
    return context


for _event in PATH_EVENTS:
    build = _review if _event == "review" else _link_to("ambassadors:path")
    register_kind(Kind(name=f"ambassadors.{_event}", build=build))
for _event in MENTORING_EVENTS:
    register_kind(Kind(name=f"ambassadors.{_event}", build=_link_to("ambassadors:mentoring")))
