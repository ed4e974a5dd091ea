"""Relative dates on the command line (issue 12): ``today``, ``yesterday``, ``N days ago``, ...

Unit tests of ``timeutil.parse_user_date`` / ``parse_user_time`` with a fixed ``today`` (month,
year and leap-day boundaries, singular and plural, case and spaces, bad forms, huge N,
future-pointing forms refused outside ``--review-by``); CLI tests on a real temporary database
that each option taking a date stores the ISO day the words name (expected days computed from the
clock in the test, before and after the command, so a run across midnight UTC still passes);
and the importer staying ISO-only: a file that says "yesterday" names no day.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from claimtrack import timeutil, validate
from claimtrack.errors import InvalidInput
from claimtrack.timeutil import parse_user_date, parse_user_time
from conftest import Run, table_digest


def _day(text: str, today: str, *, future: bool = False) -> str:
    return parse_user_date(text, "--since", future=future, today=date.fromisoformat(today))


def _refused(text: str, option: str = "--since", *, future: bool = False, today: str = "2024-03-01") -> str:
    with pytest.raises(InvalidInput) as info:
        parse_user_date(text, option, future=future, today=date.fromisoformat(today))
    message = str(info.value)
    assert "\n" not in message  # one line, as every user-facing error
    assert option in message
    return message


# ---- the parser, with a fixed today ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("today", "2024-03-01", "2024-03-01"),
        ("yesterday", "2024-03-01", "2024-02-29"),  # leap year
        ("yesterday", "2023-03-01", "2023-02-28"),  # not a leap year
        ("yesterday", "2024-01-01", "2023-12-31"),  # year boundary
        ("yesterday", "2024-05-01", "2024-04-30"),  # month boundary
        ("1 day ago", "2024-03-01", "2024-02-29"),
        ("0 days ago", "2024-03-01", "2024-03-01"),
        ("3 days ago", "2024-01-02", "2023-12-30"),
        ("366 days ago", "2024-12-31", "2023-12-31"),
        ("1 week ago", "2024-03-07", "2024-02-29"),
        ("2 weeks ago", "2024-03-01", "2024-02-16"),
        ("52 weeks ago", "2024-01-05", "2023-01-06"),
        ("007 days ago", "2024-03-01", "2024-02-23"),  # leading zeros are still the number
    ],
)
def test_past_forms_resolve_to_the_iso_day(text: str, today: str, expected: str) -> None:
    assert _day(text, today) == expected
    assert _day(text, today, future=True) == expected  # --review-by takes them too


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TODAY", "2024-03-01"),
        ("Yesterday", "2024-02-29"),
        ("  3   Days   AGO  ", "2024-02-27"),
        ("3\tdays ago", "2024-02-27"),
        ("1 days ago", "2024-02-29"),  # number and plural need not agree
        ("2 week ago", "2024-02-16"),
    ],
)
def test_case_and_spaces_are_folded(text: str, expected: str) -> None:
    assert _day(text, "2024-03-01") == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("tomorrow", "2024-02-28", "2024-02-29"),
        ("tomorrow", "2023-12-31", "2024-01-01"),
        ("in 10 days", "2024-02-25", "2024-03-06"),
        ("in 1 day", "2024-03-01", "2024-03-02"),
        ("in 1 week", "2024-02-26", "2024-03-04"),
        ("In  2  Weeks", "2023-12-25", "2024-01-08"),
        ("in 0 days", "2024-03-01", "2024-03-01"),
    ],
)
def test_future_forms_resolve_for_review_by(text: str, today: str, expected: str) -> None:
    assert _day(text, today, future=True) == expected


@pytest.mark.parametrize("text", ["tomorrow", "in 3 days", "in 1 week", "In 2 Weeks"])
@pytest.mark.parametrize("option", ["--said-on", "--since", "--until", "--as-of"])
def test_future_forms_are_refused_outside_review_by(text: str, option: str) -> None:
    message = _refused(text, option)
    assert "only for --review-by" in message
    assert "3 days ago" in message  # and says what this option does take


@pytest.mark.parametrize(
    "text",
    [
        "yesterdy",
        "3 days",
        "days ago",
        "-3 days ago",
        "+3 days ago",
        "3.5 days ago",
        "three days ago",
        "3 months ago",
        "3 days from now",
        "in 3 days ago",
        "last week",
        "٣ days ago",  # Arabic-Indic digit: the number must be ASCII
        "３ days ago",  # fullwidth digit
        "3 days ago.",
        "",
        "   ",
    ],
)
def test_bad_forms_name_the_option_and_list_the_accepted_forms(text: str) -> None:
    message = _refused(text)
    assert "YYYY-MM-DD" in message
    assert "today, yesterday, 3 days ago, 2 weeks ago" in message


def test_error_for_review_by_lists_the_future_forms_too() -> None:
    message = _refused("next week", "--review-by", future=True)
    assert "in 10 days" in message and "tomorrow" in message and "3 days ago" in message


def test_the_issue_example_message() -> None:
    assert _refused("yesterdy") == (
        "invalid --since 'yesterdy': use a date as YYYY-MM-DD, or today, yesterday, 3 days ago, 2 weeks ago"
        "; did you mean 'yesterday'?"
    )


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("999999999 days ago", False),
        ("999999999 weeks ago", False),
        ("99999999999999999999 days ago", False),
        ("1" + "0" * 5000 + " days ago", False),  # longer than int() converts from text
        ("in 999999999 days", True),
        ("in 9999999 weeks", True),
        ("738946 days ago", False),  # one day before 0001-01-01 from 2024-03-01
    ],
)
def test_huge_numbers_are_a_clear_error_not_an_overflow(text: str, future: bool) -> None:
    message = _refused(text, future=future)
    assert "0001-01-01 to 9999-12-31" in message
    assert "smaller number" in message
    assert len(message) < 300  # a 5,000-digit number is not echoed in full


def test_the_edges_of_storable_dates() -> None:
    assert _day("1 day ago", "0001-01-02") == "0001-01-01"
    assert _day("738945 days ago", "2024-03-01") == "0001-01-01"
    assert _day("tomorrow", "9999-12-30", future=True) == "9999-12-31"
    _refused("2 days ago", today="0001-01-02")
    _refused("tomorrow", "--review-by", future=True, today="9999-12-31")


@pytest.mark.parametrize(("text", "expected"), [("2024-02-29", "2024-02-29"), (" 2024-06-19 ", "2024-06-19")])
def test_iso_dates_pass_through(text: str, expected: str) -> None:
    assert _day(text, "2024-03-01") == expected
    assert _day(text, "2024-03-01", future=True) == expected


def test_an_impossible_iso_date_is_refused_listing_every_form() -> None:
    message = _refused("2023-02-29")
    assert "real date as YYYY-MM-DD" in message and "3 days ago" in message


def test_today_defaults_to_the_utc_clock() -> None:
    before = datetime.now(UTC).date()
    got = date.fromisoformat(parse_user_date("yesterday", "--since"))
    after = datetime.now(UTC).date()
    assert got in {before - timedelta(days=1), after - timedelta(days=1)}


# ---- --at: dates, date-times and relative days ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2024-03-01T12:00:00Z"),  # noon, not now: a day names a day (in UTC here: conftest)
        ("yesterday", "2024-02-29T12:00:00Z"),
        ("3 days ago", "2024-02-27T12:00:00Z"),
        ("1 week ago", "2024-02-23T12:00:00Z"),
        ("2024-02-29", "2024-02-29T12:00:00Z"),
        ("2024-02-29T14:30:00Z", "2024-02-29T14:30:00Z"),
        ("2024-02-29T14:30:00+02:00", "2024-02-29T12:30:00Z"),
    ],
)
def test_at_takes_relative_days_at_local_noon(text: str, expected: str) -> None:
    assert parse_user_time(text, "--at", today=date(2024, 3, 1)) == expected


@pytest.mark.parametrize("text", ["soon", "yesterdy", "3 days", "noon"])
def test_at_error_lists_dates_times_and_relative_days(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_user_time(text, "--at", today=date(2024, 3, 1))
    message = str(info.value)
    assert "--at" in message and "ISO 8601" in message and "3 days ago" in message


@pytest.mark.parametrize("text", ["tomorrow", "in 2 days"])
def test_at_refuses_future_forms(text: str) -> None:
    with pytest.raises(InvalidInput, match="only for --review-by"):
        parse_user_time(text, "--at", today=date(2024, 3, 1))


def test_at_refuses_a_huge_number() -> None:
    with pytest.raises(InvalidInput, match="smaller number"):
        parse_user_time("999999999 days ago", "--at")


# ---- files stay ISO-only -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["today", "yesterday", "3 days ago"])
def test_the_file_parsers_do_not_take_relative_days(text: str) -> None:
    with pytest.raises(InvalidInput):
        timeutil.parse_date(text, "said_on")
    with pytest.raises(InvalidInput):
        timeutil.parse_datetime(text, "at")
    with pytest.raises(InvalidInput):
        validate.past_date(text, "said_on", today="2024-03-01")


@pytest.mark.parametrize("column", ["said_on", "review_by"])
def test_import_refuses_a_csv_that_says_yesterday(
    cli: Callable[..., Run], db_path: Any, tmp_path: Path, column: str
) -> None:
    assert cli("init").exit_code == 0
    before = table_digest(db_path)
    path = tmp_path / "claims.csv"
    path.write_text(f"text,source,{column}\nA claim.,Desk,yesterday\n", encoding="utf-8")
    run = cli("import", str(path))
    assert run.exit_code == 1, (run.stdout, run.stderr)
    assert column in run.stderr and "yesterday" in run.stderr
    assert table_digest(db_path) == before


def test_import_refuses_an_event_at_yesterday(cli: Callable[..., Run], db_path: Any, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    before = table_digest(db_path)
    record = {
        "text": "A claim.",
        "source": "Desk",
        "status": "confirmed",
        "events": [
            {"kind": "created", "at": "2024-01-01T00:00:00Z"},
            {"kind": "status", "field": "status", "old": "unverified", "new": "confirmed", "at": "yesterday"},
        ],
    }
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run = cli("import", str(path))
    assert run.exit_code == 1, (run.stdout, run.stderr)
    assert "yesterday" in run.stderr
    assert table_digest(db_path) == before


# ---- the command line, on a real database --------------------------------------------------------


@contextmanager
def days(*offsets: int) -> Iterator[list[set[str]]]:
    """For each offset, the ISO days it can name while the block runs (two only across midnight UTC)."""
    found: list[set[str]] = [set() for _ in offsets]

    def note() -> None:
        today = datetime.now(UTC).date()
        for seen, offset in zip(found, offsets, strict=True):
            seen.add((today + timedelta(days=offset)).isoformat())

    note()
    yield found
    note()


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, (run.stdout, run.stderr)
    return run


def _json(run: Run) -> Any:
    return json.loads(_ok(run).stdout)


def _add(cli: Callable[..., Run], text: str, *extra: str) -> dict[str, Any]:
    return _json(cli("add", text, "--source", "Desk", *extra, "--format", "json"))[0]


def _ids(cli: Callable[..., Run], *args: str) -> list[int]:
    return [c["id"] for c in _json(cli("list", *args, "--format", "json"))]


@pytest.fixture
def db(cli: Callable[..., Run]) -> Callable[..., Run]:
    _ok(cli("init"))
    return cli


def test_add_said_on_yesterday(db: Callable[..., Run]) -> None:
    with days(-1) as (yesterday,):
        claim = _add(db, "Said yesterday.", "--said-on", "yesterday")
    assert claim["said_on"] in yesterday


def test_set_said_on_and_review_by_relative(db: Callable[..., Run]) -> None:
    cid = str(_add(db, "A claim.")["id"])
    with days(-14, 14) as (two_weeks_ago, in_two_weeks):
        _ok(db("set", cid, "--said-on", "2 Weeks Ago", "--review-by", "in 2 weeks"))
        claim = _json(db("show", cid, "--format", "json"))
    assert claim["said_on"] in two_weeks_ago
    assert claim["review_by"] in in_two_weeks


def test_add_review_by_in_10_days(db: Callable[..., Run]) -> None:
    with days(10) as (in_ten,):
        claim = _add(db, "Look again soon.", "--review-by", "in 10 days")
    assert claim["review_by"] in in_ten


def test_confirm_at_3_days_ago_records_local_noon(db: Callable[..., Run]) -> None:
    cid = str(_add(db, "A claim.", "--said-on", "2024-01-01")["id"])
    with days(-3) as (three_days_ago,):
        _ok(db("confirm", cid, "--at", "3 days ago"))
    events = _json(db("show", cid, "--format", "json"))["events"]
    status = [e for e in events if e["kind"] == "status"]
    assert len(status) == 1
    assert status[0]["at"] in {f"{day}T12:00:00Z" for day in three_days_ago}  # TZ is UTC (conftest)


def test_list_since_and_until_relative(db: Callable[..., Run]) -> None:
    with days(-20, -5) as (twenty_ago, five_ago):
        old = _add(db, "Old claim.", "--said-on", min(twenty_ago))["id"]
        recent = _add(db, "Recent claim.", "--said-on", min(five_ago))["id"]
        since = _ids(db, "--since", "2 weeks ago")
        until = _ids(db, "--until", "2 weeks ago")
    assert since == [recent]
    assert until == [old]


def test_list_and_show_as_of_yesterday(db: Callable[..., Run]) -> None:
    with days(-5) as (five_ago,):
        cid = _add(db, "Confirmed today.", "--said-on", min(five_ago))["id"]
        _add(db, "Said today.", "--said-on", "today")
        _ok(db("confirm", str(cid)))
        then = _json(db("list", "--as-of", "yesterday", "--format", "json"))
        shown = _json(db("show", str(cid), "--as-of", "1 day ago", "--format", "json"))
    assert [(c["id"], c["status"]) for c in then] == [(cid, "unverified")]
    assert shown["status"] == "unverified"


def test_summary_and_export_take_relative_filters(db: Callable[..., Run]) -> None:
    with days(-5) as (five_ago,):
        _add(db, "Recent claim.", "--said-on", min(five_ago))
        summary = _json(db("summary", "--since", "1 week ago", "--format", "json"))
        none = _ok(db("export", "--format", "jsonl", "--since", "today"))
        one = _ok(db("export", "--format", "jsonl", "--since", "6 days ago"))
    assert sum(row["count"] for row in summary) == 1
    assert _exported_claims(none) == []
    assert _exported_claims(one) == ["Recent claim."]


def _exported_claims(run: Run) -> list[str]:
    records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    return [r["text"] for r in records if r["type"] == "claim"]


def test_log_since_today_leaves_out_back_dated_changes(db: Callable[..., Run]) -> None:
    cid = _add(db, "A claim.", "--said-on", "2024-01-01")["id"]
    _ok(db("refute", str(cid), "--at", "3 days ago"))
    today = _json(db("log", "--since", "today", "--format", "json"))
    week = _json(db("log", "--since", "1 week ago", "--format", "json"))
    assert [e["kind"] for e in today] == ["created"]
    assert sorted(e["kind"] for e in week) == ["created", "status"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("add", "A claim.", "--source", "Desk", "--said-on", "tomorrow"), "only for --review-by"),
        (("add", "A claim.", "--source", "Desk", "--said-on", "in 3 days"), "only for --review-by"),
        (("confirm", "1", "--at", "tomorrow"), "only for --review-by"),
        (("set", "1", "--review-by", "next week"), "in 10 days"),
        (("set", "1", "--said-on", "999999999 days ago"), "smaller number"),
        (("list", "--since", "yesterdy"), "today, yesterday, 3 days ago, 2 weeks ago"),
        (("list", "--as-of", "in 2 days"), "only for --review-by"),
        (("log", "--since", "3 dayz ago"), "3 days ago"),
    ],
)
def test_bad_relative_dates_are_one_error_line_and_change_nothing(
    db: Callable[..., Run], db_path: Any, args: tuple[str, ...], expected: str
) -> None:
    _add(db, "A claim.")
    before = table_digest(db_path)
    run = db(*args)
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert expected in lines[0]
    assert table_digest(db_path) == before


# ---- "did you mean": a date written another common way (issue 27) -------------------------------


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("24/03/2025", "did you mean 2025-03-24?"),  # day above 12: only day first can be meant
        ("03/24/2025", "did you mean 2025-03-24?"),  # the US order, just as plain
        ("24.3.2025", "did you mean 2025-03-24?"),
        ("24-03-2025", "did you mean 2025-03-24?"),
        ("03/04/2025", "did you mean 2025-04-03 or 2025-03-04?"),  # both readings: never a guess
        ("03/03/2025", "did you mean 2025-03-03?"),
        ("2025-3-4", "did you mean 2025-03-04?"),
        ("2025/03/24", "did you mean 2025-03-24?"),
        ("2025-24-03", "did you mean 2025-03-24?"),
        ("20250324", "did you mean 2025-03-24?"),
        ("24 March 2025", "did you mean 2025-03-24?"),
        ("March 24, 2025", "did you mean 2025-03-24?"),
        ("24th Mar 2025", "did you mean 2025-03-24?"),
    ],
)
def test_a_date_written_another_way_gets_did_you_mean(text: str, meant: str) -> None:
    message = _refused(text)
    assert message.endswith("; " + meant), message
    assert "YYYY-MM-DD" in message


@pytest.mark.parametrize(
    ("near", "text"),
    [
        ("2023-2-28", "2023-02-29"),
        ("28/02/2025", "31/02/2025"),
        ("12/12/2025", "13/13/2025"),
        ("24/03/2025", "24/03/25"),
        ("24 Mar 2025", "24 Marchy 2025"),
    ],
)
def test_did_you_mean_only_for_a_real_date(near: str, text: str) -> None:
    assert "did you mean" in _refused(near)
    assert "did you mean" not in _refused(text)  # no day, or a two-digit year: no guess at the century


def test_at_keeps_the_time_in_its_suggestion() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_user_time("24/03/2025 9:30", "--at", today=date(2025, 4, 1))
    assert str(info.value).endswith("; did you mean 2025-03-24T09:30?")


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (("add", "A claim.", "--source", "Desk", "--said-on", "24/03/2025"), "did you mean 2025-03-24?"),
        (("set", "1", "--review-by", "03/24/2025"), "did you mean 2025-03-24?"),
        (("set", "1", "--said-on", "2025-3-4"), "did you mean 2025-03-04?"),
        (("confirm", "1", "--at", "24/03/2025 14:30"), "did you mean 2025-03-24T14:30?"),
        (("note", "1", "Seen.", "--at", "03/04/2025"), "did you mean 2025-04-03 or 2025-03-04?"),
        (("list", "--since", "24.03.2025"), "did you mean 2025-03-24?"),
        (("list", "--as-of", "March 24 2025"), "did you mean 2025-03-24?"),
        (("log", "--since", "2025/03/24"), "did you mean 2025-03-24?"),
    ],
)
def test_did_you_mean_is_one_error_line_and_changes_nothing(
    db: Callable[..., Run], db_path: Any, args: tuple[str, ...], meant: str
) -> None:
    _add(db, "A claim.", "--said-on", "2024-01-01")
    before = table_digest(db_path)
    run = db(*args)
    assert run.exit_code == 1, (run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert lines[0].endswith(meant), lines[0]
    assert table_digest(db_path) == before


def test_import_suggests_the_iso_date_too(cli: Callable[..., Run], db_path: Any, tmp_path: Path) -> None:
    assert cli("init").exit_code == 0
    before = table_digest(db_path)
    path = tmp_path / "claims.csv"
    path.write_text("text,source,said_on\nA claim.,Desk,24/03/2025\n", encoding="utf-8")
    run = cli("import", str(path))
    assert run.exit_code == 1, (run.stdout, run.stderr)
    assert "said_on" in run.stderr and "did you mean 2025-03-24?" in run.stderr
    assert table_digest(db_path) == before


@pytest.mark.parametrize(
    ("typed", "future", "meant"),
    [
        ("yesterdy", False, "yesterday"),
        ("Tody", False, "today"),
        ("tomorow", True, "tomorrow"),
        ("tomorow", False, None),
    ],
)
def test_a_misspelled_day_word_is_named(typed: str, future: bool, meant: str | None) -> None:
    """A day's word misspelled gets a did-you-mean (only for a word the option takes: no
    'tomorrow' for --since); the error line stays one line."""
    with pytest.raises(InvalidInput) as caught:
        timeutil.parse_user_date(typed, "--since", future=future)
    message = str(caught.value)
    assert "\n" not in message
    if meant is None:
        assert "did you mean" not in message
    else:
        assert message.endswith(f"; did you mean {meant!r}?")
