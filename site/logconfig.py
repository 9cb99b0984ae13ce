"""The logging of every process Coéduc runs (uvicorn and its workers, the task worker,
manage.py), for `settings.LOGGING`.

No personal data in the logs: the filter redacts personal tokens (a guest's sign-up link, a
check-in code, e-mail and password-reset keys), e-mail addresses and phone numbers in every
line and traceback, on every handler: uvicorn's own (configured here, so every way of
starting uvicorn gets them) and runserver's included.
"""


def logging_settings(level: str) -> dict:
    """Django's LOGGING: the root logger at `level` (LOG_LEVEL), every handler filtered."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "personal_data": {"()": "coeduc.logfilters.RedactPersonalData"},
            "connection_errors": {"()": "coeduc.logfilters.ConnectionErrorInOneLine"},
        },
        "formatters": {
            "uvicorn": {
                "()": "uvicorn.logging.DefaultFormatter",
                "fmt": "%(levelprefix)s %(message)s",
            },
            "access": {
                "()": "uvicorn.logging.AccessFormatter",
                "fmt": '%(levelprefix)s %(client_addr)s - "%(request_line)s" %(status_code)s',
            },
            "server": {
                "()": "django.utils.log.ServerFormatter",
                "format": "[{server_time}] {message}",
                "style": "{",
            },
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "filters": ["personal_data"]},
            "uvicorn": {
                "class": "logging.StreamHandler",
                "formatter": "uvicorn",
                "filters": ["personal_data"],
            },
            "access": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "access",
                "filters": ["personal_data"],
            },
            "server": {
                "class": "logging.StreamHandler",
                "formatter": "server",
                "filters": ["personal_data"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers go (a console without the filter under DEBUG, mail_admins with
            # no ADMINS): its records reach the root's console.
            "django": {"handlers": []},
            "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
            # uvicorn's start-up lines and "Exception in ASGI application" with its traceback.
            "uvicorn": {"handlers": ["uvicorn"], "propagate": False},
            # Named so that they keep the level uvicorn's --log-level gave them.
            "uvicorn.error": {},
            "uvicorn.asgi": {},
            "uvicorn.access": {"handlers": ["access"], "propagate": False},
            "django.request": {"level": "ERROR"},
            # At DEBUG it dumps a template's whole context (contacts, CSRF token) for each
            # variable it cannot resolve: never, even with LOG_LEVEL=DEBUG.
            "django.template": {"level": "INFO"},
            # WhiteNoise serves files with a sync iterator under ASGI; Django warns for each one.
            "django.request.asgi": {"level": "ERROR"},
            # Redis away: the pub/sub layer logs its reconnect attempts each second, in one line.
            "channels_redis.pubsub": {"filters": ["connection_errors"]},
        },
    }
