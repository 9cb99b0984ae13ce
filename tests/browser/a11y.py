"""axe-core in the browser tests: run it on a page, explain what it finds.

axe-core's JavaScript comes from the pinned PyPI package ``axe-playwright-python`` (0.1.8
bundles axe-core 4.12.1), so nothing is fetched from a CDN. Only the bundled ``axe.min.js``
is used, not the package's Python wrapper.

The site's Content-Security-Policy (``script-src 'self'``) blocks the injected script, so
pages checked with axe are opened with ``new_page(..., bypass_csp=True)``.
"""

from pathlib import Path

import pytest

# WCAG 2.1, levels A and AA: what French public services are held to (RGAA 4.1).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script() -> Path:
    try:
        import axe_playwright_python
    except ImportError:
        pytest.fail(
            "axe-core is missing: pip install axe-playwright-python==0.1.8 "
            "(it is part of the `test` extra: pip install -e '.[test]')",
            False,
        )
    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


# Waits (10 s at most) for a run already under way: axe-core refuses two at once.
RUN_AXE = """async options => {
  for (let waited = 0; window.axe._running && waited < 10000; waited += 50) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  return await window.axe.run(document, options);
}"""


def run_axe(page, tags: list[str] = WCAG_21_AA) -> list[dict]:
    """The axe-core violations of the page as it is now (only rules with these tags)."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=axe_script())
    results = page.evaluate(
        RUN_AXE, {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    )
    return results["violations"]


def describe(violations: list[dict]) -> str:
    """One block per rule: id, impact, help, link, then each failing element."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact'}): "
            f"{violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(
                " >> ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


def assert_accessible(page, tags: list[str] = WCAG_21_AA) -> None:
    """Fail with a readable list when axe-core finds any violation on the page."""
    violations = run_axe(page, tags)
    assert not violations, (
        f"axe-core found {len(violations)} accessibility rule(s) broken on {page.url}:\n"
        + describe(violations)
    )
