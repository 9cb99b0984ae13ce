"""No e-mail address or phone number in a log line, whoever writes it: the message, its
arguments and the traceback are redacted by the settings' own handlers, set up as they are
when uvicorn serves Coéduc (uvicorn's logging first, then Django's LOGGING on top of it).

A failed background task (django-tasks logs its traceback) and a refused SMTP recipient are
the records that carried them; durations, ids, addresses, ports and dates must stay readable.
"""

import io
import logging
import smtplib

import pytest
import uvicorn.config
from django.conf import settings
from django.test import override_settings
from django.utils.log import configure_logging
from django_tasks import TaskResultStatus, task

from coeduc.logfilters import RedactPersonalData, redact_contacts

EMAIL = "zoubida.kerbrat@example.org"
PHONES = [
    "+33 6 12 34 56 78",
    "06 12 34 56 78",
    "0612345678",
    "+33612345678",
    "06.12.34.56.78",
    "06-12-34-56-78",
    "06\u00a012\u00a034\u00a056\u00a078",
    "+33 (0)6 12 34 56 78",
    "0033612345678",
    "0690 12 34 56",  # Guadeloupe, written the local way
    "+590 690 12 34 56",
]
NOT_PHONES = [
    "took 1234567 ms",
    "127.0.0.1:8000",
    "listening on 0.0.0.0:8000",
    "2026-05-06T12:34:56.123456+02:00",
    "2026-05-06 12:34:56,789",
    "06/12/2026 10:00",
    "06-12-2026 10:00",
    "Task id=1714990000 path=workshops.tasks.send_reminders",
    "<Registration object at 0x7f0612345678>",
    "uuid 06123456-7890-abcd-ef01-234567890abc",
    "192.168.1.10 port 51234 pid 12345",
    "0.0612345678 s",
]


@task()
def tell_the_guest(email: str, phone: str) -> None:
    """A background task whose SMTP server refuses the recipient."""
    raise smtplib.SMTPRecipientsRefused({email: (550, f"5.1.1 {email} unknown; SMS {phone}")})


def _all_loggers() -> list[logging.Logger]:
    return [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]


def _is_pytest_s(handler) -> bool:
    return type(handler).__module__.startswith("_pytest")


def writing_handlers():
    """Every handler on every logger that writes somewhere (pytest's own capture aside)."""
    return {
        handler
        for logger in _all_loggers()
        for handler in logger.handlers
        if not isinstance(handler, logging.NullHandler) and not _is_pytest_s(handler)
    }


@pytest.fixture
def log_output():
    """Logging as `uvicorn coeduc.asgi:application` leaves it, every handler writing into one
    buffer; the test settings' logging is put back afterwards. As in a new process: handlers
    that earlier tests left on loggers the settings do not name are set aside meanwhile."""
    left_by_earlier_tests = {}
    for logger in _all_loggers():
        for handler in [h for h in logger.handlers if not _is_pytest_s(h)]:
            left_by_earlier_tests.setdefault(logger, []).append(handler)
            logger.removeHandler(handler)
    uvicorn.config.Config("coeduc.asgi:application").configure_logging()
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    output = io.StringIO()
    streams = {
        handler: handler.setStream(output)
        for handler in writing_handlers()
        if isinstance(handler, logging.StreamHandler)
    }
    yield output
    for handler, stream in streams.items():
        handler.setStream(stream)
    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    for logger, handlers in left_by_earlier_tests.items():
        for handler in handlers:
            if handler not in logger.handlers:
                logger.addHandler(handler)


@pytest.mark.parametrize("phone", PHONES)
def test_a_phone_number_is_masked_however_it_is_written(phone):
    assert redact_contacts(f"SMS refused for {phone}.") == "SMS refused for [phone]."


@pytest.mark.parametrize("text", NOT_PHONES)
def test_numbers_that_are_not_phones_stay(text):
    assert redact_contacts(text) == text


def test_every_handler_that_writes_redacts_personal_data(log_output):
    handlers = writing_handlers()
    assert {handler.name for handler in handlers} >= {"console", "uvicorn", "access", "server"}
    unfiltered = [
        handler
        for handler in handlers
        if not any(isinstance(f, RedactPersonalData) for f in handler.filters)
    ]
    assert unfiltered == []


@override_settings(DEBUG=True)  # Django's own console handler only writes under DEBUG
def test_a_failed_background_task_logs_its_traceback_without_contacts(log_output):
    result = tell_the_guest.enqueue(EMAIL, "+33 6 12 34 56 78")

    assert result.status == TaskResultStatus.FAILED
    written = log_output.getvalue()
    assert "Traceback (most recent call last)" in written
    assert "SMTPRecipientsRefused" in written and "5.1.1 [e-mail] unknown; SMS [phone]" in written
    assert EMAIL not in written and "zoubida" not in written
    assert "12 34 56 78" not in written


def test_an_exception_in_the_asgi_application_is_redacted(log_output):
    try:
        raise ValueError(f"no account for {EMAIL} or 06.12.34.56.78")
    except ValueError:
        logging.getLogger("uvicorn.error").exception("Exception in ASGI application")

    written = log_output.getvalue()
    assert "Exception in ASGI application" in written
    assert "ValueError: no account for [e-mail] or [phone]" in written
    assert EMAIL not in written and "06.12.34.56.78" not in written


def test_contacts_in_arguments_are_masked_even_cut_in_two(log_output):
    refused = smtplib.SMTPRecipientsRefused({EMAIL: (550, b"unknown")})
    logger = logging.getLogger("core.notify")
    logger.warning("notification not sent: %s", refused)
    logger.warning("bounce from %s@%s", "zoubida.kerbrat", "example.org")
    logger.info("SMS to %(phone)s failed", {"phone": "0612345678"})

    lines = log_output.getvalue().splitlines()
    assert lines == [
        "notification not sent: {'[e-mail]': (550, b'unknown')}",
        "bounce from [e-mail]",
        "SMS to [phone] failed",
    ]


def test_the_access_line_keeps_its_shape_without_tokens_or_contacts(log_output):
    logging.getLogger("uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d',
        "127.0.0.1:51234",
        "GET",
        f"/fr/workshops/r/Xy12tok/?email={EMAIL}&next=/fr/contact/{EMAIL}",
        "1.1",
        200,
    )

    written = log_output.getvalue()
    assert '127.0.0.1:51234 - "GET /fr/workshops/r/…/?email=…&next=/fr/contact/[e-mail] ' in written
    assert "HTTP/1.1" in written and " 200" in written


def test_ordinary_numbers_reach_the_log_unchanged(log_output):
    logging.getLogger("django_tasks").info(
        "took %d ms on %s at %s; %s", 1234567, "127.0.0.1:8000", "2026-05-06T12:34:56", NOT_PHONES
    )

    written = log_output.getvalue()
    assert "took 1234567 ms on 127.0.0.1:8000 at 2026-05-06T12:34:56" in written
    assert all(text in written for text in NOT_PHONES)


def test_the_task_worker_s_own_handler_masks_contacts_too(monkeypatch):
    """django-tasks-db's worker adds a plain handler when no configured one would write its
    logs; the project's `db_worker` gives it the same filter as every other handler."""
    from django_tasks_db.management.commands import db_worker as library_worker

    from coeduc.management.commands.db_worker import Command

    loggers = [logging.getLogger(library_worker.TASKS_LOGGER), library_worker.logger]
    for logger in loggers:  # as in a process whose settings configure no handler at all
        monkeypatch.setattr(logger, "handlers", [])
        monkeypatch.setattr(logger, "propagate", False)
        monkeypatch.setattr(logger, "level", logger.level)
    Command().configure_logging(verbosity=1)

    added = [handler for logger in loggers for handler in logger.handlers]
    assert added  # the library did add its own
    assert all(any(isinstance(f, RedactPersonalData) for f in h.filters) for h in added)


def test_a_lost_redis_connection_is_logged_in_one_line_not_a_traceback(caplog):
    """The channel layer retries every second while Redis is away (tests/deploy/test_faults)."""
    import redis

    layer_logger = logging.getLogger("channels_redis.pubsub")
    try:
        raise redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:9104.")
    except redis.exceptions.ConnectionError:
        layer_logger.exception("Unexpected exception in receive task")

    record = caplog.records[-1]
    assert record.exc_info is None and record.exc_text is None
    assert record.getMessage() == (
        "Unexpected exception in receive task: ConnectionError: Error 111 connecting to "
        "127.0.0.1:9104."
    )
