"""The service is split by the user's task (issue 28): each room is a small module that builds on
``service.base`` (and ``service.hints``) only, so a rule is found by the task's name and the rooms
never import each other; ``Service`` puts them together without one room hiding another's method."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import claimtrack.service as service_package
from claimtrack.service import Service
from claimtrack.service.base import ServiceBase

PACKAGE = Path(service_package.__file__).parent
ROOMS = ("capturing", "updating", "fixing", "track_record", "reading", "matching", "setup")
SHARED = {"claimtrack.service.base", "claimtrack.service.hints"}


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)  # ``from claimtrack.service import reading`` counts as the package
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_each_room_imports_only_the_shared_base() -> None:
    for room in ROOMS:
        inside = {
            m
            for m in _imports(PACKAGE / f"{room}.py")
            if m == "claimtrack.service" or m.startswith("claimtrack.service.")
        }
        assert inside <= SHARED, (room, inside)


def test_the_shared_modules_import_no_room() -> None:
    for shared in ("base", "hints"):
        inside = {m for m in _imports(PACKAGE / f"{shared}.py") if m.startswith("claimtrack.service")}
        assert inside <= {"claimtrack.service.base"}, (shared, inside)


def test_service_is_made_of_the_rooms_and_no_room_hides_another() -> None:
    defined: dict[str, str] = {}
    for cls in Service.__mro__[1:]:
        if cls is ServiceBase or not issubclass(cls, ServiceBase):
            continue
        room = cls.__module__.rsplit(".", 1)[1]
        assert room in ROOMS, cls
        for name in vars(cls):
            if inspect.isfunction(vars(cls)[name]):
                assert name not in defined, f"{name} is defined in both {defined[name]} and {room}"
                assert not hasattr(ServiceBase, name), f"{room}.{name} hides the base's"
                defined[name] = room
    assert {defined[m] for m in ("add", "set_status", "undo", "rename_source", "due", "match", "init")} == set(ROOMS)


def test_the_service_modules_stay_small() -> None:
    for module in PACKAGE.glob("*.py"):
        lines = len(module.read_text(encoding="utf-8").splitlines())
        assert lines < 300, f"{module.name} has {lines} lines"
