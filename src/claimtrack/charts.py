"""The html report's charts as inline SVG strings: no script, no asset, nothing to fetch.

The report must be one self-contained file that reads the same on screen, on a phone and printed
to PDF, and that exports byte for byte the same from the same data. So every chart here is

* pure: numbers in, a string out; coordinates written with at most one decimal, so the same
  input always gives the same bytes;
* plain HTML5 foreign content: ``<svg xmlns=... viewBox=...>`` with no XML declaration, no
  namespace prefixes and no ids (the caller may put several charts on one page);
* drawn with fill colours (printers drop CSS backgrounds, not SVG fills), each status in its
  colour and pattern from ``palette`` (colour-blind safe, and hatched where colour alone would
  tell statuses apart), legends included;
* legible: drawn at most 340 units wide with text of 12 units and up, so on any screen at least
  360 px wide (a phone's 390 less the page's margins leaves 358) text renders at 12 px or more;
* width-responsive: a viewBox, ``width="100%"`` and at most a max-width, never a pixel width;
* accessible: ``role="img"`` with an ``aria-label`` saying what it shows, and a ``<title>`` on
  every bar and point giving its numbers (a tooltip on screen, read out by screen readers);
* inert: text that comes from data (status names, period labels) goes through
  ``textsafe.html_text``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from claimtrack import palette, textsafe
from claimtrack.scoring import FEW, RESOLVED

COLOURS = palette.COLOURS  # the statuses' fills, named here too for callers and tests

TRACK = "#eaeef2"  # the empty bar
GRID = "#d0d7de"
INK = "#57606a"  # axis text: dark enough to read and to print, quieter than the page's text
POINT = "#6639ba"  # calibration dots: not a status colour, since a bin mixes outcomes
FONT = 'font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif"'
DAYS_MAX = 31  # a time axis covering at most this many days counts days
MONTHS_MAX = 48  # ... else at most this many months counts months, else years
LABELS_MAX = 12


def _n(value: float) -> str:
    """A coordinate with one fixed decimal (``.0`` dropped): stable bytes, compact markup."""
    text = f"{value:.1f}"
    if text == "-0.0":  # a tiny negative rounding error must not change the bytes
        text = "0.0"
    return text[:-2] if text.endswith(".0") else text


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _svg(kind: str, width: int, height: int, label: str, body: list[str], style: str = "") -> str:
    """The root element every chart shares; ``label`` is already escaped. Text takes its ink and
    size from here; every shape sets its own fill."""
    extra = f' style="{style}"' if style else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%"{extra}'
        f' role="img" aria-label="{label}" class="chart {kind}" {FONT} font-size="12" fill="{INK}">'
        + "".join(body)
        + "</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 12, extra: str = "") -> str:
    """A text element in the root's ink and size (12) unless told; ``text`` is already escaped."""
    sized = "" if size == 12 else f' font-size="{size}"'
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{sized}{extra}>{text}</text>'


# ---- totals by status --------------------------------------------------------------------------

BAR_W, BAR_H = 340, 20
LEGEND_COLUMN, LEGEND_ROW = 170, 20  # the status bar's legend: two columns under the bar


def status_bar(counts: Sequence[tuple[str, int]]) -> str:
    """One horizontal bar split by status, so a reader sees at a glance which way claims went.

    Segments follow the order given, widths proportional to the counts. Edges are rounded from the
    running total (in tenths of a unit), so the segments always add up to exactly the bar's
    width, whatever the counts. A zero count draws nothing; a total of zero draws an empty grey
    track titled "no claims", so the summary keeps its shape. Under the bar, a legend names each
    drawn status with its count, beside a swatch in its colour and pattern.
    """
    counts = [(str(status), max(0, int(n))) for status, n in counts]
    total = sum(n for _, n in counts)
    if total == 0:
        body = [f'<rect class="empty" width="{BAR_W}" height="{BAR_H}" fill="{TRACK}"><title>no claims</title></rect>']
        return _svg("status-bar", BAR_W, BAR_H, "no claims", body)
    tenths = BAR_W * 10
    body, described, running, edge = [], [], 0, 0
    legend: list[str] = []
    for status, n in counts:
        if n == 0:
            continue
        running += n
        end = (2 * tenths * running + total) // (2 * total)  # round half up, in integers
        name = textsafe.html_text(status)
        body.append(
            palette.fill(
                status, edge / 10, 0, (end - edge) / 10, BAR_H, title=f"{name}: {n} of {total} ({_pct(n / total)})"
            )
        )
        x, y = len(legend) % 2 * LEGEND_COLUMN, BAR_H + 8 + len(legend) // 2 * LEGEND_ROW
        legend.append(palette.fill(status, x, y, 14, 14, "legend") + _text(x + 20, y + 12, f"{name} {n}", "start"))
        described.append(f"{name} {n}")
        edge = end
    label = f"claims by status, {total} in all: " + ", ".join(described)
    height = BAR_H + 8 + (len(legend) + 1) // 2 * LEGEND_ROW
    return _svg("status-bar", BAR_W, height, label, body + legend, f"max-width:{BAR_W * 3 // 2}px")


# ---- resolved over time ------------------------------------------------------------------------


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def periods(resolved: Mapping[tuple[str, str], int]) -> list[tuple[str, int, int]]:
    """Counts by (day, status) as a linear time axis: ``(label, confirmed, refuted)`` per period.

    Every period from the first to the last present is listed, empty ones as zeros, so equal
    distances on the chart are equal times. The period is a day when the axis covers at most 31
    days (first and last day included), a month (``2026-09``) when it covers at most 48 months,
    else a year (``2026``): enough columns to show a trend, few enough to draw. Statuses other than
    confirmed/refuted, counts below one and days that do not parse are left out (one odd row must
    not stop a report). No counts: ``[]``.
    """
    kept: list[tuple[date, int, int]] = []
    for (day, status), n in resolved.items():
        parsed = _day(day)
        if parsed is None or status not in RESOLVED or int(n) < 1:
            continue
        kept.append((parsed, RESOLVED.index(status), int(n)))
    if not kept:
        return []
    first = min(d for d, _, _ in kept)
    last = max(d for d, _, _ in kept)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    key: Callable[[date], str]
    if (last - first).days + 1 <= DAYS_MAX:
        labels = [date.fromordinal(o).isoformat() for o in range(first.toordinal(), last.toordinal() + 1)]
        key = date.isoformat
    elif months <= MONTHS_MAX:
        labels = [
            f"{(first.month - 1 + i) // 12 + first.year:04d}-{(first.month - 1 + i) % 12 + 1:02d}"
            for i in range(months)
        ]
        key = lambda d: f"{d.year:04d}-{d.month:02d}"  # noqa: E731
    else:
        labels = [f"{year:04d}" for year in range(first.year, last.year + 1)]
        key = lambda d: f"{d.year:04d}"  # noqa: E731
    sums = {label: [0, 0] for label in labels}
    for when, which, n in kept:
        sums[key(when)][which] += n
    return [(label, sums[label][0], sums[label][1]) for label in labels]


def _ticks(top: int) -> list[int]:
    """0 up to a round number at or above ``top``, in at most four equal integer steps."""
    if top <= 0:
        return [0, 1]
    step = 1
    while True:
        for factor in (1, 2, 5):
            if math.ceil(top / (step * factor)) <= 4:
                step *= factor
                return list(range(0, math.ceil(top / step) * step + 1, step))
        step *= 10


CHAR = 0.6  # average width of a digit or letter, in ems: enough to keep estimated labels apart
GAP = 8


def label_positions(
    labels: Sequence[str], left: float, width: float, total: float, size: int = 12
) -> list[tuple[int, float]]:
    """Which x-axis labels to show, and where: ``(index, centre)`` pairs that never overlap.

    At most twelve, fewer when long labels would not fit; spread evenly, always the first and the
    last. A label is centred on its column but kept inside the chart, and a label pushed into its
    neighbour that way is dropped (never the first or last), so none ever overlaps another. (The
    first and last could only meet for labels far longer than the ten characters ``periods`` makes.)
    """
    n = len(labels)
    if n == 0:
        return []
    slot = width / n
    wide = max(len(textsafe.terminal(label)) for label in labels) * CHAR * size  # as shown
    cap = max(2, min(LABELS_MAX, int(width // (wide + GAP))))
    if n <= cap:
        chosen = list(range(n))
    else:
        step = math.ceil((n - 1) / (cap - 1))
        chosen = list(range(0, n, step))
        if chosen[-1] != n - 1:
            if len(chosen) < cap and (n - 1 - chosen[-1]) * slot >= wide + GAP:
                chosen.append(n - 1)
            else:
                chosen[-1] = n - 1  # too close to the end for both: the end replaces it
    half = wide / 2
    centres = [min(max(left + (i + 0.5) * slot, half), total - half) for i in chosen]
    placed = list(zip(chosen, centres))
    if len(placed) <= 2:
        return placed
    kept = [placed[0]]
    for index, centre in placed[1:-1]:
        if centre - kept[-1][1] >= wide + GAP and placed[-1][1] - centre >= wide + GAP:
            kept.append((index, centre))
    return [*kept, placed[-1]]


OT_W, OT_H = 340, 220
OT_RIGHT, OT_TOP, OT_BOTTOM = 8, 28, 24
BAR_MAX = 48  # a column no wider than this, so one or two periods do not fill the chart


def resolved_over_time(points: Sequence[tuple[str, int, int]]) -> str:
    """Claims resolved per period as stacked columns: confirmed at the bottom, refuted on top.

    Shows how fast claims get settled and which way; ``points`` is what ``periods`` returns, so
    the x axis is linear. The y axis counts claims (integer ticks from 0 to a round number at or
    above the tallest column); x labels are thinned so they never overlap. No points: ``""``, and
    the caller says so in a sentence instead of drawing an empty frame.
    """
    if not points:
        return ""
    rows = [(str(label), max(0, int(c)), max(0, int(r))) for label, c, r in points]
    ticks = _ticks(max(c + r for _, c, r in rows))
    top = ticks[-1]
    left = max(36, math.ceil(len(str(top)) * CHAR * 12) + 10)  # room for the widest tick label
    pw, ph = OT_W - left - OT_RIGHT, OT_H - OT_TOP - OT_BOTTOM
    base = OT_TOP + ph
    body = []
    # legend, top left
    for i, status in enumerate(RESOLVED):
        x = left + i * 100
        body.append(palette.fill(status, x, 5, 14, 14, "legend"))
        body.append(_text(x + 19, 17, status, "start", 13))
    for tick in ticks:
        y = base - tick / top * ph
        body.append(
            f'<line x1="{left}" x2="{OT_W - OT_RIGHT}" y1="{_n(y)}" y2="{_n(y)}" stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(left - 6, y + 4, str(tick), "end"))
    slot = pw / len(rows)
    bar = min(slot * 0.72, BAR_MAX)
    for i, (label, confirmed, refuted) in enumerate(rows):
        x_bar = left + i * slot + (slot - bar) / 2
        name = textsafe.html_text(label)
        title = f"{name}: {confirmed} confirmed, {refuted} refuted"
        y = base
        for status, count in zip(RESOLVED, (confirmed, refuted)):
            if count == 0:
                continue
            h = count / top * ph
            y -= h
            body.append(palette.fill(status, x_bar, y, bar, h, title=title))
    body.append(f'<line x1="{left}" x2="{OT_W - OT_RIGHT}" y1="{base}" y2="{base}" stroke="{INK}" stroke-width="1"/>')
    for i, centre in label_positions([label for label, _, _ in rows], left, pw, OT_W):
        body.append(_text(centre, OT_H - 8, textsafe.html_text(rows[i][0]), "middle"))
    first, last = textsafe.html_text(rows[0][0]), textsafe.html_text(rows[-1][0])
    span = first if len(rows) == 1 else f"{first} to {last}"
    label = (
        f"claims resolved over time, {span}: {sum(c for _, c, _ in rows)} confirmed,"
        f" {sum(r for _, _, r in rows)} refuted"
    )
    return _svg("resolved-over-time", OT_W, OT_H, label, body, f"max-width:{OT_W * 5 // 4}px")


# ---- calibration -------------------------------------------------------------------------------

CAL_W, CAL_H = 320, 300
CAL_LEFT, CAL_TOP, CAL_SIZE = 56, 14, 220
R_MIN, R_MAX = 4.0, 12.0


def _radius(count: int) -> float:
    """Area grows with the number of claims (square-root scale), bounded so one big bin cannot
    cover the chart and a bin of one is still easy to see."""
    return min(R_MAX, R_MIN + 1.5 * math.sqrt(max(0, count - 1)))


def calibration(bins: Sequence[Mapping[str, Any]]) -> str:
    """Stated confidence against what came true, one dot per bin: the track-record chart.

    ``bins`` as ``scoring.Bin.as_dict()`` gives them. A dot on the dashed diagonal means claims
    said at that confidence came true that often; below it, overconfident. The dot's area grows
    with the number of claims in the bin; a bin with fewer than ``scoring.FEW`` claims is drawn
    hollow, since its share says little. Every dot has a title with its numbers. All bins
    empty: ``""`` (nothing resolved with a confidence, so nothing to draw).
    """
    full = [
        b
        for b in bins
        if int(b.get("count") or 0) > 0
        and b.get("mean_confidence") is not None
        and b.get("share_confirmed") is not None
    ]
    if not full:
        return ""
    right, base = CAL_LEFT + CAL_SIZE, CAL_TOP + CAL_SIZE
    body = []
    for share in (0.0, 0.5, 1.0):
        x = CAL_LEFT + share * CAL_SIZE
        y = base - share * CAL_SIZE
        body.append(f'<line x1="{_n(x)}" x2="{_n(x)}" y1="{CAL_TOP}" y2="{base}" stroke="{GRID}" stroke-width="1"/>')
        body.append(f'<line x1="{CAL_LEFT}" x2="{right}" y1="{_n(y)}" y2="{_n(y)}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(x, base + 16, f"{share * 100:.0f}%", "middle"))
        body.append(_text(CAL_LEFT - 6, y + 4, f"{share * 100:.0f}%", "end"))
    body.append(
        f'<line class="perfect" x1="{CAL_LEFT}" y1="{base}" x2="{right}" y2="{CAL_TOP}" stroke="{INK}"'
        f' stroke-width="1" stroke-dasharray="4 3"><title>perfect calibration</title></line>'
    )
    body.append(_text(CAL_LEFT + CAL_SIZE / 2, base + 34, "stated confidence", size=13))
    mid = CAL_TOP + CAL_SIZE / 2
    body.append(_text(16, mid, "came true", size=13, extra=f' transform="rotate(-90 16 {_n(mid)})"'))
    # biggest first, so a small dot is never hidden under a big one
    for b in sorted(full, key=lambda b: (-int(b["count"]), float(b["low"]))):
        count = int(b["count"])
        said, came = float(b["mean_confidence"]), float(b["share_confirmed"])
        thin = count < FEW
        paint = f'fill="#ffffff" stroke="{POINT}" stroke-width="2"' if thin else f'fill="{POINT}" fill-opacity="0.85"'
        title = (
            f"{float(b['low']) * 100:.0f}-{float(b['high']) * 100:.0f}%: {count} claim{'' if count == 1 else 's'},"
            f" said {_pct(said)} on average, {_pct(came)} came true"
        )
        body.append(
            f'<circle class="bin{" thin" if thin else ""}" cx="{_n(CAL_LEFT + said * CAL_SIZE)}"'
            f' cy="{_n(base - came * CAL_SIZE)}" r="{_n(_radius(count))}" {paint}>'
            f"<title>{title}</title></circle>"
        )
    if any(int(b["count"]) < FEW for b in full):
        y = base + 52
        body.append(
            f'<circle class="legend thin" cx="{CAL_LEFT + 6}" cy="{y - 4}" r="{_n(R_MIN)}" fill="#ffffff"'
            f' stroke="{POINT}" stroke-width="2"/>'
        )
        body.append(_text(CAL_LEFT + 16, y, f"hollow: fewer than {FEW} claims", "start"))
    total = sum(int(b["count"]) for b in full)
    label = (
        f"calibration: {total} resolved claims in {len(full)} confidence bins; a dot on the dashed diagonal"
        " means claims came true as often as their stated confidence said"
    )
    return _svg("calibration", CAL_W, CAL_H, label, body, f"max-width:{CAL_W * 5 // 4}px")
