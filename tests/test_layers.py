"""The layers hold in strings too: a lower app never names a higher one.

import-linter (`lint-imports`, run by CI) checks the imports; it cannot see
`apps.get_model("guides", …)`, `apps.is_installed("rooms")` or a `"guides.GuidePage"` relation.
"""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONTRACT = PYPROJECT["tool"]["importlinter"]["contracts"][0]
# From the base up; "(rooms)" is an optional layer.
LAYERS = [name.strip("()") for name in reversed(CONTRACT["layers"])]
FOLDERS = {"coeduc": "site"}
# App labels that differ from their package name.
LABELS = {"coeduc": ["coeduc", "home"]}


def _labels(layer: str) -> list[str]:
    return LABELS.get(layer, [layer])


def names_of_higher_layers(source: str, higher: list[str]) -> list[str]:
    """The places in `source` that name one of the `higher` app labels in a string."""
    found = []
    for label in higher:
        patterns = [
            rf"get_model\(\s*[\"']{label}[\"']",
            rf"get_model\(\s*[\"']{label}\.",
            rf"is_installed\(\s*[\"']{label}[\"'.]",
            rf"[\"']{label}\.[A-Z]\w*[\"']",  # "guides.GuidePage" relations
        ]
        found += [m.group(0) for p in patterns for m in re.finditer(p, source)]
    return found


def test_the_check_finds_a_higher_app_named_in_a_string():
    source = 'GuidePage = apps.get_model("guides", "GuidePage")\nfk = "rooms.Message"'
    assert names_of_higher_layers(source, ["guides", "rooms"]) == [
        'get_model("guides"',
        '"rooms.Message"',
    ]


@pytest.mark.parametrize("layer", LAYERS[:-1])
def test_no_layer_names_a_higher_one(layer):
    higher = [label for upper in LAYERS[LAYERS.index(layer) + 1 :] for label in _labels(upper)]
    folder = ROOT / FOLDERS.get(layer, layer)
    if not folder.exists():
        pytest.skip(f"{layer} is not built yet")
    offences = {}
    for path in folder.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found = names_of_higher_layers(path.read_text(encoding="utf-8"), higher)
        if found:
            offences[str(path.relative_to(ROOT))] = found
    assert offences == {}
