"""Who may do what in the rooms: one function per question, for views, consumers and templates.

- parents read and write in the rooms of their territory and in the rooms open to all;
- ambassadors (active volunteers at the ambassador stage or later) go on duty and claim help
  requests in the rooms of their volunteer territory;
- moderators of a room: staff, facilitators whose organisation covers the room's territory,
  and members given the moderator role in that room.
"""

from ambassadors.models import Volunteer
from ambassadors.services import first_stage_with
from parents.permissions import facilitated_organisations, is_parent, is_staff

from .models import HelpRequest, Member, Room


def ambassador_volunteer(user) -> Volunteer | None:
    """The person's volunteer record when they are an active ambassador (or beyond)."""
    if not is_parent(user):
        return None
    volunteer = Volunteer.objects.active().select_related("stage").filter(user=user).first()
    stage = first_stage_with("issues_badge")
    if volunteer is None or stage is None or volunteer.stage.order < stage.order:
        return None
    return volunteer


def is_ambassador(user) -> bool:
    return ambassador_volunteer(user) is not None


def member_of(user, room: Room) -> Member | None:
    if not is_parent(user):
        return None
    return Member.objects.filter(room=room, user=user).first()


def is_facilitator_of_room(user, room: Room) -> bool:
    """A facilitator whose organisation covers the room's territory."""
    if room.territory_id is None:
        return False
    return facilitated_organisations(user).filter(territories=room.territory_id).exists()


def can_moderate_room(user, room: Room, member: Member | None = None) -> bool:
    if not is_parent(user):
        return False
    if is_staff(user) or is_facilitator_of_room(user, room):
        return True
    member = member if member is not None else member_of(user, room)
    return bool(member and member.is_moderator and not member.is_banned)


def is_in_scope(user, room: Room) -> bool:
    """The room is open to this person's territory (or to every territory)."""
    if not is_parent(user):
        return False
    if room.territory_id is None or user.territory_id == room.territory_id:
        return True
    volunteer = ambassador_volunteer(user)
    return volunteer is not None and volunteer.territory_id == room.territory_id


def can_read_room(user, room: Room, member: Member | None = None) -> bool:
    if not is_parent(user) or not room.is_active:
        return False
    if can_moderate_room(user, room, member):
        return True
    member = member if member is not None else member_of(user, room)
    if member is not None and member.is_banned:
        return False
    return is_in_scope(user, room)


def post_refusal(user, room: Room, member: Member | None) -> str | None:
    """Why this person may not post now (an error code of the protocol), or None."""
    if not can_read_room(user, room, member):
        return "banned" if member is not None and member.is_banned else "forbidden"
    if member is None or member.rules_accepted_at is None:
        return "rules_not_accepted"
    if member.is_muted():
        return "muted"
    return None


def can_post(user, room: Room, member: Member | None = None) -> bool:
    member = member if member is not None else member_of(user, room)
    return post_refusal(user, room, member) is None


def can_go_on_duty(user) -> bool:
    return is_ambassador(user)


def can_help_in_room(user, room: Room) -> bool:
    """An ambassador whose volunteer territory is the room's (or the room is open to all)."""
    volunteer = ambassador_volunteer(user)
    return volunteer is not None and (
        room.territory_id is None or volunteer.territory_id == room.territory_id
    )


def can_claim(user, help_request: HelpRequest) -> bool:
    return help_request.asker_id != getattr(user, "pk", None) and can_help_in_room(
        user, help_request.room
    )


def can_see_help_request(user, help_request: HelpRequest) -> bool:
    """The question: its asker, the ambassadors who may claim it, the room's moderators;
    a public question also every reader of the room."""
    if not is_parent(user):
        return False
    if help_request.asker_id == user.pk or help_request.claimed_by_id == user.pk:
        return True
    if can_help_in_room(user, help_request.room):
        return True
    if can_read_thread_for_safety(user, help_request):
        return True
    return not help_request.is_private and can_read_room(user, help_request.room)


def can_read_thread_for_safety(user, help_request: HelpRequest) -> bool:
    """Facilitators in scope (and staff) may read a private thread, for the families' safety."""
    return is_staff(user) or is_facilitator_of_room(user, help_request.room)


def can_read_thread(user, help_request: HelpRequest) -> bool:
    if not is_parent(user):
        return False
    if user.pk in (help_request.asker_id, help_request.claimed_by_id):
        return True
    return can_read_thread_for_safety(user, help_request)


def can_write_in_thread(user, help_request: HelpRequest) -> bool:
    return (
        is_parent(user)
        and help_request.status == HelpRequest.Status.CLAIMED
        and user.pk in (help_request.asker_id, help_request.claimed_by_id)
    )


def can_resolve(user, help_request: HelpRequest) -> bool:
    return can_write_in_thread(user, help_request)


def can_see_unanswered(user) -> bool:
    return is_staff(user) or facilitated_organisations(user).exists()


def can_listen(user, message) -> bool:
    """A voice message's recording: for whoever sees the message where it was posted (the
    room's readers while it is shown; a thread's own readers), its author, and those who
    moderate it in any state (held, hidden, reported: they listen before deciding)."""
    if not is_parent(user) or message.erased or not message.voice:
        return False
    if message.author_id == user.pk:
        return True
    shown = message.status == message.Status.VISIBLE
    if message.help_request_id is not None:
        help_request = message.help_request
        if can_read_thread_for_safety(user, help_request):
            return True
        return shown and can_read_thread(user, help_request)
    if can_moderate_room(user, message.room):
        return True
    return shown and can_read_room(user, message.room)


def can_listen_to_question(user, help_request: HelpRequest) -> bool:
    """A question asked by voice: for whoever sees the question."""
    if help_request.erased or not help_request.voice:
        return False
    return can_see_help_request(user, help_request)
