"""Dates people type are read in their local time zone, stored and shown in UTC (issue 27).

The zone is set with ``TZ`` and ``time.tzset()`` (the ``zone`` fixture puts back conftest's UTC
afterwards) and "now" is fixed by replacing ``timeutil._clock`` (the ``clock`` fixture), so each
case is the same whatever the machine's zone and whenever it runs: Seoul (UTC+9, no daylight
saving) at 04:59 on the 25th is still the 24th in UTC; Los Angeles is UTC-8 in winter and UTC-7
from 9 March 2025. CLI cases use a real temporary database; the last ones start real processes
with ``TZ`` in their environment, as a user's shell does.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from claimtrack import timeutil, validate
from claimtrack.errors import InvalidInput
from conftest import Run, run_process, table_digest

SEOUL = "Asia/Seoul"
LOS_ANGELES = "America/Los_Angeles"


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    """Switch this process to a time zone; the one before comes back after the test."""
    saved = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Fix "now" at a UTC time such as ``2025-03-24T19:59:00Z``."""

    def at(moment: str) -> None:
        fixed = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        monkeypatch.setattr(timeutil, "_clock", lambda: fixed)

    return at


@pytest.fixture
def seoul_morning(zone: Callable[[str], None], clock: Callable[[str], None]) -> None:
    """04:59 on 25 March 2025 in Seoul: 19:59 on the 24th in UTC."""
    zone(SEOUL)
    clock("2025-03-24T19:59:00Z")


# ---- the parsers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "now", "local_today"),
    [
        (SEOUL, "2025-03-24T19:59:00Z", "2025-03-25"),  # early morning in Seoul: UTC is still the day before
        (LOS_ANGELES, "2025-03-25T05:30:00Z", "2025-03-24"),  # late evening in LA: UTC is already the next day
    ],
)
def test_today_is_the_local_date(
    zone: Callable[[str], None], clock: Callable[[str], None], name: str, now: str, local_today: str
) -> None:
    zone(name)
    clock(now)
    assert timeutil.today().isoformat() == local_today
    assert timeutil.parse_user_date("today", "--said-on") == local_today
    assert validate.user_past_date(local_today, "--said-on") == local_today  # not "in the future"
    tomorrow = timeutil.parse_user_date("tomorrow", "--review-by", future=True)
    with pytest.raises(InvalidInput, match=f"is in the future \\(today is {local_today}\\)"):
        validate.user_past_date(tomorrow, "--said-on")


TYPED = {
    LOS_ANGELES: [
        ("2025-03-24T10:00", "2025-03-24T17:00:00Z"),  # PDT, UTC-7
        ("2025-01-24T10:00", "2025-01-24T18:00:00Z"),  # PST, UTC-8
        ("2025-01-24 10:00:30", "2025-01-24T18:00:30Z"),
        ("2025-03-24", "2025-03-24T19:00:00Z"),  # a day means noon there: its UTC date is the day typed
        ("2025-01-24", "2025-01-24T20:00:00Z"),
        ("2025-03-24T10:00Z", "2025-03-24T10:00:00Z"),  # a typed offset or Z is taken as given
        ("2025-03-24T10:00+09:00", "2025-03-24T01:00:00Z"),
    ],
    SEOUL: [
        ("2025-03-24T10:00", "2025-03-24T01:00:00Z"),
        ("2025-03-24T08:00:00", "2025-03-23T23:00:00Z"),
        ("2025-03-24", "2025-03-24T03:00:00Z"),
        ("2025-03-24T10:00-07:00", "2025-03-24T17:00:00Z"),
        ("2025-03-24T01:00:00z", "2025-03-24T01:00:00Z"),
    ],
}


@pytest.mark.parametrize("name", sorted(TYPED))
def test_a_typed_time_is_local_unless_it_says_otherwise(
    zone: Callable[[str], None], clock: Callable[[str], None], name: str
) -> None:
    zone(name)
    clock("2025-04-01T00:00:00Z")
    assert [(typed, validate.past_time(typed)) for typed, _ in TYPED[name]] == TYPED[name]


def test_at_today_in_the_morning_is_now_not_a_future_noon(seoul_morning: None) -> None:
    assert validate.past_time("today") == "2025-03-24T19:59:00Z"  # 04:59 in Seoul, noon has not come
    assert validate.past_time("yesterday") == "2025-03-24T03:00:00Z"  # noon of the 24th in Seoul
    with pytest.raises(InvalidInput, match="in the future"):
        validate.past_time("2025-03-25T05:00")  # 05:00 in Seoul is a minute away


@pytest.mark.parametrize(
    ("name", "day", "start", "end"),
    [
        (SEOUL, "2025-03-24", "2025-03-23T15:00:00Z", "2025-03-24T14:59:59Z"),
        (LOS_ANGELES, "2025-03-24", "2025-03-24T07:00:00Z", "2025-03-25T06:59:59Z"),
        (LOS_ANGELES, "2025-03-09", "2025-03-09T08:00:00Z", "2025-03-10T06:59:59Z"),  # a 23-hour day
        (LOS_ANGELES, "2025-11-02", "2025-11-02T07:00:00Z", "2025-11-03T07:59:59Z"),  # a 25-hour day
        (SEOUL, "0001-01-01", "0001-01-01T00:00:00Z", "0001-01-01T15:32:07Z"),  # before year 1 in UTC: the earliest
        (LOS_ANGELES, "9999-12-31", "9999-12-31T08:00:00Z", "9999-12-31T23:59:59Z"),  # past 9999: the latest
    ],
)
def test_a_day_that_bounds_times_is_the_whole_local_day(
    zone: Callable[[str], None], name: str, day: str, start: str, end: str
) -> None:
    zone(name)
    assert timeutil.start_of_day(day) == start
    assert timeutil.end_of_day(day) == end
    if day[:4] not in ("0001", "9999"):
        assert timeutil.local_date(start) == timeutil.local_date(end) == day


def test_a_time_that_leaves_the_storable_years_in_utc_is_refused(zone: Callable[[str], None]) -> None:
    zone(SEOUL)
    with pytest.raises(InvalidInput, match="outside the times claimtrack can store"):
        validate.past_time("0001-01-01T05:00")


# ---- the command line, on a real database --------------------------------------------------------


def _ok(run: Run) -> Run:
    assert run.exit_code == 0, (run.stdout, run.stderr)
    return run


def _json(run: Run) -> Any:
    return json.loads(_ok(run).stdout)


def _add(cli: Callable[..., Run], text: str, *extra: str) -> int:
    return int(_json(cli("add", text, "--source", "Desk", *extra, "--format", "json"))[0]["id"])


def _status_at(cli: Callable[..., Run], cid: int) -> str:
    events = _json(cli("show", str(cid), "--format", "json"))["events"]
    return str(next(e["at"] for e in events if e["kind"] == "status"))


def _as_of(cli: Callable[..., Run], day: str) -> dict[int, str]:
    return {c["id"]: c["status"] for c in _json(cli("list", "--as-of", day, "--format", "json"))}


def test_seoul_at_dawn_can_record_what_was_said_today(seoul_morning: None, cli: Callable[..., Run]) -> None:
    _ok(cli("init"))
    dated = _add(cli, "Said this morning.", "--said-on", "2025-03-25")
    today = _add(cli, "Said today.", "--said-on", "today", "--review-by", "2025-03-25")
    _ok(cli("confirm", str(dated), "--at", "today"))
    assert _json(cli("show", str(today), "--format", "json"))["said_on"] == "2025-03-25"
    assert _status_at(cli, dated) == "2025-03-24T19:59:00Z"  # now: today's noon is still ahead
    due = {c["id"]: c["reason"] for c in _json(cli("due", "--format", "json"))}
    assert due[today] == "review today"


def test_seoul_at_dawn_can_import_what_was_said_today(
    seoul_morning: None, cli: Callable[..., Run], tmp_path: Path
) -> None:
    _ok(cli("init"))
    path = tmp_path / "claims.csv"
    path.write_text(
        "text,source,said_on\nSaid this morning.,Desk,2025-03-25\nNot yet said.,Desk,2025-03-26\n", encoding="utf-8"
    )
    refused = cli("import", str(path))
    assert refused.exit_code == 1 and "said_on 2025-03-26 is in the future (today is 2025-03-25)" in refused.stderr
    path.write_text("text,source,said_on\nSaid this morning.,Desk,2025-03-25\n", encoding="utf-8")
    _ok(cli("import", str(path)))
    assert [c["said_on"] for c in _json(cli("list", "--format", "json"))] == ["2025-03-25"]


def test_seoul_records_a_local_morning_on_the_day_a_claim_was_said(
    zone: Callable[[str], None], clock: Callable[[str], None], cli: Callable[..., Run]
) -> None:
    zone(SEOUL)
    clock("2025-04-01T00:00:00Z")
    _ok(cli("init"))
    cid = _add(cli, "Said on the 24th.", "--said-on", "2025-03-24")
    _ok(cli("note", str(cid), "Heard at dawn.", "--at", "2025-03-24T06:00+09:00"))  # 2025-03-23T21:00Z
    _ok(cli("confirm", str(cid), "--at", "2025-03-24T08:00"))  # 2025-03-23T23:00Z, the 24th in Seoul
    assert _status_at(cli, cid) == "2025-03-23T23:00:00Z"
    assert _as_of(cli, "2025-03-23") == {}  # not said yet
    assert _as_of(cli, "2025-03-24") == {cid: "confirmed"}


def test_as_of_and_log_since_are_local_days(
    zone: Callable[[str], None], clock: Callable[[str], None], cli: Callable[..., Run]
) -> None:
    zone(LOS_ANGELES)
    clock("2025-04-01T00:00:00Z")
    _ok(cli("init"))
    cid = _add(cli, "Said earlier.", "--said-on", "2025-03-20")
    later = _add(cli, "Said on the 25th.", "--said-on", "2025-03-25")
    _ok(cli("confirm", str(cid), "--at", "2025-03-25T03:00:00Z"))  # 20:00 on the 24th in Los Angeles
    assert _as_of(cli, "2025-03-23") == {cid: "unverified"}
    assert _as_of(cli, "2025-03-24") == {cid: "confirmed"}  # the claim said on the 25th did not exist yet
    assert _as_of(cli, "2025-03-25") == {cid: "confirmed", later: "unverified"}
    assert _json(cli("show", str(cid), "--as-of", "2025-03-24", "--format", "json"))["status"] == "confirmed"
    missing = cli("show", str(later), "--as-of", "2025-03-24")
    assert missing.exit_code == 1 and "did not exist yet on 2025-03-24" in missing.stderr
    report = _ok(cli("export", "--format", "md", "--as-of", "2025-03-24")).stdout
    assert "as they stood at the end of 2025-03-24." in report
    since_24 = _json(cli("log", "--since", "2025-03-24", "--format", "json"))
    since_25 = _json(cli("log", "--since", "2025-03-25", "--format", "json"))
    assert "status" in [e["kind"] for e in since_24]
    assert "status" not in [e["kind"] for e in since_25]  # it happened on the 24th, Los Angeles time


def test_times_are_shown_in_utc_saying_so(
    zone: Callable[[str], None], clock: Callable[[str], None], cli: Callable[..., Run]
) -> None:
    zone(LOS_ANGELES)
    clock("2025-04-01T00:00:00Z")
    _ok(cli("init"))
    cid = _add(cli, "A claim.", "--said-on", "2025-03-20")
    _ok(cli("confirm", str(cid), "--at", "2025-03-24T10:00"))
    assert _status_at(cli, cid) == "2025-03-24T17:00:00Z"
    for fmt in ("table", "tsv", "md"):
        assert "2025-03-24T17:00:00Z" in _ok(cli("show", str(cid), "--format", fmt)).stdout
    assert "2025-03-24T17:00:00Z" in _ok(cli("log", "--format", "table")).stdout


def test_a_day_in_the_future_where_you_are_is_refused_and_changes_nothing(
    seoul_morning: None, cli: Callable[..., Run], db_path: Any
) -> None:
    _ok(cli("init"))
    cid = _add(cli, "A claim.")
    before = table_digest(db_path)
    for args in (("set", str(cid), "--said-on", "2025-03-26"), ("confirm", str(cid), "--at", "2025-03-25T12:00")):
        run = cli(*args)
        assert run.exit_code == 1, (run.stdout, run.stderr)
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "in the future" in lines[0], run.stderr
    assert table_digest(db_path) == before


# ---- real processes with TZ in their environment -------------------------------------------------


def _process_json(*args: str, tz: str) -> Any:
    run = run_process(*args, "--format", "json", env={"TZ": tz})
    assert run.returncode == 0, (run.stdout, run.stderr)
    return json.loads(run.stdout)


def test_a_process_reads_typed_dates_in_its_tz() -> None:
    assert run_process("init", env={"TZ": LOS_ANGELES}).returncode == 0
    days = {datetime.now(ZoneInfo(SEOUL)).date().isoformat()}
    claim = _process_json("add", "Said today in Seoul.", "--source", "Desk", "--said-on", "today", tz=SEOUL)[0]
    days.add(datetime.now(ZoneInfo(SEOUL)).date().isoformat())  # both, if Seoul's midnight passed meanwhile
    assert claim["said_on"] in days
    cid = str(_process_json("add", "A claim.", "--source", "Desk", "--said-on", "2025-01-01", tz=SEOUL)[0]["id"])
    assert run_process("note", cid, "Seen.", "--at", "2025-03-24", env={"TZ": SEOUL}).returncode == 0
    assert run_process("confirm", cid, "--at", "2025-01-24T10:00", env={"TZ": LOS_ANGELES}).returncode == 0
    events = _process_json("show", cid, tz="UTC")["events"]
    assert [(e["kind"], e["at"]) for e in events if e["kind"] != "created"] == [
        ("status", "2025-01-24T18:00:00Z"),  # 10:00 PST
        ("note", "2025-03-24T03:00:00Z"),  # noon in Seoul
    ]
