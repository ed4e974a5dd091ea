"""The statuses' colours and patterns on screen: told apart by everyone, colour or no colour.

Every reader must tell a confirmed claim from a refuted one in the html report's charts,
including the one man in twelve with a red-green colour vision deficiency, and a reader of a
grey printout. So each status has

* a colour (``COLOURS``, the charts' fills) chosen so that any two statuses stay apart for normal
  vision, deuteranopia and protanopia alike: simulated with Machado, Oliveira and Fernandes (2009)
  at severity 1.0, every pair differs by a CIEDE2000 delta E of at least 20 (``tests/test_charts.py``
  does the maths): blue for confirmed, orange for refuted, dark brown for disputed, light grey for
  unverified, which also differ in lightness, so they stay apart in grey;
* a pattern (``PATTERNS``): refuted is hatched one way, disputed the other, the rest solid; the
  charts draw it (``fill``), legends included, so no chart tells statuses apart by colour alone;
* a text colour (``TEXT``) at least 4.5:1 against white (WCAG AA) for the status words in tables.

Patterns are plain lines computed here, not SVG ``<pattern>`` elements: those need an ``id``, and
two charts on a page would have to share one. The hatch stays ``INSET`` units clear of a
segment's left and right edges (a quarter of a narrower one's width), so where two segments meet
both colours show whole.
"""

from __future__ import annotations

from claimtrack import textsafe

COLOURS = {"confirmed": "#1f63c6", "refuted": "#cf5a12", "disputed": "#4b2e05", "unverified": "#a2abb5"}
TEXT = {"confirmed": "#1f63c6", "refuted": "#a8440b", "disputed": "#4b2e05", "unverified": "#57606a"}
PATTERNS = {"refuted": 1, "disputed": -1}  # hatch direction: 1 rises to the right, -1 falls; else solid
OTHER = "#8c959f"  # a status this module does not know still shows, in grey
HATCH = "#ffffff"
STEP = 7.0  # horizontal distance between two hatch lines, in the chart's units
INSET = 4.0


def _n(value: float) -> str:
    text = f"{value:.1f}"
    if text == "-0.0":
        text = "0.0"
    return text[:-2] if text.endswith(".0") else text


def hatch(x: float, y: float, w: float, h: float, direction: int, inset: float = INSET) -> str:
    """Parallel 45-degree lines over the box (less ``inset`` at its left and right, less for a box
    under four insets wide, so a thin column is hatched too), as one path; '' for a box too thin."""
    inset = min(inset, w / 4)
    left, right, top, bottom = x + inset, x + w - inset, y, y + h
    if right - left <= 1 or h <= 0:
        return ""
    moves = []
    # a line is x - direction * (y - top) = c (direction 1: rising to the right); c spans the box
    c = left - h + STEP / 2
    while c < right:
        points = []
        for yy in (bottom, top) if direction == 1 else (top, bottom):
            xx = c + (bottom - yy if direction == 1 else yy - top)
            points.append((xx, yy))
        (x1, y1), (x2, y2) = points
        # clip the segment to [left, right]: it runs from x1 to x2 with x2 > x1
        if x2 > left and x1 < right:
            slope = (y2 - y1) / (x2 - x1)
            if x1 < left:
                x1, y1 = left, y1 + (left - x1) * slope
            if x2 > right:
                x2, y2 = right, y1 + (right - x1) * slope
            moves.append(f"M{_n(x1)} {_n(y1)}L{_n(x2)} {_n(y2)}")
        c += STEP
    if not moves:
        return ""
    return f'<path d="{"".join(moves)}" stroke="{HATCH}" stroke-width="1.5" fill="none" aria-hidden="true"/>'


def fill(status: str, x: float, y: float, w: float, h: float, cls: str = "", title: str = "") -> str:
    """A status's box: its colour, its hatch if it has one, and its ``<title>`` (already escaped)."""
    name = textsafe.html_text(status)
    colour = COLOURS.get(status, OTHER)
    tip = f"<title>{title}</title>" if title else ""
    rect = (
        f'<rect class="{name}{" " + cls if cls else ""}" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"'
        f' fill="{colour}">{tip}</rect>'
    )
    direction = PATTERNS.get(status)
    return rect + (hatch(x, y, w, h, direction) if direction else "")
