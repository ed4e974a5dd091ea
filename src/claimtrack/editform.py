"""``claimtrack edit``: a claim's editable fields as a plain-text form, and the editor round trip.

The form is what a person can fix in any editor: one ``name: value`` line a field, long values
continued on indented lines. Nothing is validated here: the values go to ``Service.update`` (and
``confidence.parse``, ``validate.clean_tag``), the one place the rules live, so an edit accepts and
refuses exactly what ``set`` does. The editor is a parameter, so the loop runs in tests without one.

The claim is read with its version and saved only if no other change to its fields came in
between (``Service.update(unchanged_since=)``); otherwise the user's changes are kept, over the
claim's new values, in a file (``editfiles.keep``) that ``edit ID --from FILE`` starts from.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack import confidence as conf
from claimtrack import editfiles
from claimtrack.errors import Conflict, InvalidInput, NothingChanged
from claimtrack.signals import ended_by_signals

if TYPE_CHECKING:
    from claimtrack.service import Service

FIELDS = ("text", "source", "confidence", "quote", "url", "said_on", "review_by", "tags")
REQUIRED = ("text", "source")
_FIELD_LINE = re.compile(r"([A-Za-z_-]+)[ \t]*:(.*)", re.DOTALL)
_ERROR_PREFIX = "# Error: "
_NOTE_PREFIX = "# Saving changes "

HEADER = """\
# Editing claim {id}. Save and quit to apply; quit without saving
# (or empty the file) to cancel. Lines starting with # are ignored.
# One field a line: "name: value"; an empty value clears an optional
# field. A long value continues on lines starting with spaces.
# confidence: 0.7, 70%, likely, none ...; dates: YYYY-MM-DD;
# tags: comma-separated. Status: {status}; it changes with its own
# commands (confirm, refute, dispute, reopen).
"""

KEPT_HEADER = (
    """\
# Your changes to claim {id}, kept because another command changed it
# while you were editing ({fields}). Fields you
# did not change show their new values. Check them, then apply with:
#   claimtrack edit {id} --from {path}
# It opens this form in your editor: save, or just quit, to apply;
# empty the file to cancel. Lines starting with # are ignored.
"""
    + "\n".join(HEADER.splitlines()[2:5])
    + "\n# tags: comma-separated.\n"
)

Editor = Callable[[Path], None]


class Interrupted(Exception):
    """Ctrl-C before anything was saved (the CLI says so and exits 130)."""


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


def render_form(claim: dict[str, Any], header: str | None = None, values: dict[str, str] | None = None) -> str:
    """The form for ``claim``: a header of comments, then one ``name: value`` line a field
    (``values``, else the claim's own)."""
    lines = [(header or HEADER.format(id=claim["id"], status=claim.get("status", "?"))).rstrip("\n")]
    values = values or _values(claim)
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
                raise InvalidInput(f'line {number} is indented but continues no field; start it with "name:"')
            current += [*blanks, line[2:] if line.startswith("  ") else line[1:]]
            blanks = []
            continue
        match = _FIELD_LINE.fullmatch(line)
        name = match.group(1).lower().replace("-", "_") if match else ""
        if not match:
            raise InvalidInput(f'line {number} ({line[:40]!r}) is not "name: value"; fields are {", ".join(FIELDS)}')
        if name not in FIELDS:
            raise InvalidInput(f"line {number}: unknown field {match.group(1)!r}; fields are {', '.join(FIELDS)}")
        if name in form:
            raise InvalidInput(f"line {number}: {name} is given twice; keep one {name} line")
        current, blanks = [match.group(2).lstrip(" \t")], []
        form[name] = current
    missing = [name for name in REQUIRED if name not in form]
    if missing:
        raise InvalidInput(f'the form has no {" or ".join(missing)} line; put back "{missing[0]}: ..."')
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


def _shown_value(value: str) -> str:
    line = " ".join(value.split())
    return repr(line if len(line) <= 60 else line[:59] + "…") if line else "empty"


def with_notes(claim: dict[str, Any], text: str) -> str:
    """A form started from a file (``--from``), with a ``# Saving changes`` line at the top for each
    field it would change and that field's value now, so a change made since is not undone unseen."""
    kept = [line for line in text.split("\n") if not line.startswith((_ERROR_PREFIX, _NOTE_PREFIX))]
    try:
        changed = changes(claim, parse_form(text))
    except InvalidInput:  # the save says what is wrong with it
        changed = {}
    now = _values(claim)
    names = [n for n in FIELDS[:-1] if n in changed] + (["tags"] if {"add_tags", "remove_tags"} & set(changed) else [])
    notes = [f"{_NOTE_PREFIX}{name} (now: {_shown_value(now[name])})" for name in names]
    return "".join(note + "\n" for note in notes) + "\n".join(kept)


def _merged(claim: dict[str, Any], now: dict[str, Any], form: dict[str, str], update: dict[str, Any]) -> dict[str, str]:
    """The form's values for ``now`` (the claim as another change left it) with the user's
    changes (``update``, made to ``claim``) on top: a tag added or removed by either stays so."""
    values = _values(now)
    for name in FIELDS[:-1]:
        if name in update:
            values[name] = form[name]
    removed, added = update.get("remove_tags", []), update.get("add_tags", [])
    tags = [t for t in now.get("tags") or [] if t not in removed]
    values["tags"] = ", ".join(tags + [t for t in added if t not in tags])
    return values


def _keep(
    svc: Service,
    claim: dict[str, Any],
    form: dict[str, str],
    update: dict[str, Any],
    conflict: Conflict,
    started: Path | None,
) -> Conflict:
    """Keep the user's changes over the claim's new values (``editfiles.keep``); the error to raise."""
    cid = claim["id"]
    now, _ = svc.for_edit(cid)
    fields = ", ".join(conflict.fields)

    def text(path: Path) -> str:
        header = KEPT_HEADER.format(id=cid, fields=fields, path=shlex.quote(str(path)))
        return render_form(now, header, _merged(claim, now, form, update))

    try:
        kept = editfiles.keep(cid, text)
    except OSError as exc:
        return Conflict(
            f"{conflict}; nothing was saved, and your form could not be kept ({exc.strerror}): "
            f"see the claim with: claimtrack show {cid}, then edit it again",
            conflict.fields,
        )
    if started is not None:
        editfiles.discard_kept(started)  # replaced by the new one
    return Conflict(
        f"{conflict}; nothing was saved. Your changes are kept: check them against the claim's new values "
        f"and apply them with: claimtrack edit {cid} --from {shlex.quote(str(kept))}",
        conflict.fields,
    )


def edit(
    svc: Service, cid: int, editor: Editor = editfiles.run_editor, retry: bool = False, start: Path | None = None
) -> list[str]:
    """Edit claim ``cid`` in ``editor`` and apply what changed in one ``Service.update``.

    ``start``: a form file to begin from (one ``edit`` kept) instead of the claim's current values.
    An invalid form or value raises ``InvalidInput``, or with ``retry`` (a person at a terminal)
    reopens the editor on their text with the error on top; another change to the claim made
    while the editor was open raises ``Conflict`` (the user's changes kept); Ctrl-C before the
    save raises ``Interrupted``. Returns the notices for the user.
    """
    saving: list[bool] = []  # not empty once the save has begun: a Ctrl-C may then come after it
    try:
        claim, version = svc.for_edit(cid)  # NotFound before any editor opens
        if claim.get("deleted_at"):
            raise InvalidInput(f"claim {cid} is deleted; bring it back first with: claimtrack restore {cid}")
        written = render_form(claim) if start is None else with_notes(claim, editfiles.started(cid, start))
        # SIGTERM or a closed terminal: the form's folder (0700, in the temp folder) is removed, the editor stopped
        with ended_by_signals(), editfiles.private_folder() as folder:
            notices = _loop(svc, claim, version, folder / f"claim-{cid}.txt", written, editor, retry, saving, start)
    except KeyboardInterrupt:
        if saving:
            raise
        raise Interrupted from None
    if start is not None:
        editfiles.discard_kept(start)  # applied
    return notices


def _loop(
    svc: Service,
    claim: dict[str, Any],
    version: int,
    path: Path,
    written: str,
    editor: Editor,
    retry: bool,
    saving: list[bool],
    start: Path | None,
) -> list[str]:
    """The editor round trip on ``path`` until the form is saved, unchanged, or refused."""
    cid = claim["id"]
    unchanged = [f"No changes; claim {cid} left as it was."]
    pristine, shown_error = render_form(claim), False
    while True:
        editfiles.write_form(path, written)
        editor(path)
        saved = editfiles.read_back(path)
        if saved == pristine or is_blank(saved) or (shown_error and saved == written):
            return unchanged  # quit without saving, emptied, or quit after an error: cancelled
        try:
            form = parse_form(saved)
            update = changes(claim, form)
            if not update:
                return unchanged
            saving.append(True)
            return svc.update(cid, **update, command="edit", unchanged_since=version).notices
        except Conflict as conflict:
            raise _keep(svc, claim, form, update, conflict, start) from None
        except NothingChanged:  # only equivalent spellings (a date, a source's case)
            return unchanged
        except InvalidInput as exc:
            saving.clear()
            if not retry:
                raise
            written, shown_error = with_error(saved, str(exc)), True
