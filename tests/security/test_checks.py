"""System checks (review #13, items 1 and 3): real senders in production, allauth adapted."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PRODUCTION = {
    "DEBUG": "0",
    "SITE_URL": "https://coeduc.example.org",
    "ALLOWED_HOSTS": "coeduc.example.org",
}


def manage_check(*args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_SETTINGS_MODULE": "coeduc.settings",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_refuses_console_sms_and_email_on_a_public_site():
    result = manage_check("--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode != 0
    assert "parents.E001" in result.stderr and "parents.E002" in result.stderr


def test_deploy_check_passes_with_real_senders():
    result = manage_check(
        "--deploy",
        "--fail-level",
        "WARNING",
        SMS_BACKEND="core.sms.FileBackend",
        EMAIL_HOST="smtp.coeduc.example.org",
        **PRODUCTION,
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("debug", ["1", "0"])
def test_mandatory_verification_with_phone_only_accounts_passes_the_checks(debug):
    """allauth's check wants a required e-mail field with mandatory verification; accounts
    with a phone only are verified by their phone (parents.stages), so it is left out."""
    result = manage_check(DEBUG=debug)

    assert result.returncode == 0, result.stderr
    assert "requires 'email*'" not in result.stderr


def test_invalid_trusted_proxy_is_refused():
    result = manage_check(DEBUG="1", TRUSTED_PROXIES="10.0.0.5,load-balancer")

    assert result.returncode != 0
    assert "parents.E003" in result.stderr and "load-balancer" in result.stderr
