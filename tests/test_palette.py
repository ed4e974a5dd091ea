"""Issue 31's acceptance 2: the statuses' colours stay apart for colour-blind readers, and the
charts tell statuses apart without colour at all.

The simulation is Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for
Simulation of Color Vision Deficiency", severity 1.0 (the full dichromacy), applied to linear
sRGB; colours are compared in CIELAB (D65) with the CIEDE2000 difference (Sharma, Wu and Dalal,
2005), checked here against rows of that paper's test data. The bar: every two statuses differ
by a delta E 2000 of at least ``MIN_DELTA_E`` = 20 for normal vision, deuteranopia and protanopia
(any two may be neighbours in the status bar, since a status with no claims draws nothing). For
scale: about 2 is just noticeable side by side, and the old green and red (``#1a7f37``,
``#cf222e``) were 8.2 apart for a deuteranope. Text colours: at least 4.5:1 against white (WCAG AA).
"""

from __future__ import annotations

import itertools
import math
import re

import pytest

from claimtrack import charts, palette

MIN_DELTA_E = 20.0
# Machado et al. (2009), severity 1.0, on linear RGB.
PROTANOPIA = ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998))
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881))
NORMAL = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
VISIONS = {"normal": NORMAL, "deuteranopia": DEUTERANOPIA, "protanopia": PROTANOPIA}


def _linear(hex_colour: str) -> tuple[float, float, float]:
    assert re.fullmatch(r"#[0-9a-f]{6}", hex_colour), hex_colour
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return r, g, b


def _simulate(rgb: tuple[float, float, float], matrix: tuple[tuple[float, ...], ...]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix)
    return r, g, b


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """Linear sRGB to CIELAB, D65 white."""
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e_2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 (Sharma, Wu and Dalal 2005, equations 1-22), kL = kC = kH = 1."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar**7 / (c_bar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    d_big_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_bar - 30))
        + 0.24 * math.cos(math.radians(2 * h_bar))
        + 0.32 * math.cos(math.radians(3 * h_bar + 6))
        - 0.20 * math.cos(math.radians(4 * h_bar - 63))
    )
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar**7 / (cp_bar**7 + 25**7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_big_h / s_h) ** 2 + r_t * (dc / s_c) * (d_big_h / s_h))


def _difference(one: str, other: str, vision: str) -> float:
    matrix = VISIONS[vision]
    return delta_e_2000(_lab(_simulate(_linear(one), matrix)), _lab(_simulate(_linear(other), matrix)))


def _contrast(colour: str, background: str = "#ffffff") -> float:
    def luminance(c: str) -> float:
        r, g, b = _linear(c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    low, high = sorted((luminance(colour), luminance(background)))
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu and Dalal (2005), table 1: pairs 1, 7, 13, 17, 25 and 34
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.4900, -0.0010), (50.0, -2.4900, 0.0011), 7.2195),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ],
)
def test_delta_e_2000_matches_the_published_test_data(lab1, lab2, expected) -> None:
    assert delta_e_2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert delta_e_2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_simulation_makes_red_and_green_alike_as_it_should() -> None:
    """The maths sees what a deuteranope sees: the old green and red close, a blue and orange apart."""
    old_green, old_red = "#1a7f37", "#cf222e"
    assert _difference(old_green, old_red, "normal") > 60
    assert _difference(old_green, old_red, "deuteranopia") < MIN_DELTA_E
    assert _difference("#1f63c6", "#cf5a12", "deuteranopia") > 40


@pytest.mark.parametrize("vision", list(VISIONS))
def test_every_two_statuses_stay_apart(vision: str) -> None:
    colours = palette.COLOURS
    assert set(colours) == {"unverified", "confirmed", "refuted", "disputed"}
    close = {
        (a, b): round(_difference(colours[a], colours[b], vision), 1)
        for a, b in itertools.combinations(colours, 2)
        if _difference(colours[a], colours[b], vision) < MIN_DELTA_E
    }
    assert not close, f"{vision}: delta E 2000 under {MIN_DELTA_E}: {close}"


def test_status_words_are_readable_text() -> None:
    for status, colour in palette.TEXT.items():
        assert _contrast(colour) >= 4.5, (status, colour, round(_contrast(colour), 2))


def test_statuses_are_told_apart_without_colour() -> None:
    """Refuted and disputed are hatched, the two ways; confirmed and unverified solid but far apart in
    lightness. In the charts every segment and legend swatch carries its status's pattern."""
    assert palette.PATTERNS["refuted"] != palette.PATTERNS["disputed"]
    assert "confirmed" not in palette.PATTERNS and "unverified" not in palette.PATTERNS
    lightness = {s: _lab(_linear(c))[0] for s, c in palette.COLOURS.items()}
    assert abs(lightness["confirmed"] - lightness["unverified"]) >= 20, lightness

    bar = charts.status_bar([("unverified", 5), ("confirmed", 10), ("refuted", 7), ("disputed", 3)])
    drawn = re.findall(r'<rect class="(\w+)( legend)?"[^>]*>(?:<title>[^<]*</title>)?</rect>(<path d="M)?', bar)
    assert len(drawn) == 8, drawn  # four segments, four legend swatches
    for status, _, hatched in drawn:
        assert bool(hatched) == (status in palette.PATTERNS), (status, hatched)
    for status in ("unverified 5", "confirmed 10", "refuted 7", "disputed 3"):
        assert f">{status}</text>" in bar, "the legend names each status with its count"

    over_time = charts.resolved_over_time([("2026-07", 3, 2), ("2026-08", 1, 0)])
    drawn = re.findall(r'<rect class="(\w+)( legend)?"[^>]*>(?:<title>[^<]*</title>)?</rect>(<path d="M)?', over_time)
    assert {(s, bool(legend), bool(h)) for s, legend, h in drawn} == {
        ("confirmed", False, False),
        ("refuted", False, True),
        ("confirmed", True, False),
        ("refuted", True, True),
    }


@pytest.mark.parametrize("direction", [1, -1])
def test_hatch_stays_inside_its_box_clear_of_the_edges(direction: int) -> None:
    path = palette.hatch(10, 5, 60, 20, direction)
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.split('d="')[1].split('"')[0])]
    xs, ys = numbers[0::2], numbers[1::2]
    assert len(xs) >= 8
    assert min(xs) >= 10 + palette.INSET - 1e-9 and max(xs) <= 70 - palette.INSET + 1e-9
    assert min(ys) >= 5 - 1e-9 and max(ys) <= 25 + 1e-9
    assert palette.hatch(10, 5, 1.2, 20, direction) == "", "too thin to hatch: solid"
    thin = palette.hatch(10, 5, 4, 200, direction)  # a thin column of the chart over time: hatched too
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", thin.split('d="')[1].split('"')[0])]
    assert len(numbers) >= 40 and min(numbers[0::2]) >= 11 - 1e-9 and max(numbers[0::2]) <= 13 + 1e-9
