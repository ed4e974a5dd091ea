"""``config path | get | set | unset``: the user's settings file (``claimtrack.config``).

``path`` and ``set``/``unset`` work whatever the file holds (as long as ``set``/``unset`` can read
it as TOML), so a bad value can always be seen and repaired; ``get`` checks the whole file.
"""

import sys
from typing import Annotated

import typer

from claimtrack.cli import output
from claimtrack.cli.base import app, notify, recorded
from claimtrack.cli.options import FormatOpt

SETTINGS = "Settings"


def _keys(incomplete: str) -> list[str]:
    from claimtrack.config import KEYS

    return [k for k in KEYS if k.startswith(incomplete)]


KeyArg = Annotated[
    str,
    typer.Argument(
        metavar="KEY",
        help="A setting, e.g. reviewer.name (config get lists them all).",
        show_default=False,
        autocompletion=_keys,
    ),
]

config_app = typer.Typer(
    help="Show and change your settings: a TOML file in your user config dir, or $CLAIMTRACK_CONFIG."
    "\n\nExample: claimtrack config set defaults.source_kind person",
    no_args_is_help=True,
)
app.add_typer(config_app, name="config", rich_help_panel=SETTINGS)


@config_app.command("path")
def config_path() -> None:
    """Print where the settings file is ($CLAIMTRACK_CONFIG, else your user config dir), even if it does not exist yet.

    Example: claimtrack config path
    """
    from claimtrack import config, textsafe

    sys.stdout.write(textsafe.terminal(str(config.path())) + "\n")


@config_app.command("get")
def config_get(
    key: Annotated[
        str | None,
        typer.Argument(
            metavar="[KEY]", help="One setting; leave it out for all of them.", show_default=False, autocompletion=_keys
        ),
    ] = None,
    fmt: FormatOpt = None,
) -> None:
    """Print one setting's value, or every setting with its value and where it comes from (file or default).

    A setting not set and without a default prints nothing. The whole file is checked: a bad
    value in it is an error naming the key.

    Example: claimtrack config get output.pager
    """
    from claimtrack import config, render, textsafe

    if key is not None:
        key = config.check_key(key)  # as the setting is spelled: defaults.source-kind is defaults.source_kind
    settings = config.load()
    if key is not None:
        if fmt is None:
            sys.stdout.write(textsafe.terminal(_text(settings.get(key))) + "\n")
            return
        rows = [r for r in settings.rows() if r["key"] == key]
        if fmt.value in ("json", "jsonl"):  # one setting: the object itself, not a list of one
            sys.stdout.write(textsafe.json_text(rows[0], indent=2 if fmt.value == "json" else None) + "\n")
            return
    else:
        rows = settings.rows()
    shape = output.out_format(fmt)
    view = output.view_of(shape)
    output.emit(lambda out, v: render.settings(rows, shape, out, v), view, no_pager=True, settings=settings)


def _text(value: object) -> str:
    """A value as ``config get KEY`` prints it: true/false, tags comma-separated, nothing when unset."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: KeyArg,
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="The value, checked as the key requires.", show_default=False)
    ],
) -> None:
    """Set a setting in the file (created if need be), keeping the others and your comments.

    Values: text for reviewer.name and reviewer.organisation; a web address for reviewer.url; a
    web address with {uuid} or {id} for claimreview.url_template; person, outlet, organisation,
    government or other for defaults.source_kind; comma-separated tags for defaults.tags; true or
    false for output.pager; auto, always or never for output.color.

    Example: claimtrack config set claimreview.url_template "https://factcheck.example.org/claims/{uuid}"
    """
    from claimtrack import config

    _refuse_database(ctx)
    key = config.check_key(key)
    value_set, problem = config.set_value(key, value)
    recorded(ctx, f"{key} was set", f"claimtrack config get {key}")
    notify([f"Set {key} = {_text(value_set) or '(no tags)'} in {config.path()}."])
    if problem:
        notify([f"Warning: {problem}"])


@config_app.command("unset")
def config_unset(ctx: typer.Context, key: KeyArg) -> None:
    """Remove a setting from the file, so its default applies again (also removes keys claimtrack does not know).

    Example: claimtrack config unset reviewer.url
    """
    from claimtrack import config

    _refuse_database(ctx)
    removed = config.unset(key)
    if removed:
        recorded(ctx, f"{removed} was removed", f"claimtrack config get {removed}")
        notify([f"Removed {removed} from {config.path()}."])
    else:
        notify([f"{config.check_key(key)} was not set in {config.path()}; nothing to remove."])


def _refuse_database(ctx: typer.Context) -> None:
    """The settings file may not be the database in use or one of its files ($CLAIMTRACK_CONFIG
    pointed at it by mistake): writing it would destroy claims."""
    from claimtrack import config, livefiles
    from claimtrack.store.target import resolve

    try:
        database = resolve(ctx.find_root().obj["db"]).path  # None: $CLAIMTRACK_DB, else the default
    except Exception:  # noqa: BLE001 - no usable database setting: no database file to protect
        return
    file = str(config.path())
    livefiles.refuse(file, database, f"the config file {file}")
