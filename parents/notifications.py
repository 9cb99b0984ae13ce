"""What accounts tell a person by text message: a sign-in code, or that a number has no account.

Sent with `notify(..., now=True)`: the person is waiting, and a code must never be stored in
the task queue's table. Templates: `templates/notifications/parents/`.
"""

from core.notify import Kind, register_kind

# Both answer the person's own request: an opt-out cannot stop them.
register_kind(Kind(name="parents.sign_in_code", optional=False))
register_kind(Kind(name="parents.unknown_account", optional=False))
register_kind(Kind(name="parents.account_already_exists", optional=False))
