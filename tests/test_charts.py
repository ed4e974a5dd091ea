"""The html report's SVG charts (``claimtrack.charts``): valid HTML5, the numbers right, inert text.

Every chart is parsed inside a minimal HTML5 document by html5lib in strict mode (any parse error
fails), and the parsed tree may hold only plain SVG shapes, text and titles: hostile status names
and period labels (``<script>``, ``"><img onerror=x>``) come out as text. The status bar's
segments add up to the bar and are proportional to the counts (a property test too); titles carry
the numbers; ``periods`` switches from days to months to years exactly at 31/32 days and 48/49
months and fills gaps; x labels are thinned to at most twelve that never overlap, first and last
always shown; the same input gives the same bytes.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import html5lib
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimtrack import charts, palette, scoring

SVG = "{http://www.w3.org/2000/svg}"
XMLNS = "{http://www.w3.org/2000/xmlns/}xmlns"
ALLOWED = {"svg", "g", "line", "rect", "circle", "path", "polyline", "text", "title"}
HOSTILE = ["<script>alert(1)</script>", '"><img onerror=x>', "a\u202eb", "x&amp;y"]


def parse(svg: str) -> ET.Element:
    """The chart's root element, parsed as a browser would parse it inside an HTML5 page."""
    page = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>{svg}</body></html>'
    )
    document = html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    body = document.find("{http://www.w3.org/1999/xhtml}body")
    assert body is not None
    children = list(body)
    assert len(children) == 1 and children[0].tag == SVG + "svg", [c.tag for c in children]
    for element in children[0].iter():
        assert element.tag.startswith(SVG) and element.tag[len(SVG) :] in ALLOWED, element.tag
        names = set(element.attrib) - {XMLNS}  # html5lib files the root's xmlns under its namespace
        assert not any(name.lower().startswith("on") or ":" in name or "{" in name for name in names), names
    return children[0]


def shapes(root: ET.Element, tag: str, cls: str | None = None) -> list[ET.Element]:
    found = root.iter(SVG + tag)
    return [e for e in found if cls is None or cls in e.get("class", "").split()]


def title(element: ET.Element) -> str:
    node = element.find(SVG + "title")
    assert node is not None, element.attrib
    return node.text or ""


def check_root(root: ET.Element, kind: str) -> None:
    assert root.get("class") == f"chart {kind}" and root.get(XMLNS) == "http://www.w3.org/2000/svg"
    assert root.get("role") == "img" and root.get("aria-label")
    assert root.get("width") == "100%" and root.get("height") is None
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", ""))
    max_width = re.search(r"max-width:(\d+)px", root.get("style", ""))
    assert max_width is None or int(max_width.group(1)) <= 600


# ---- status bar --------------------------------------------------------------------------------


def bar_widths(svg: str) -> list[tuple[str, float, float]]:
    root = parse(svg)
    check_root(root, "status-bar")
    return [
        (r.get("class", ""), float(r.get("x", "0")), float(r.get("width", "0")))
        for r in shapes(root, "rect")
        if "legend" not in r.get("class", "").split()
    ]


def bar_rects(root: ET.Element) -> list[ET.Element]:
    return [r for r in shapes(root, "rect") if "legend" not in r.get("class", "").split()]


def test_status_bar_segments_are_proportional_and_fill_the_bar():
    counts = [("confirmed", 3), ("refuted", 1), ("disputed", 0), ("unverified", 8)]
    svg = charts.status_bar(counts)
    segments = bar_widths(svg)
    assert [s[0] for s in segments] == ["confirmed", "refuted", "unverified"]  # the zero draws nothing
    assert [s[2] for s in segments] == [85, 28.3, 226.7]
    assert [s[1] for s in segments] == [0, 85, 113.3]  # each starts where the last ended
    root = parse(svg)
    titles = [title(r) for r in bar_rects(root)]
    assert titles == ["confirmed: 3 of 12 (25.0%)", "refuted: 1 of 12 (8.3%)", "unverified: 8 of 12 (66.7%)"]
    fills = {r.get("class"): r.get("fill") for r in bar_rects(root)}
    assert fills == {s: palette.COLOURS[s] for s in ("confirmed", "refuted", "unverified")}
    legend = [t.text for t in shapes(root, "text")]
    assert legend == ["confirmed 3", "refuted 1", "unverified 8"], "a legend names each drawn status with its count"
    swatches = {r.get("class"): r.get("fill") for r in shapes(root, "rect", "legend")}
    assert swatches == {f"{s} legend": palette.COLOURS[s] for s in ("confirmed", "refuted", "unverified")}
    assert "confirmed 3" in root.get("aria-label", "") and "12" in root.get("aria-label", "")


def test_status_bar_rounding_still_adds_up():
    segments = bar_widths(charts.status_bar([("confirmed", 1), ("refuted", 1), ("disputed", 1)]))
    assert math.isclose(sum(w for _, _, w in segments), charts.BAR_W, abs_tol=1e-9)
    assert all(abs(w - charts.BAR_W / 3) <= 0.1 for _, _, w in segments)


@pytest.mark.parametrize("counts", [[], [("confirmed", 0), ("refuted", 0)]])
def test_status_bar_without_claims_is_an_empty_track(counts):
    svg = charts.status_bar(counts)
    root = parse(svg)
    (track,) = bar_rects(root)
    assert track.get("class") == "empty" and float(track.get("width", "0")) == charts.BAR_W
    assert title(track) == "no claims" and root.get("aria-label") == "no claims"


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from([*charts.COLOURS, *HOSTILE]), st.integers(0, 10**6)), max_size=8))
@example([("confirmed", 1), ("refuted", 10**6)])
@example([("confirmed", 1), ("refuted", 1), ("disputed", 1), ("unverified", 1)])
def test_status_bar_property(counts):
    total = sum(n for _, n in counts)
    segments = bar_widths(charts.status_bar(counts))
    if total == 0:
        assert [s[0] for s in segments] == ["empty"]
        return
    assert len(segments) == sum(1 for _, n in counts if n > 0)
    assert abs(sum(w for _, _, w in segments) - charts.BAR_W) < 1e-6  # exact, up to float parsing
    drawn = [n for _, n in counts if n > 0]
    for (_, _, width), n in zip(segments, drawn):
        assert abs(width - charts.BAR_W * n / total) <= 0.1  # rounding to a tenth at each edge
    edges = [x for _, x, _ in segments] + [charts.BAR_W]
    assert all(abs(x + w - following) < 1e-6 for (_, x, w), following in zip(segments, edges[1:]))


# ---- periods -----------------------------------------------------------------------------------


def days(first: date, count: int) -> list[str]:
    return [(first + timedelta(days=i)).isoformat() for i in range(count)]


def test_periods_empty():
    assert charts.periods({}) == []
    assert charts.periods({("2026-09-01", "disputed"): 3, ("2026-09-02", "confirmed"): 0}) == []


def test_periods_days_up_to_31_days_then_months():
    first = date(2026, 1, 1)
    span = days(first, 31)
    points = charts.periods({(span[0], "confirmed"): 2, (span[-1], "refuted"): 1, (span[10], "refuted"): 4})
    assert [p[0] for p in points] == span  # every day, the empty ones included
    assert points[0] == ("2026-01-01", 2, 0) and points[10] == ("2026-01-11", 0, 4)
    assert points[-1] == ("2026-01-31", 0, 1)
    assert all(p[1:] == (0, 0) for i, p in enumerate(points) if i not in (0, 10, 30))
    longer = charts.periods({("2026-01-01", "confirmed"): 2, ("2026-02-01", "refuted"): 1})  # 32 days
    assert longer == [("2026-01", 2, 0), ("2026-02", 0, 1)]


def test_periods_months_up_to_48_months_then_years():
    points = charts.periods(
        {
            ("2023-01-15", "confirmed"): 1,
            ("2026-12-03", "confirmed"): 2,
            ("2024-06-30", "refuted"): 5,
            ("2024-06-01", "refuted"): 1,
        }
    )
    assert len(points) == 48 and points[0] == ("2023-01", 1, 0) and points[-1] == ("2026-12", 2, 0)
    assert ("2024-06", 0, 6) in points and ("2024-05", 0, 0) in points
    assert [p[0] for p in points[10:14]] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    years = charts.periods({("2023-01-15", "confirmed"): 1, ("2027-01-01", "refuted"): 2})  # 49 months
    assert years == [("2023", 1, 0), ("2024", 0, 0), ("2025", 0, 0), ("2026", 0, 0), ("2027", 0, 2)]


def test_periods_skip_what_cannot_be_placed():
    points = charts.periods(
        {
            ("2026-09-01", "confirmed"): 1,
            ("not a day", "refuted"): 9,
            ("2026-09-03T10:00:00+00:00", "refuted"): 2,
            ("2026-09-02", "unverified"): 7,
        }
    )
    assert points == [("2026-09-01", 1, 0), ("2026-09-02", 0, 0), ("2026-09-03", 0, 2)]


# ---- resolved over time ------------------------------------------------------------------------


def test_resolved_over_time_empty():
    assert charts.resolved_over_time([]) == ""


def test_resolved_over_time_columns_stack_and_carry_their_numbers():
    points = [("2026-07", 3, 1), ("2026-08", 0, 0), ("2026-09", 0, 2)]
    svg = charts.resolved_over_time(points)
    root = parse(svg)
    check_root(root, "resolved-over-time")
    confirmed = [r for r in shapes(root, "rect", "confirmed") if "legend" not in r.get("class", "")]
    refuted = [r for r in shapes(root, "rect", "refuted") if "legend" not in r.get("class", "")]
    assert [title(r) for r in confirmed] == ["2026-07: 3 confirmed, 1 refuted"]
    assert [title(r) for r in refuted] == ["2026-07: 3 confirmed, 1 refuted", "2026-09: 0 confirmed, 2 refuted"]
    assert all(r.get("fill") == palette.COLOURS["confirmed"] for r in confirmed)
    assert all(r.get("fill") == palette.COLOURS["refuted"] for r in refuted)
    # confirmed at the bottom, refuted right on top of it; heights proportional to the counts
    c, r = confirmed[0], refuted[0]
    assert math.isclose(float(r.get("y")) + float(r.get("height")), float(c.get("y")), abs_tol=0.1)
    assert math.isclose(float(c.get("height")), 3 * float(r.get("height")), abs_tol=0.2)
    texts = [t.text for t in shapes(root, "text")]
    assert {"confirmed", "refuted"} <= set(texts)  # the legend
    assert "0" in texts and "4" in texts  # y ticks: 0 and (at least) the tallest column
    assert {"2026-07", "2026-08", "2026-09"} <= set(texts)
    assert "2026-07 to 2026-09" in root.get("aria-label", "") and "3 confirmed, 3 refuted" in root.get("aria-label", "")


@pytest.mark.parametrize("tallest", [0, 1, 3, 4, 7, 10, 11, 99, 12345])
def test_y_ticks_are_few_round_integers_covering_the_tallest(tallest):
    ticks = charts._ticks(tallest)
    assert ticks[0] == 0 and ticks[-1] >= max(tallest, 1) and 2 <= len(ticks) <= 5
    steps = {b - a for a, b in zip(ticks, ticks[1:])}
    assert len(steps) == 1 and re.fullmatch(r"(1|2|5)0*", str(steps.pop()))


def x_labels(root: ET.Element) -> list[ET.Element]:
    base = float(root.get("viewBox", "").split()[3]) - 8
    return [t for t in shapes(root, "text") if float(t.get("y", "0")) == base]


@pytest.mark.parametrize(
    "labels",
    [
        days(date(2026, 1, 1), 31),
        [p[0] for p in charts.periods({("2023-01-01", "confirmed"): 1, ("2026-12-01", "confirmed"): 1})],
        [str(y) for y in range(1900, 2027)],
        [str(y) for y in range(2000, 2013)],
        [str(y) for y in range(2000, 2003)],
        ["2026-09-10"],
    ],
)
def test_x_labels_are_thinned_never_overlap_and_keep_both_ends(labels):
    root = parse(charts.resolved_over_time([(label, 1, 0) for label in labels]))
    shown = x_labels(root)
    texts = [t.text for t in shown]
    assert texts[0] == labels[0] and texts[-1] == labels[-1]
    assert len(texts) <= charts.LABELS_MAX and texts == sorted(texts, key=labels.index)
    if len(labels) <= 3:
        assert texts == labels
    wide = max(map(len, labels)) * charts.CHAR * 12
    centres = [float(t.get("x", "0")) for t in shown]
    assert all(b - a >= wide for a, b in zip(centres, centres[1:]))
    assert all(wide / 2 <= c <= charts.OT_W - wide / 2 for c in centres)  # inside the chart


@settings(max_examples=100)
@given(st.integers(1, 400), st.integers(1, 12))
def test_label_positions_property(n, length):
    labels = ["x" * length] * n
    placed = charts.label_positions(labels, 40, 430, 480)
    wide = length * charts.CHAR * 12
    assert placed[0][0] == 0 and placed[-1][0] == n - 1
    assert len(placed) <= charts.LABELS_MAX
    assert all(b[1] - a[1] >= wide for a, b in zip(placed, placed[1:]))


# ---- calibration -------------------------------------------------------------------------------


def bins_of(pairs: list[tuple[float, int]]) -> list[dict]:
    return [b.as_dict() for b in scoring.calibration(pairs)]


def test_calibration_points_titles_and_thin_bins():
    pairs = [(0.72, 1), (0.74, 0), (0.75, 1), (0.77, 0)] + [(0.9, 1)] * 9 + [(0.95, 0)] * 1
    svg = charts.calibration(bins_of(pairs))
    root = parse(svg)
    check_root(root, "calibration")
    points = shapes(root, "circle", "bin")
    assert sorted(title(p) for p in points) == [
        "70-80%: 4 claims, said 74.5% on average, 50.0% came true",
        "90-100%: 10 claims, said 90.5% on average, 90.0% came true",
    ]
    by_title = {title(p)[:6]: p for p in points}
    thin, full = by_title["70-80%"], by_title["90-100"]
    assert "thin" in thin.get("class", "").split() and thin.get("fill") == "#ffffff"  # hollow: fewer than FEW
    assert "thin" not in full.get("class", "").split() and full.get("fill") != "#ffffff"
    assert float(full.get("r")) > float(thin.get("r"))
    # positions: x = stated confidence, y = what came true, on a 0-100% square
    left, top, size = charts.CAL_LEFT, charts.CAL_TOP, charts.CAL_SIZE
    assert math.isclose(float(thin.get("cx")), left + 0.745 * size, abs_tol=0.06)
    assert math.isclose(float(thin.get("cy")), top + size - 0.5 * size, abs_tol=0.06)
    texts = [t.text for t in shapes(root, "text")]
    assert {"0%", "50%", "100%", "stated confidence", "came true"} <= set(texts)
    (diagonal,) = shapes(root, "line", "perfect")
    assert diagonal.get("stroke-dasharray")
    assert (float(diagonal.get("x1")), float(diagonal.get("y1"))) == (left, top + size)
    assert (float(diagonal.get("x2")), float(diagonal.get("y2"))) == (left + size, top)


def test_calibration_radius_grows_with_count_and_is_bounded():
    radii = [charts._radius(n) for n in (1, 2, 5, 20, 100, 10**6)]
    assert radii == sorted(radii) and radii[0] == charts.R_MIN and radii[-1] == charts.R_MAX
    assert charts._radius(1) >= 3  # a bin of one is still easy to see


def test_calibration_one_claim_says_claim():
    root = parse(charts.calibration(bins_of([(0.3, 0)])))
    (point,) = shapes(root, "circle", "bin")
    assert title(point) == "30-40%: 1 claim, said 30.0% on average, 0.0% came true"


def test_calibration_all_empty():
    assert charts.calibration(bins_of([])) == ""
    assert charts.calibration([]) == ""


# ---- inert text, determinism -------------------------------------------------------------------


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_stays_text(hostile):
    as_shown = hostile.replace("\u202e", "\\u202e")  # a bidi override is shown as an escape
    bar = charts.status_bar([(hostile, 2), ("confirmed", 1)])
    root = parse(bar)
    assert title(shapes(root, "rect")[0]) == f"{as_shown}: 2 of 3 (66.7%)"
    assert shapes(root, "rect")[0].get("class") == as_shown
    over_time = charts.resolved_over_time([(hostile, 1, 0), ("later", 0, 1)])
    root = parse(over_time)
    assert as_shown in {t.text for t in x_labels(root)}
    assert as_shown in root.get("aria-label", "")
    assert "\u202e" not in bar + over_time
    for svg in (bar, over_time):
        assert "<script" not in svg and "<img" not in svg


def test_same_input_same_bytes():
    resolved = {
        (day, status): i % 4 + 1
        for i, (day, status) in enumerate((d, s) for d in days(date(2026, 3, 1), 20) for s in ("confirmed", "refuted"))
    }
    backwards = dict(reversed(list(resolved.items())))
    assert charts.periods(resolved) == charts.periods(backwards)
    bins = bins_of([(i / 37, i % 3 == 0) for i in range(37)])
    counts = [("confirmed", 7), ("refuted", 3)]
    made = [charts.status_bar(counts), charts.resolved_over_time(charts.periods(resolved)), charts.calibration(bins)]
    again = [
        charts.status_bar(list(counts)),
        charts.resolved_over_time(charts.periods(backwards)),
        charts.calibration(list(reversed(bins))),
    ]
    assert made == again
    for svg in made:
        assert not svg.startswith("<?xml") and "xmlns:" not in svg and " id=" not in svg
        assert re.fullmatch(r"[^\n]*", svg)  # compact: one line
        numbers = re.findall(r'="(-?\d+\.\d+)"', svg)
        assert all(len(n.split(".")[1]) == 1 for n in numbers)  # one fixed decimal at most
