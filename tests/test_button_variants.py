"""Every button variant a template asks for (`button--danger`, …) is drawn by the stylesheet:
a class with no rule makes a destructive button look like any other."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "site/static/coeduc/css/coeduc.css"
APPS = ["site", "core", "parents", "workshops", "guides", "ambassadors", "rooms", "observatory"]
VARIANT = re.compile(r"\bbutton--[a-z-]+\b")


def variants_in_templates() -> dict[str, list[str]]:
    found = {}
    for app in APPS:
        for template in (ROOT / app).rglob("templates/**/*.html"):
            for variant in VARIANT.findall(template.read_text(encoding="utf-8")):
                found.setdefault(variant, []).append(str(template.relative_to(ROOT)))
    return found


def test_every_button_variant_used_in_a_template_has_a_rule():
    used = variants_in_templates()
    assert {"button--secondary", "button--danger"} <= used.keys()
    css = STYLESHEET.read_text(encoding="utf-8")
    unstyled = {
        variant: templates
        for variant, templates in used.items()
        if not re.search(rf"\.{variant}\s*[{{,:]", css)
    }
    assert unstyled == {}
