"""CSV in every spreadsheet, and back (issue 27, acceptance 4).

A spreadsheet may split claimtrack's CSV on ``;``, tab or ``|`` instead of its commas (Excel's and
LibreOffice's default in many locales): every cell is quoted, and a formula guard ``'`` goes at the
start of a cell and after every ``,``, ``;``, tab, ``|`` and newline in it where a formula would
start. Control and invisible characters are escaped so that ``import`` reads back exactly the
text that was exported, literal backslashes and ``\\u200b`` typed as six characters included.
The LibreOffice test runs only where ``soffice`` is installed (``libreoffice-calc-nogui``).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from claimtrack import textsafe
from claimtrack.export import CSV_FIELDS
from conftest import Run

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SPLITS = re.compile(r"[,;\t|\n]")  # where a spreadsheet reading another separator (or a broken quote) starts a cell

# Claim text that is a formula once a spreadsheet splits the cell on something other than a comma.
SPLIT_FORMULAS = [
    "abc;=1+2;@SUM(A1) end",
    "x, =2+3, y\t=4+5 | =6+7",
    "sp; =3+3 end",
    "line one\n=1+2 on line two",
    "minus;-1+2 plus;+1+2",
    "tab\t@SUM(1;2)",
    'quoted; "=5+5" and ;"=6+6"',
    "already;'=7+7 guarded",
    "two tabs\t\t=8+8",
]

# One of each class of code point that CSV must carry through export and import unchanged.
CODE_POINTS = {
    "c0": "".join(chr(c) for c in range(1, 0x20) if c not in (0x09, 0x0A, 0x0D)),
    "tab-newline-cr": "a\tb\nc\rd\r\ne",
    "del-c1": "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0)),
    "bidi": "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    "zero-width": "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064",
    "bom": "\ufeff",
    "default-ignorable": "\u00ad\u034f\u115f\u1160\u3164\uffa0\ufe0f\U0001d17b\U000e0001\U000e0041\u180e",
    "line-separators": "\u2028\u2029",
    "backslashes": "\\ a\\b C:\\Users\\me \\\\ end\\",
    "escape-lookalikes": "\\u200b \\x1b \\U0001f600 \\r \\\\ \\n \\t \\u20 \\xZZ \\U00110000",
    "real-and-literal": "\u200b\\u200b\\\u200b\\\\u200b",
    "emoji": "😀 👨\u200d👩\u200d👧 🇰🇷 ❤\ufe0f 🏳\ufe0f\u200d🌈",
    "nfd": "Zu\u0308rich Ame\u0301lie",
}


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, run.stderr
    return run


def _add(cli: Callable[..., Run], text: str, source: str = "Desk", *extra: str) -> int:
    return json.loads(_ok(cli("add", "--source", source, *extra, "--format", "json", "--", text)).stdout)[0]["id"]


def _pieces(cell: str) -> list[str]:
    """What a spreadsheet may make a cell of: each part between separators, spaces trimmed."""
    return [p.lstrip(" ") for p in SPLITS.split(cell)]


def _inert(cell: str) -> bool:
    return not any(p.startswith(FORMULA_START) for p in _pieces(cell))


# ---- the cells ----------------------------------------------------------------------------------------


text_everything = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF))
text_csvish = st.text(alphabet=st.sampled_from(list("=+-@'\" ,;|\t\n\r\\xuU0123456789abfAB\u200b\u202e\x1b")))


@given(st.one_of(text_everything, text_csvish))
@example("abc;=1+2;@SUM(A1) end")
@example("''=x;' -y\t\t=z")
@example("\\u200b\u200b\\")
def test_a_cell_reads_back_to_its_text_and_no_piece_starts_a_formula(text: str) -> None:
    cell = textsafe.csv_cell(text)
    assert _inert(cell), cell
    assert textsafe.csv_text(cell) == text
    # ... through the csv module as the export writes it and the import reads it
    out = io.StringIO()
    textsafe.csv_writer(out, ["text"]).writerow([cell])
    assert [row for row in csv.reader(io.StringIO(out.getvalue()))] == [["text"], [cell]]


@pytest.mark.parametrize("text", SPLIT_FORMULAS)
def test_formula_starts_after_separators_are_guarded_in_every_csv(cli: Callable[..., Run], text: str) -> None:
    cid = _add(cli, text, f"Src;={len(text)}+1", "--quote", f"q;-{text}")
    _ok(cli("note", str(cid), f"n\n@{text}"))
    outputs = {
        "export": _ok(cli("export", "--format", "csv")).stdout,
        "list": _ok(cli("list", "--format", "csv")).stdout,
        "show": _ok(cli("show", str(cid), "--format", "csv")).stdout,
    }
    for name, out in outputs.items():
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) > 1, name
        for row in rows[1:]:
            for cell in row:
                assert _inert(cell), (name, cell)
    assert textsafe.csv_cell(text) in next(csv.DictReader(io.StringIO(outputs["export"])))["text"]


def test_every_cell_is_quoted_and_the_header_is_not(cli: Callable[..., Run]) -> None:
    for text in ("semi;colon", "tab\there", "bar|here", 'a "quote"', "comma, here", "line\nbreak", "plain"):
        _add(cli, text)
    out = _ok(cli("export", "--format", "csv")).stdout
    header, body = out.split("\n", 1)
    assert header == ",".join(CSV_FIELDS)
    for text in (
        '"semi;colon"',
        '"tab\there"',
        '"bar|here"',
        '"a ""quote"""',
        '"comma, here"',
        '"line\nbreak"',
        '"plain"',
    ):
        assert f",{text}," in body
    # Every cell of every record is quoted, empty ones too (""): no cell of ours is left for a
    # spreadsheet to read unquoted.
    assert re.fullmatch(r'(?:"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*\n){7}', body), body


# ---- the round trip ------------------------------------------------------------------------------------


def test_every_code_point_class_survives_a_csv_round_trip(cli: Callable[..., Run], tmp_path: Path) -> None:
    for name, chars in CODE_POINTS.items():
        cid = _add(cli, f"{name}: x{chars}y", f"Source {name} x{chars}y", "--quote", f"quote {name} x{chars}y")
        _ok(cli("note", str(cid), f"note {name} x{chars}y"))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    _ok(cli("export", "--format", "csv", "-o", str(first)))
    exported = first.read_text(encoding="utf-8")
    inert = "".join(ch for chars in CODE_POINTS.values() for ch in chars if ch not in "\t\n" and not ch.isprintable())
    assert not any(ch in exported for ch in inert)  # escaped, never raw: the file stays inert
    other = str(tmp_path / "fresh.db")
    _ok(cli("--db", other, "import", str(first)))
    _ok(cli("--db", other, "export", "--format", "csv", "-o", str(second)))
    assert second.read_bytes() == first.read_bytes()

    def claims(*db: str) -> list[dict[str, object]]:
        listed = json.loads(_ok(cli(*db, "list", "--format", "json")).stdout)
        notes = {
            c["id"]: [
                e["note"]
                for e in json.loads(_ok(cli(*db, "show", str(c["id"]), "--format", "json")).stdout)["events"]
                if e["kind"] == "note"
            ]
            for c in listed
        }
        return [
            {"text": c["text"], "quote": c["quote"], "source": c["source"], "notes": notes[c["id"]]} for c in listed
        ]

    original, restored = claims(), claims("--db", other)
    assert restored == original
    assert {c["text"] for c in restored} == {f"{name}: x{chars}y" for name, chars in CODE_POINTS.items()}


def test_a_hand_made_csv_keeps_backslashes_that_are_not_escapes(cli: Callable[..., Run], tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        'text,source\n"C:\\Users\\me \\q \\n \\u20",Desk\n"zero\\u200bwidth and \\\\u200b",Desk\n', encoding="utf-8"
    )
    _ok(cli("import", str(sheet)))
    texts = [c["text"] for c in json.loads(_ok(cli("list", "--format", "json", "--sort", "id")).stdout)]
    assert texts == ["C:\\Users\\me \\q \\n \\u20", "zero\u200bwidth and \\u200b"]


# ---- LibreOffice -----------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_evaluates_no_cell_whatever_the_separator(cli: Callable[..., Run], tmp_path: Path) -> None:
    """LibreOffice headless opens the export with ``,``, ``;``, tab and ``|`` as separator, formulas
    evaluated and spaces trimmed (the most eager settings), and saves it as flat ODS: not one
    cell is a formula. (Before quoting and the guards after separators, ``;``, tab and ``|`` did.)"""
    for i, text in enumerate(SPLIT_FORMULAS):
        cid = _add(cli, text, f"Src {i};=9+{i}", "--quote", f"q {i};-{i}+1")
        _ok(cli("note", str(cid), f"note {i}\n=SUM({i};1)"))
    exported = tmp_path / "claims.csv"
    _ok(cli("export", "--format", "csv", "-o", str(exported)))
    formulas = {}
    for separator in (",", ";", "\t", "|"):
        outdir = tmp_path / f"lo-{ord(separator)}"
        # Tokens: separator, text delimiter ", UTF-8, from line 1, default formats, language, quoted field
        # as text no, special numbers no, (export options), trim spaces yes, (sheets), evaluate formulas yes.
        options = f"CSV:{ord(separator)},34,76,1,,0,false,false,false,false,true,-1,true"
        done = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--headless",
                f"--infilter={options}",
                "--convert-to",
                "fods",
                "--outdir",
                str(outdir),
                str(exported),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        sheet = outdir / "claims.fods"
        assert sheet.exists(), (separator, done.stdout, done.stderr)
        content = sheet.read_text(encoding="utf-8")
        assert "unverified" in content, separator  # the claims are in it
        formulas[separator] = re.findall(r'table:formula="[^"]*"', content)
    assert formulas == {",": [], ";": [], "\t": [], "|": []}
