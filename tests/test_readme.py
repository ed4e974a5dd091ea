"""The README's examples cannot drift: every ``claimtrack ...`` command in its code blocks runs.

What counts as an example: each line of a fenced code block (or an indented one) that runs
``claimtrack`` (or ``.venv/bin/claimtrack``), after joining ``\\`` continuations and taking off a
``$ `` prompt and a ``# comment`` tail. In ``a && b`` and ``a; b`` each claimtrack command runs in
turn (others, such as ``pip install``, are the set-up this suite already stands on); in
``claimtrack A | claimtrack B`` B reads A's output; a filter after the last claimtrack command
(``| head``) is left off. An example that fails on purpose says so in its comment: ``# fails
(exit N): why``. Anything else the shell would do (``$VAR``, ``~``, redirections) is refused, so
an example that needs it goes on the ``OFFLINE`` list below with the reason it cannot run here.

How they run: each code block is one scenario, run in the README's order on its own fresh seeded
database (``init --seed``, as the README assumes) in its own empty folder holding the files its
examples read (``news.md``, ``article.html``, ``data/seed-article.txt``). A block's commands build
on each other (``add`` then ``confirm 31``; ``export`` then ``import``), blocks do not: one block's
changes never make another's examples pass or fail, and a failure names its block. Every command
runs in-process through the suite's CLI runner and must exit 0, or the code its ``# fails``
comment gives. A ``--review`` example runs as if on a terminal and quits at the first question;
``edit`` runs with an editor that saves the form unchanged; ``--install-completion`` runs as if
from bash (into the test's own home folder).
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import Run

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

# Examples that cannot run offline in a test, each with the reason; keyed by the command as the
# README shows it (continuations joined, prompt and comment taken off). An entry the README no
# longer shows fails test_every_listed_exception_is_still_in_the_readme.
OFFLINE: dict[str, str] = {
    "claimtrack match https://example.org/2024/06/19/russia-north-korea-treaty": "fetches a page from the internet (tests/test_sourcetext.py fetches pages from 127.0.0.1)",
    "claimtrack match --feed https://example.org/world/rss.xml": "fetches a feed from the internet (tests/test_match.py reads feeds from files)",
    "claimtrack init": "the 'Sharing with a team' block: runs against the PostgreSQL server its export names",
    'claimtrack db copy ~/.local/share/claimtrack/claims.db "$CLAIMTRACK_DB"': "the 'Sharing with a team' block: copies to a PostgreSQL server (tests/test_db_target.py)",
    "claimtrack list --status unverified": "the 'Sharing with a team' block: reads the PostgreSQL server its export names",
}

# The files the README's examples read, as a reader would have them in the folder they work in.
NEWS = """\
# Russia and North Korea sign a mutual defence treaty

Pyongyang, 19 June 2024. Russia and North Korea signed a comprehensive strategic partnership
treaty on Wednesday, pledging mutual military assistance if either is attacked. North Korean
workers have been sent to Russia despite UN sanctions, South Korean officials said.
"""

ARTICLE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Seoul watches Moscow and Pyongyang</title>
<meta property="article:published_time" content="2024-06-20"></head>
<body><article><h1>Seoul watches Moscow and Pyongyang</h1>
<p>North Korea will send more workers to Russia this year, South Korea's intelligence service said
on Thursday.</p>
<p>Andrei Lankov, a professor at Kookmin University, said the treaty would most likely bring
North Korean troops to Russia's war.</p>
<p>According to Yonhap, the two countries plan to reopen a road bridge across the Tumen river.</p>
</article></body></html>
"""


@dataclass(frozen=True)
class Example:
    """One command line of a README code block."""

    line: int  # the README line it starts on
    shown: str  # the command as shown: continuations joined, prompt and comment taken off
    runs: tuple[
        tuple[tuple[str, ...], ...], ...
    ]  # in order: each pipeline's claimtrack commands (argv after `claimtrack`)
    exit_code: int  # 0, or what a "# fails (exit N)" comment says
    unsupported: str = ""  # shell syntax the test cannot run, if any


@dataclass(frozen=True)
class Block:
    line: int
    heading: str
    examples: tuple[Example, ...]


def _comment(line: str) -> tuple[str, str]:
    """The line without its ``# comment`` tail, and the comment (a ``#`` that starts a word, outside quotes)."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
            elif char == "\\" and quote == '"':
                continue
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def _is_claimtrack(word: str) -> bool:
    return word == "claimtrack" or word.endswith("/claimtrack")


def parse_example(line_no: int, text: str) -> Example | None:
    """The example a logical line shows, or None when it runs no claimtrack command."""
    text = text.strip()
    if text.startswith("$ "):
        text = text[2:].lstrip()
    shown, comment = _comment(text)
    lexer = shlex.shlex(shown, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    try:
        tokens = list(lexer)
    except ValueError as error:  # an unclosed quote
        return Example(line_no, shown, (), 0, f"cannot be split into words: {error}")
    if not any(_is_claimtrack(t) for t in tokens):
        return None
    unsupported = ""
    sequences: list[list[list[str]]] = [[[]]]  # commands (split at && and ;) of pipelines (split at |)
    for token in tokens:
        if token in ("&&", ";"):
            sequences.append([[]])
        elif token == "|":
            sequences[-1].append([])
        elif set(token) <= set("();<>|&") or "$" in token or "`" in token or token.startswith("~"):
            unsupported = unsupported or f"shell syntax {token!r}"
        else:
            sequences[-1][-1].append(token)
    runs = []
    for pipeline in sequences:
        stages = [tuple(stage[1:]) for stage in pipeline if stage and _is_claimtrack(stage[0])]
        if pipeline and pipeline[0] and not _is_claimtrack(pipeline[0][0]) and stages:
            unsupported = unsupported or f"{pipeline[0][0]!r} feeding claimtrack"
        if stages:
            runs.append(tuple(stages))
    fails = re.match(r"fails\b(?:\s*\(exit (\d+)\))?", comment)
    exit_code = int(fails.group(1) or 1) if fails else 0
    return Example(line_no, shown, tuple(runs), exit_code, unsupported)


def parse_blocks(markdown: str) -> list[Block]:
    """Every code block (fenced, or indented by four spaces after a blank line) with its examples."""
    blocks: list[Block] = []
    heading = ""
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        fence = re.match(r"\s*(```|~~~)", line)
        indented = line.startswith("    ") and line.strip() and (i == 0 or not lines[i - 1].strip())
        if not fence and not indented:
            i += 1
            continue
        start = i + 1
        body: list[tuple[int, str]] = []
        if fence:
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith(fence.group(1)):
                body.append((i + 1, lines[i]))
                i += 1
            i += 1
        else:
            while i < len(lines) and lines[i].startswith("    "):
                body.append((i + 1, lines[i][4:]))
                i += 1
        examples = []
        pending: tuple[int, str] | None = None
        for number, text in body:
            if pending:
                number, text = pending[0], pending[1] + " " + text.strip()
            if text.rstrip().endswith("\\"):
                pending = (number, text.rstrip()[:-1])
                continue
            pending = None
            example = parse_example(number, text)
            if example:
                examples.append(example)
        if examples:
            blocks.append(Block(start, heading, tuple(examples)))
    return blocks


BLOCKS = parse_blocks(README.read_text(encoding="utf-8"))


def _block_id(block: Block) -> str:
    return f"L{block.line}-" + re.sub(r"[^a-z0-9]+", "-", block.heading.lower()).strip("-")


# ---- the parser ---------------------------------------------------------------------------------


def test_the_parser_reads_comments_prompts_continuations_and_pipes() -> None:
    text = """\
Some prose with `claimtrack list` inline: not an example.

```sh
# a whole-line comment
$ claimtrack add "A # is not a comment inside quotes" \\
    --tag x        # but this is
claimtrack list --format ids | claimtrack refute --from - --note 'denied'
claimtrack list | head -1
python3 -m venv .venv && .venv/bin/claimtrack init --seed && .venv/bin/claimtrack list
pip install '.[test]'
claimtrack show 999   # fails (exit 1): no such claim
claimtrack show 998   # fails: no such claim either
claimtrack db copy "$CLAIMTRACK_DB" out.db
```

    claimtrack sources
"""
    blocks = parse_blocks(text)
    assert [(b.line, len(b.examples)) for b in blocks] == [(3, 7), (16, 1)]
    add, refute, head, venv, show, show2, copy = blocks[0].examples
    assert (add.line, add.runs, add.exit_code) == (
        5,
        ((("add", "A # is not a comment inside quotes", "--tag", "x"),),),
        0,
    )
    assert refute.runs == ((("list", "--format", "ids"), ("refute", "--from", "-", "--note", "denied")),)
    assert head.runs == ((("list",),),) and head.shown == "claimtrack list | head -1"
    assert venv.runs == (((("init", "--seed"),)), (("list",),)) and not venv.unsupported
    assert (show.exit_code, show2.exit_code) == (1, 1)
    assert copy.unsupported and copy.shown == 'claimtrack db copy "$CLAIMTRACK_DB" out.db'
    assert blocks[1].examples[0].runs == ((("sources",),),)


# ---- the README ---------------------------------------------------------------------------------


def test_the_readme_shows_examples_in_many_blocks() -> None:
    examples = [e for b in BLOCKS for e in b.examples]
    assert len(BLOCKS) >= 10 and len(examples) >= 40, [b.heading for b in BLOCKS]


def test_every_listed_exception_is_still_in_the_readme() -> None:
    shown = {e.shown for b in BLOCKS for e in b.examples}
    assert set(OFFLINE) <= shown, set(OFFLINE) - shown


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder to work in, holding the files the README's examples read."""
    folder = tmp_path / "work"
    (folder / "data").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "seed-article.txt", folder / "data" / "seed-article.txt")
    (folder / "news.md").write_text(NEWS, encoding="utf-8")
    (folder / "article.html").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize("block", BLOCKS, ids=_block_id)
def test_readme_block_runs_on_the_seed(
    block: Block, seeded: Callable[..., Run], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimtrack.cli.extract.interactive", lambda: True)  # a --review quits at once
    monkeypatch.setattr("claimtrack.cli.match._interactive", lambda: True)
    monkeypatch.setenv("EDITOR", "true")  # edit: the form saved as it was, so nothing changes
    monkeypatch.setattr("shellingham.detect_shell", lambda *_a, **_k: ("bash", "/bin/bash"))  # --install-completion
    monkeypatch.delenv("VISUAL", raising=False)
    for example in block.examples:
        where = f"README.md line {example.line}: {example.shown}"
        if example.shown in OFFLINE:
            continue
        assert not example.unsupported, f"{where}: {example.unsupported}; list it in OFFLINE with why"
        last = (len(example.runs) - 1, len(example.runs[-1]) - 1)
        for p, pipeline in enumerate(example.runs):
            fed: str | None = None
            for s, argv in enumerate(pipeline):
                answers = "q\n" if "--review" in argv else None
                result = seeded(*argv, input=fed if fed is not None else answers)
                expected = example.exit_code if (p, s) == last else 0
                assert result.exit_code == expected, f"{where}\nexit {result.exit_code}\n{result.stderr}"
                fed = result.stdout


def test_the_tour_confirms_and_shows_the_claim_it_adds(seeded: Callable[..., Run]) -> None:
    """The tour adds a claim, then confirms and shows it by id. When the seed grew to 30 claims the
    tour kept saying ``confirm 30``, which confirmed the seed's claim 30 instead (and still ran)."""
    tour = next(b for b in BLOCKS if b.heading == "A short tour")
    argvs = [run for e in tour.examples for pipeline in e.runs for run in pipeline]
    add = next(argv for argv in argvs if argv[0] == "add")
    added = seeded(*add)
    assert added.exit_code == 0, added.stderr
    new = re.search(r"Added claim (\d+)\.", added.stderr)
    assert new, added.stderr
    named = [argv[1] for argv in argvs if argv[0] in ("confirm", "show") and len(argv) > 1]
    assert named and set(named) == {new.group(1)}, (named, new.group(1))
