"""Usage errors (an unknown command or option, a bad choice, a missing argument) as one line.

Click reports them in a box of five lines under the usage; every other error of claimtrack is one
``Error: ...`` line. Here Click's own message is kept (with its "Did you mean" for commands and
options), a near choice is suggested where Click has none (``--status confirmd``: did you mean
'confirmed'?), and the line ends with where to read more: the usage, for a missing or extra
argument, else the command's ``-h``.
"""

import ast
import re
from typing import Any

_REPR = re.compile(r"""^('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*") is not""")


def line(exc: Any) -> str:
    """The text after ``Error: `` for a Click exception ``exc``."""
    message = " ".join(str(exc.format_message()).split())
    near = _near_choice(exc)
    if near:
        message = f"{message.rstrip('.')}; did you mean {near!r}?"
    ctx = getattr(exc, "ctx", None)
    if ctx is None or not _is_usage(exc):
        return message
    path = ctx.command_path
    if (
        type(exc).__name__ == "MissingParameter"
        and getattr(getattr(exc, "param", None), "param_type_name", "") == "argument"
        or message.startswith("Got unexpected extra argument")
    ):
        usage = " ".join(ctx.get_usage().split()).removeprefix("Usage: ")
        return f"{message.rstrip('.')}; usage: {usage} (see: {path} -h)"
    return f"{message.rstrip('.')} (see: {path} -h)"


def _is_usage(exc: Any) -> bool:
    return any(c.__name__ == "UsageError" for c in type(exc).__mro__)


def _near_choice(exc: Any) -> str | None:
    """For a value that is not one of a parameter's choices, the nearest choice, if one is near."""
    choices = getattr(getattr(getattr(exc, "param", None), "type", None), "choices", None)
    found = _REPR.match(str(getattr(exc, "message", "")))
    if not choices or not found:
        return None
    try:
        typed = ast.literal_eval(found.group(1))
    except (ValueError, SyntaxError):
        return None
    from claimtrack.choices import nearest

    return nearest(str(typed), [str(getattr(c, "value", c)) for c in choices])
