"""deploy/coeduc.env.example lists every setting once, and the README describes each of them."""

import re

from .processes import CHECKOUT, DEPLOY

READ_FROM_ENVIRONMENT = re.compile(
    r"""(?:environ(?:\.get)?\(|env_bool\(|env_list\()\s*["']([A-Z_]+)["']"""
)
# What only a developer's machine or the test suite reads.
NOT_FOR_PRODUCTION = {"DEMO_PASSWORD", "COEDUC_TEST_WORKER", "PYTEST_XDIST_WORKER"}


def listed() -> list[str]:
    text = (DEPLOY / "coeduc.env.example").read_text()
    return re.findall(r"^#?([A-Z][A-Z_]+)=", text, flags=re.MULTILINE)


def read_by_the_code() -> set[str]:
    names = set()
    for path in [*CHECKOUT.glob("site/**/*.py"), *CHECKOUT.glob("*/settings.py")]:
        names |= set(READ_FROM_ENVIRONMENT.findall(path.read_text()))
    for script in ("coeduc-web", "coeduc-worker", "coeduc-release", "render-nginx"):
        text = (DEPLOY / script).read_text()
        names |= set(re.findall(r"\$\{(COEDUC_[A-Z_]+)", text))
        names |= set(re.findall(r"""get\(\s*["'](COEDUC_[A-Z_]+)["']""", text))
    return names - NOT_FOR_PRODUCTION - {"DJANGO_SETTINGS_MODULE"}


def test_every_setting_is_in_the_environment_file_once():
    names = listed()

    assert sorted(set(read_by_the_code()) - set(names)) == []
    assert sorted(name for name in set(names) if names.count(name) > 1) == []


def test_every_variable_of_the_environment_file_is_described_in_the_readme():
    readme = (CHECKOUT / "README.md").read_text()
    settings_table = readme[readme.index("## Settings") : readme.index("## Production")]

    undocumented = [name for name in listed() if f"`{name}`" not in settings_table]

    assert undocumented == []
