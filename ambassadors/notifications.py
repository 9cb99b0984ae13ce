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


for _event in PATH_EVENTS:
    register_kind(Kind(name=f"ambassadors.{_event}", build=_link_to("ambassadors:path")))
for _event in MENTORING_EVENTS:
    register_kind(Kind(name=f"ambassadors.{_event}", build=_link_to("ambassadors:mentoring")))
