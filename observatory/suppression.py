"""Small-count suppression: the one place that decides which figures are shown as "< 5".

Primary suppression hides every count of people under `THRESHOLD` (zero included: "nobody
came" is about people too). Secondary suppression hides one more figure wherever a hidden one
could be worked out by subtracting: when a total is shown and exactly one of its parts is
hidden, the smallest other part is hidden too (or the total, when there is no other part).
Every screen, chart and export takes its figures from here.
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 5


@dataclass(frozen=True)
class Shown:
    """A figure as published: its value, or None when it is hidden."""

    value: float | int | None
    suppressed: bool = False

    def __str__(self) -> str:
        if self.suppressed:
            return f"< {THRESHOLD}"
        if self.value is None:
            return "—"
        if isinstance(self.value, float):
            return f"{self.value:.0f}"
        return str(self.value)

    @property
    def number(self):
        """The value for a chart or a spreadsheet cell (None when hidden or unknown)."""
        return None if self.suppressed else self.value


def primary(value: int | None) -> Shown:
    """A count of people: hidden under the threshold."""
    if value is None:
        return Shown(None)
    return Shown(value, suppressed=value < THRESHOLD)


def not_people(value) -> Shown:
    """A count that is not about people (workshops held, places offered): always shown."""
    return Shown(value)


def group(total: int | None, parts: list[int | None]) -> tuple[Shown, list[Shown]]:
    """A total and its parts, with primary and secondary suppression applied together."""
    shown_total = primary(total)
    shown = [primary(value) for value in parts]
    hidden = [i for i, item in enumerate(shown) if item.suppressed]
    if len(hidden) == 1 and not shown_total.suppressed and total is not None:
        candidates = [
            i for i, item in enumerate(shown) if not item.suppressed and item.value is not None
        ]
        if candidates:
            smallest = min(candidates, key=lambda i: (shown[i].value, i))
            shown[smallest] = Shown(shown[smallest].value, suppressed=True)
        else:
            shown_total = Shown(total, suppressed=True)
    return shown_total, shown


def rate(numerator: Shown, denominator: Shown) -> Shown:
    """A percentage of two counts: hidden when either count is (it would give it away)."""
    if numerator.suppressed or denominator.suppressed:
        return Shown(None, suppressed=True)
    if not denominator.value or numerator.value is None:
        return Shown(None)
    return Shown(round(100 * numerator.value / denominator.value))


def median(value: float | None, people: Shown) -> Shown:
    """A median over people (minutes to a first answer): hidden with its count."""
    if people.suppressed:
        return Shown(None, suppressed=True)
    return Shown(value)
