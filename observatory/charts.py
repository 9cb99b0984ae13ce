"""Bar charts as server-rendered SVG, readable without colour: hatched bars, every value
written above its bar, hidden figures drawn as a dashed outline marked "< 5"."""

from __future__ import annotations

from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .suppression import THRESHOLD

WIDTH, HEIGHT, TOP, BOTTOM = 640, 240, 24, 40


def bar_chart(rows, key: str, chart_id: str) -> str:
    """An SVG of one metric by month. The table that follows it is what screen readers read."""
    values = [row.figures[key] for row in rows]
    numbers = [v.number or 0 for v in values]
    highest = max([*numbers, THRESHOLD, 1])
    slot = WIDTH / max(len(rows), 1)
    bar = slot * 0.6
    usable = HEIGHT - TOP - BOTTOM
    bars = []
    for index, (row, shown) in enumerate(zip(rows, values, strict=True)):
        x = index * slot + (slot - bar) / 2
        label = formats.date_format(row.label, "M y") if hasattr(row.label, "year") else row.label
        if shown.suppressed:
            height = usable * THRESHOLD / highest
            shape = format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="obs-bar-hidden"/>',
                f"{x:.1f}",
                f"{HEIGHT - BOTTOM - height:.1f}",
                f"{bar:.1f}",
                f"{height:.1f}",
            )
        else:
            height = usable * (shown.number or 0) / highest
            shape = format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="url(#{}-hatch)" '
                'class="obs-bar"/>',
                f"{x:.1f}",
                f"{HEIGHT - BOTTOM - height:.1f}",
                f"{bar:.1f}",
                f"{height:.1f}",
                chart_id,
            )
        bars.append(
            format_html(
                '{}<text x="{}" y="{}" text-anchor="middle" class="obs-value">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" class="obs-axis">{}</text>',
                shape,
                f"{x + bar / 2:.1f}",
                f"{HEIGHT - BOTTOM - height - 6:.1f}",
                str(shown),
                f"{x + bar / 2:.1f}",
                f"{HEIGHT - BOTTOM + 18:.1f}",
                label,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="obs-chart" '
        'aria-hidden="true" focusable="false" direction="ltr">'
        '<defs><pattern id="{}-hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" class="obs-hatch-bg"/>'
        '<line x1="0" y1="0" x2="0" y2="8" class="obs-hatch-line"/></pattern></defs>'
        '<line x1="0" y1="{}" x2="{}" y2="{}" class="obs-baseline"/>{}</svg>',
        WIDTH,
        HEIGHT,
        chart_id,
        HEIGHT - BOTTOM,
        WIDTH,
        HEIGHT - BOTTOM,
        mark_safe("".join(bars)),  # noqa: S308 — each part built by format_html above
    )
