"""Log filters: no personal token in the server's access log."""

import logging
import re

# A path segment that opens someone's page or proves who they are: a guest's sign-up (its
# token is the key to her page), a guest's personal data, a check-in code, allauth's e-mail
# confirmation and password-reset keys.
PERSONAL_SEGMENT = re.compile(
    r"(/workshops/r/|/me/guest/|/workshops/manage/check-in/|/accounts/confirm-email/"
    r"|/accounts/password/reset/key/)[^/?#\s\"]+"
)
# Query parameters of the same kind, whatever the page.
PERSONAL_PARAMETER = re.compile(
    r"([?&](?:token|key|code|email|phone|signature)=)[^&#\s\"]*", re.IGNORECASE
)
REDACTED = "…"


def redact(path: str) -> str:
    path = PERSONAL_SEGMENT.sub(rf"\g<1>{REDACTED}", path)
    return PERSONAL_PARAMETER.sub(rf"\g<1>{REDACTED}", path)


class RedactPersonalTokens(logging.Filter):
    """Redacts the message and its arguments: uvicorn's access line is (client, method, path,
    HTTP version, status), Django's "Internal Server Error: %s" has the path."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact(value) if isinstance(value, str) else value for value in record.args
            )
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True
