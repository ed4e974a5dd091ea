"""``claimtrack edit``: a claim's editable fields as a plain-text form, and the editor round trip.

The form is what a person can fix in any editor: one ``name: value`` line a field, long values
continued on indented lines. Nothing is validated here: the values go to ``Service.update`` (and
``confidence.parse``, ``validate.clean_tag``), the one place the rules live, so an edit accepts and
refuses exactly what ``set`` does. The editor is a parameter, so the loop runs in tests without one.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack import confidence as conf
from claimtrack.errors import InvalidInput, NothingChanged
from claimtrack.signals import ended_by_signals, new_temp_file

if TYPE_CHECKING:
    from claimtrack.service import Service

FIELDS = ("text", "source", "confidence", "quote", "url", "said_on", "review_by", "tags")
REQUIRED = ("text", "source")
_FIELD_LINE = re.compile(r"([A-Za-z_-]+)[ \t]*:(.*)", re.DOTALL)
_ERROR_PREFIX = "# Error: "

HEADER = """\
# Editing claim {id}. Save and quit to apply; quit without saving
# (or empty the file) to cancel. Lines starting with # are ignored.
# One field a line: "name: value"; an empty value clears an optional
# field. A long value continues on lines starting with spaces.
# confidence: 0.7, 70%, likely, none ...; dates: YYYY-MM-DD;
# tags: comma-separated. Status: {status}; it changes with its own
# commands (confirm, refute, dispute, reopen).
"""

Editor = Callable[[Path], None]


def _confidence(claim: dict[str, Any]) -> str:
    """The stored confidence as ``confidence.parse`` reads it back: its phrase, else its number.

    A claim object carries the label (``67.5% likely``), not the phrase: the phrase is the label's
    word when that word's band midpoint is the value (a bare 0.675 shows as ``likely`` too, which
    parses back to the same value, so saving it unchanged changes nothing).
    """
    value = claim.get("confidence")
    if value is None:
        return ""
    word = (claim.get("confidence_label") or " ").split(" ", 1)[1]
    try:
        said = conf.parse(word) if word else None
    except InvalidInput:
        said = None
    return word if said is not None and said.phrase == word and said.value == value else conf.format_number(value)


def _values(claim: dict[str, Any]) -> dict[str, str]:
    """Each field of ``claim`` as the form shows it ('' for none)."""
    values = {name: claim.get(name) or "" for name in FIELDS if name not in ("confidence", "tags")}
    return {**values, "confidence": _confidence(claim), "tags": ", ".join(claim.get("tags") or ())}


def render_form(claim: dict[str, Any]) -> str:
    """The form for ``claim``: a header of comments, then one ``name: value`` line a field."""
    lines = [HEADER.format(id=claim["id"], status=claim.get("status", "?")).rstrip("\n")]
    values = _values(claim)
    for name in FIELDS:
        first, *rest = values[name].split("\n")
        lines.append(f"{name}: {first}" if first else f"{name}:")
        lines += [f"  {line}" if line else "" for line in rest]  # no trailing spaces for editors to strip
    return "\n".join(lines) + "\n"


def _lines(text: str) -> list[str]:
    """Lines split at newlines only (a claim may hold \\u2028 or \\x85), CRLF read as LF."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def is_blank(text: str) -> bool:
    """Only comments and blank lines: the user emptied the form to cancel."""
    return all(not line.strip() or line.startswith("#") for line in _lines(text))


def parse_form(text: str) -> dict[str, str]:
    """The fields of a saved form, by name, values stripped (an optional field may be absent)."""
    form: dict[str, list[str]] = {}
    current: list[str] | None = None
    blanks: list[str] = []  # blank lines inside a value count only if the value continues after them
    for number, line in enumerate(_lines(text), start=1):
        if line.startswith("#"):
            continue
        if not line.strip():
            blanks.append("")
            continue
        if line[0] in " \t":
            if current is None:
                raise InvalidInput(f"line {number} is indented but continues no field; start it with \"name:\"")
            current += [*blanks, line[2:] if line.startswith("  ") else line[1:]]
            blanks = []
            continue
        match = _FIELD_LINE.fullmatch(line)
        name = match.group(1).lower().replace("-", "_") if match else ""
        if not match:
            raise InvalidInput(f"line {number} ({line[:40]!r}) is not \"name: value\"; fields are {', '.join(FIELDS)}")
        if name not in FIELDS:
            raise InvalidInput(f"line {number}: unknown field {match.group(1)!r}; fields are {', '.join(FIELDS)}")
        if name in form:
            raise InvalidInput(f"line {number}: {name} is given twice; keep one {name} line")
        current, blanks = [match.group(2).lstrip(" \t")], []
        form[name] = current
    missing = [name for name in REQUIRED if name not in form]
    if missing:
        raise InvalidInput(f"the form has no {' or '.join(missing)} line; put back \"{missing[0]}: ...\"")
    return {name: "\n".join(value).strip() for name, value in form.items()}


def _tags(value: str) -> list[str]:
    from claimtrack.validate import clean_tag

    return list(dict.fromkeys(clean_tag(t) for t in re.split(r"[,\n]", value) if t.strip()))


def _same_confidence(a: str, b: str) -> bool:
    def parsed(text: str) -> conf.Confidence | None:
        return None if text.strip().lower() in ("", "none") else conf.parse(text)

    try:
        return parsed(a) == parsed(b)
    except InvalidInput:  # the new value is not valid: a change, for Service.update to refuse
        return False


def changes(claim: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments for ``Service.update`` with only the fields the form changed.

    '' clears an optional field (as with ``set``); a field left out of the form stays as it is.
    """
    now = _values(claim)
    result: dict[str, Any] = {}
    for name in FIELDS[:-1]:
        if name in form and form[name] != now[name]:
            if name != "confidence" or not _same_confidence(form[name], now[name]):
                result[name] = form[name]
    if "tags" in form:
        old, new = claim.get("tags") or [], _tags(form["tags"])
        if added := [t for t in new if t not in old]:
            result["add_tags"] = added
        if removed := [t for t in old if t not in new]:
            result["remove_tags"] = removed
    return result


def with_error(text: str, message: str) -> str:
    """The user's text with ``message`` as the one ``# Error:`` line at the top."""
    kept = [line for line in text.split("\n") if not line.startswith(_ERROR_PREFIX)]
    return _ERROR_PREFIX + " ".join(message.split()) + "\n" + "\n".join(kept)


def editor_command() -> list[str]:
    """``$VISUAL``, else ``$EDITOR``, else ``vi`` if there is one, as an argument list."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError as exc:
                raise InvalidInput(f"${var} ({value!r}) is not a command line ({exc}); fix its quoting") from None
    vi = shutil.which("vi")
    if vi is None:
        raise InvalidInput("no editor found; set $VISUAL or $EDITOR to your editor's command, e.g. export EDITOR=nano")
    return [vi]


def run_editor(path: Path) -> None:
    """Run the user's editor on ``path``; one that cannot start or fails is an error."""
    command = editor_command()
    try:
        done = subprocess.run([*command, str(path)], check=False)
    except OSError as exc:
        raise InvalidInput(f"cannot run the editor {shlex.join(command)!r} ({exc.strerror}); set $VISUAL or "
                           "$EDITOR to your editor's command; nothing was changed") from None
    if done.returncode != 0:
        raise InvalidInput(f"the editor {shlex.join(command)!r} exited with status {done.returncode}; nothing was changed")


def edit(svc: Service, cid: int, editor: Editor = run_editor, retry: bool = False) -> list[str]:
    """Edit claim ``cid`` in ``editor`` and apply what changed in one ``Service.update``.

    An invalid form or value raises ``InvalidInput``, or with ``retry`` (a person at a terminal)
    reopens the editor on their text with the error on top. Returns the notices for the user.
    """
    claim = svc.get(cid)  # NotFound before any editor opens
    if claim.get("deleted_at"):
        raise InvalidInput(f"claim {cid} is deleted; bring it back first with: claimtrack restore {cid}")
    written = render_form(claim)
    # SIGTERM or a closed terminal: the form (mode 0600, in the temp folder) is removed, the editor stopped
    with ended_by_signals(), new_temp_file(None, f"claimtrack-{cid}-", ".txt") as path:
        return _loop(svc, cid, claim, path, written, editor, retry)


def _loop(svc: Service, cid: int, claim: dict[str, Any], path: Path, written: str, editor: Editor,
          retry: bool) -> list[str]:
    """The editor round trip on ``path`` until the form is saved, unchanged, or refused."""
    unchanged = [f"No changes; claim {cid} left as it was."]
    while True:
        path.write_text(written, encoding="utf-8", errors="surrogateescape", newline="")
        editor(path)
        with path.open(encoding="utf-8", errors="surrogateescape", newline="") as saved_file:
            saved = saved_file.read()
        if saved == written or is_blank(saved):
            return unchanged
        try:
            update = changes(claim, parse_form(saved))
            return svc.update(cid, **update, command="edit").notices if update else unchanged
        except NothingChanged:  # only equivalent spellings (a date, a source's case)
            return unchanged
        except InvalidInput as exc:
            if not retry:
                raise
            written = with_error(saved, str(exc))
