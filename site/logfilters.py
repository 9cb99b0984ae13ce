"""Log filters: no personal token, e-mail address or phone number in any log line."""

import logging
import re
from collections.abc import Mapping

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# A path segment that opens someone's page or proves who they are: a guest's sign-up (its
# token is the key to her page), a guest's personal data, a check-in code, allauth's e-mail
# confirmation and password-reset keys, an ambassador's badge (its address names her).
PERSONAL_SEGMENT = re.compile(
    r"(/workshops/r/|/me/guest/|/workshops/manage/check-in/|/accounts/confirm-email/"
    r"|/accounts/password/reset/key/|/ambassadors/badges/)[^/?#\s\"]+"
)
# Query parameters of the same kind, whatever the page.
PERSONAL_PARAMETER = re.compile(
    r"([?&](?:token|key|code|email|phone|signature)=)[^&#\s\"]*", re.IGNORECASE
)
REDACTED = "…"

# No quote in the local part: the quotes around an address in a repr ("{'a@b.fr': …}") stay.
EMAIL_ADDRESS = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
# Phone numbers by their shape only (core.phones reads numbers people typed, it does not find
# them in text; phonenumbers' matcher is far too slow for every record). One separator at most
# between digits: a space (no-break ones too), a dot or a dash — never ":" or "/", so that
# times, ports, IP addresses and dates stay. No digit, letter, dot, colon or dash just before:
# a number inside a longer one (an id, a timestamp, a date, an address) is not a phone.
_SEP = r"[ .\-\u00a0\u202f]?"
PHONE_NUMBER = re.compile(
    r"(?<![\w.:/+-])(?:"
    # French, national: "06 12 34 56 78", "06.12.34.56.78", "0612345678", "0690 12 34 56".
    rf"0[1-9](?:{_SEP}\d\d){{4}}"
    # International: "+33 6 12 34 56 78", "+33612345678", "+33 (0)6 12…", "0033612345678",
    # "+590 690 12 34 56": 8 to 15 digits after "+" or "00".
    rf"|(?:\+|00)[1-9](?:{_SEP}(?:\(0\){_SEP})?\d){{7,14}}"
    r")(?![\w]|[.:]\d)"
)
EMAIL_REDACTED = "[e-mail]"
PHONE_REDACTED = "[phone]"


def redact(path: str) -> str:
    path = PERSONAL_SEGMENT.sub(rf"\g<1>{REDACTED}", path)
    return PERSONAL_PARAMETER.sub(rf"\g<1>{REDACTED}", path)


def redact_contacts(text: str) -> str:
    # E-mail addresses first: "0612345678@sms.example.org" goes as one address.
    text = EMAIL_ADDRESS.sub(EMAIL_REDACTED, text)
    return PHONE_NUMBER.sub(PHONE_REDACTED, text)


def redact_all(text: str) -> str:
    return redact_contacts(redact(text))


def _redact_argument(value):
    """A string argument redacted; any other (an exception, a dict) only when its text holds
    personal data, then replaced by that text redacted. Numbers stay numbers for "%d"."""
    if isinstance(value, str):
        return redact_all(value)
    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = str(value)
    redacted = redact_all(text)
    return value if redacted == text else redacted


class RedactPersonalData(logging.Filter):
    """Redacts the message, its arguments, the traceback and the stack of every record.

    The arguments are redacted one by one, so that uvicorn's access formatter still finds its
    own (client, method, path, HTTP version, status); Django's "Internal Server Error: %s" has
    the path. The traceback is formatted here and redacted into `exc_text`, and `exc_info` is
    dropped, so that no formatter formats it again from the exception itself (an SMTP error
    names the recipient it refused; a failed background task's traceback, logged by
    django-tasks, may hold anything).
    """

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, Mapping):
            record.args = {key: _redact_argument(value) for key, value in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(_redact_argument(value) for value in record.args)
        if isinstance(record.msg, str):
            record.msg = redact_all(record.msg)
        # What neither part shows alone, once they are put together (an address cut in two).
        try:
            message = record.getMessage()
        except (TypeError, ValueError, KeyError):
            message = None  # the handler reports the bad format string as usual
        if message is not None and redact_all(message) != message:
            record.msg, record.args = redact_all(message), ()
        if record.exc_info:
            if not record.exc_text:
                record.exc_text = self._formatter.formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact_all(record.exc_text)
        if record.stack_info:
            record.stack_info = redact_all(record.stack_info)
        return True


class ConnectionErrorInOneLine(logging.Filter):
    """A lost connection, logged with its traceback by a library that retries on its own (the
    channel layer's receive task: every second while Redis is away): one line with the error
    instead, as the rest of the site logs an outage (coeduc.outage)."""

    LOST = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, self.LOST):
            record.msg, record.args = f"{record.getMessage()}: {type(error).__name__}: {error}", ()
            record.exc_info = record.exc_text = None
        return True
