"""The README shows the permission matrix as the tests check it (they cannot drift)."""

from .render_readme_table import README, markdown, replaced


def test_the_readme_shows_the_tables_of_the_tests():
    readme = README.read_text(encoding="utf-8")
    assert replaced(readme) == readme, (
        "README.md's permission matrix differs from tests/permissions/tables.py: run "
        ".venv/bin/python -m tests.permissions.render_readme_table --write"
    )
    assert markdown() in readme
