"""What bench/rooms_fanout.py needs of the rooms app: an open room, its rules accepted."""

from django.utils import timezone


def prepare(slug: str, user_ids: list[int]) -> None:
    """The room `slug` (a topic room open to every territory) with these people as members
    who have accepted its rules, as they would have from the room's page."""
    from rooms.models import Member, Room

    room, _ = Room.objects.get_or_create(
        slug=slug,
        defaults={"name": f"Bench {slug}", "rules": "Be kind.", "language": "fr"},
    )
    now = timezone.now()
    Member.objects.bulk_create(
        [Member(room=room, user_id=pk, rules_accepted_at=now) for pk in user_ids],
        ignore_conflicts=True,
    )
