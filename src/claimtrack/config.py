"""The user's settings: a small TOML file of fixed keys, read with the standard library's tomllib.

Where: ``$CLAIMTRACK_CONFIG`` when set, else ``<user config dir>/claimtrack/config.toml``
(platformdirs, as the database uses the user data dir). A missing file means every default.

Every key has a type, a default and a check (``KEYS``); a file with an unknown key, a wrong type, a
bad value, or that is not a readable UTF-8 TOML regular file is refused as a whole with one
``InvalidInput`` line naming the file, the key and what is accepted. Nothing is read until a
command asks (``load``): ``--help``, ``--version`` and ``config path`` never touch the file, and
``config set``/``unset`` only need it to be valid TOML, so they can repair a bad value.

The file itself (reading it safely, editing it in place with tomlkit under a lock, keeping the
user's comments) is ``configfile``'s. Library code: never prints; raises ``claimtrack.errors`` types.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimtrack.choices import canonical
from claimtrack.configfile import ENV_VAR, read, shown
from claimtrack.errors import InvalidInput
from claimtrack.textsafe import terminal

MAX_TEXT = 200
MAX_TAGS = 20
SOURCE_KINDS = ("person", "outlet", "organisation", "government", "other")  # as validate.SOURCE_KINDS
COLORS = ("auto", "always", "never")
PLACEHOLDERS = ("{uuid}", "{id}")
_SAMPLE = {"{uuid}": "00000000-0000-4000-8000-000000000000", "{id}": "1"}
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


class Bad(ValueError):
    """A value a key does not take; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Key:
    """One setting: its default, what it takes (for messages and docs), what it does."""

    name: str
    default: Any
    accepts: str
    about: str
    check: Callable[[Any], Any]  # a value as TOML holds it -> the clean value, or Bad
    parse: Callable[[str], Any]  # what `config set` was given -> a value as TOML holds it


# ---- checks ------------------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def _one_line(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(f"is {_type_name(value)}, not text")
    text = value.strip()
    bad = next((c for c in text if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        raise Bad(f"contains a control character or line break ({terminal(bad)}); give one line of text")
    if not text:
        raise Bad("is empty; to clear it, use claimtrack config unset")
    if len(text) > MAX_TEXT:
        raise Bad(f"is {len(text):,} characters; the limit is {MAX_TEXT}")
    return text


def _url(value: Any) -> str:
    from urllib.parse import urlsplit

    text = _one_line(value)
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise Bad(f"{text!r} is not a web address ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise Bad(f"{text!r} is not an http(s) web address")
    return text


def _template(value: Any) -> str:
    text = _one_line(value)
    if not any(p in text for p in PLACEHOLDERS):
        raise Bad(f"{text!r} has neither {{uuid}} nor {{id}} in it")
    rest = text
    for placeholder in PLACEHOLDERS:
        rest = rest.replace(placeholder, "")
    if "{" in rest or "}" in rest:
        raise Bad(f"{text!r} has a brace that is not part of {{uuid}} or {{id}}")
    try:
        _url(fill(text, _SAMPLE["{uuid}"], 1))
    except Bad as exc:
        raise Bad(f"filled in, {exc}") from None
    return text


def fill(template: str, uuid: str, claim_id: int) -> str:
    """``claimreview.url_template`` for one claim: plain replacement, never ``str.format``."""
    return template.replace("{uuid}", uuid).replace("{id}", str(claim_id))


def _source_kind(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(f"is {_type_name(value)}, not text")
    kind = value.strip().lower().replace("organization", "organisation")
    if kind not in SOURCE_KINDS:
        raise Bad(f"{terminal(value)!r} is not accepted")
    return kind


def _tags(value: Any) -> list[str]:
    from claimtrack.validate import clean_tag  # as `add --tag` checks them

    if not isinstance(value, list):
        raise Bad(f"is {_type_name(value)}, not a list")
    tags: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise Bad(f"holds {_type_name(item)}; every tag is text")
        try:
            tag = clean_tag(item)
        except InvalidInput as exc:
            raise Bad(f"holds an {exc}") from None
        if tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise Bad(f"has {len(tags)} tags; at most {MAX_TAGS}")
    return tags


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Bad(f"is {_type_name(value)}" + (f" ({terminal(value)!r})" if isinstance(value, str) else ""))
    return value


def _color(value: Any) -> str:
    if not isinstance(value, str):
        raise Bad(f"is {_type_name(value)}, not text")
    if value.strip().lower() not in COLORS:
        raise Bad(f"{terminal(value)!r} is not accepted")
    return value.strip().lower()


def _parse_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE or word in _FALSE:
        return word in _TRUE
    raise Bad(f"{terminal(text)!r} is not true or false")


def _parse_tags(text: str) -> list[str]:
    return [part for part in (p.strip() for p in text.split(",")) if part]


def _same(text: str) -> str:
    return text


_CREDIT = "Credit the person who set each verdict (its change's author) in the ClaimReview export."
KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key(
            "reviewer.name",
            None,
            "your name, one line of text",
            "Who reviews the claims: the ClaimReview export's reviewer, and the author changes record.",
            _one_line,
            _same,
        ),
        Key(
            "reviewer.organisation",
            None,
            "an organisation's name, one line of text",
            "The fact-checking organisation: the ClaimReview export's author.",
            _one_line,
            _same,
        ),
        Key(
            "reviewer.url",
            None,
            "a web address starting with http:// or https://",
            "The organisation's home page (ClaimReview author url).",
            _url,
            _same,
        ),
        Key(
            "claimreview.url_template",
            None,
            "a web address with {uuid} or {id} in it, e.g. https://factcheck.example.org/claims/{uuid}",
            "Where each published fact-check lives (ClaimReview url); {uuid} and {id} are the claim's.",
            _template,
            _same,
        ),
        Key("claimreview.credit", False, "true or false", _CREDIT, _bool, _parse_bool),
        Key(
            "defaults.source_kind",
            "other",
            "person, outlet, organisation, government or other",
            "The kind given to a source that add or import creates without one.",
            _source_kind,
            _same,
        ),
        Key(
            "defaults.tags",
            [],
            'a list of tags (set: comma-separated, e.g. ru,ua; "" for none)',
            "Tags every claim made by add gets, besides its --tag ones (import does not add them).",
            _tags,
            _parse_tags,
        ),
        Key(
            "output.pager",
            True,
            "true or false",
            "Whether long tables on a terminal go through a pager (--no-pager and CLAIMTRACK_PAGER override).",
            _bool,
            _parse_bool,
        ),
        Key(
            "output.color",
            "auto",
            "auto, always or never",
            "Colour in tables: auto (on a terminal), always or never (NO_COLOR and FORCE_COLOR override).",
            _color,
            _same,
        ),
    )
}


# ---- where -------------------------------------------------------------------------------------


def path() -> Path:
    """The config file: ``$CLAIMTRACK_CONFIG``, else ``<user config dir>/claimtrack/config.toml``."""
    raw = os.environ.get(ENV_VAR, "")
    if raw.strip():
        if "\x00" in raw or re.search("[\ud800-\udfff]", raw):
            raise InvalidInput(f"{ENV_VAR} ({terminal(raw)!r}) is not a usable file name; set it again")
        return Path(raw).expanduser().absolute()
    from platformdirs import user_config_path  # paid for only when a command needs the settings

    return user_config_path("claimtrack", appauthor=False) / "config.toml"


# ---- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    """The settings in force: the file's (checked) values over the defaults."""

    file: Path
    values: dict[str, Any]  # only the keys the file sets

    def get(self, key: str) -> Any:
        return self.values[key] if key in self.values else KEYS[key].default

    def origin(self, key: str) -> str:
        return "file" if key in self.values else "default"

    def rows(self) -> list[dict[str, Any]]:
        return [{"key": k, "value": self.get(k), "from": self.origin(k)} for k in KEYS]

    @property
    def source_kind(self) -> str:
        return str(self.get("defaults.source_kind"))

    @property
    def tags(self) -> list[str]:
        return list(self.get("defaults.tags"))

    @property
    def pager(self) -> bool:
        return bool(self.get("output.pager"))

    @property
    def color(self) -> str:
        return str(self.get("output.color"))


def load(file: Path | None = None) -> Settings:
    """The settings in force; raises ``InvalidInput`` naming the file and key if it is not right."""
    file = file or path()
    raw = read(file)
    values: dict[str, Any] = {}
    for key, value in _leaves(raw):
        if key not in KEYS:
            raise InvalidInput(_unknown(key, file))
        try:
            values[key] = KEYS[key].check(value)
        except Bad as exc:
            raise InvalidInput(
                f"config file {shown(file)}: {key} {exc}; it takes {KEYS[key].accepts}. "
                f"Fix it with: claimtrack config set {key} VALUE, or claimtrack config unset {key}"
            ) from None
    return Settings(file, values)


def _leaves(raw: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Every (dotted key, value) in ``raw``, tables walked into (an empty one counts as a value,
    unless it is a known section); a known key is a leaf whatever its type."""
    found: list[tuple[str, Any]] = []
    for name, value in raw.items():
        key = prefix + name
        if isinstance(value, dict) and key not in KEYS and (value or key in _SECTIONS):
            found += _leaves(value, key + ".")
        else:
            found.append((key, value))
    return found


_SECTIONS = {k.split(".")[0] for k in KEYS}


def _unknown(key: str, file: Path | None = None) -> str:
    """An unknown key, given (``file`` None) or found in ``file``."""
    import difflib

    near = difflib.get_close_matches(key, list(KEYS), n=1, cutoff=0.6)
    hint = f" (did you mean {near[0]}?)" if near else ""
    where = f"config file {shown(file)}: " if file else ""
    fix = f"; remove it with: claimtrack config unset {terminal(key)}" if file else ""
    return f"{where}unknown setting {terminal(key)!r}{hint}; the settings are {', '.join(KEYS)}{fix}"


# ---- changing ----------------------------------------------------------------------------------


def check_key(key: str) -> str:
    """The setting ``key`` names (``defaults.source-kind``: ``defaults.source_kind``); else ``InvalidInput``."""
    found = canonical(key, tuple(KEYS))
    if found is None:
        raise InvalidInput(_unknown(key))
    return found


def parse(key: str, text: str) -> Any:
    """What ``config set KEY TEXT`` stores: the checked value, as the file will hold it."""
    key = check_key(key)
    setting = KEYS[key]
    try:
        return setting.check(setting.parse(text))
    except Bad as exc:
        raise InvalidInput(f"{key} {exc}; it takes {setting.accepts}; nothing was changed") from None


def set_value(key: str, text: str, file: Path | None = None) -> tuple[Any, str | None]:
    """Set ``key`` (checked) in the file, keeping every other key and comment: (the value set, a
    problem the file still has elsewhere, or None). Nothing is written unless all is well."""
    from claimtrack import configfile

    key = check_key(key)
    value = parse(key, text)
    file = file or path()
    section, name = key.split(".", 1)
    configfile.set_in(file, section, name, value)
    return value, _problem(file)


def unset(key: str, file: Path | None = None) -> str | None:
    """Remove ``key`` as typed (any key the file has, known or not), else the setting it names, from
    the file: the key removed, or None if it was not there."""
    from claimtrack import configfile

    file = file or path()
    if configfile.remove_from(file, key.split(".")):
        return key
    known = check_key(key)
    return known if known != key and configfile.remove_from(file, known.split(".")) else None


def _problem(file: Path) -> str | None:
    try:
        load(file)
    except InvalidInput as exc:
        return str(exc)
    return None
