"""From an article to candidate claims: sentences, check-worthiness, speaker, hedging, quote.

``candidates(text)`` proposes each checkable statement of a text as a ``Candidate``: its quote
(the text's exact words, a substring of ``text``), a standalone claim text, the speaker
(``attribution``), and a confidence from the speaker's hedging (``hedging``), as an ICD 203 phrase ``add``
understands. The rules are the seed's (data/seed.sql, "CONFIDENCE"): a hedge maps to its band
("most likely", "a good chance", "generally speaking" -> likely; "might", "could" -> roughly even
chance; "does not believe this likely" -> unlikely); an unhedged statement of a dated event is
almost certain, any other unhedged statement very likely; a pledge is not assessed.

Skipped: headings, questions, lead-ins ending in a colon, the sentence that frames an interview,
and what ``checkworthy`` finds nothing to check in (opinion, wishes, duties, asides). Rules only: no model, no
download, nothing printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack import articleframe, checkworthy, referents
from claimtrack import attribution as attr
from claimtrack.hedging import PAST as _PAST
from claimtrack.hedging import confidence, hedge
from claimtrack.names import NAME, RUN, Names, person
from claimtrack.sentences import dateline_end, is_heading, paragraphs, sentences

DEFAULT_OUTLET = "Unknown outlet"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed claim. ``confidence`` is an ICD 203 phrase, or None (not assessed)."""

    text: str
    quote: str
    source: str
    confidence: str | None
    start: int  # where the quote starts in the text
    how: str  # how the speaker was found: "said", "according to", "interview", "outlet"...


# ---- check-worthiness ------------------------------------------------------------------

_DISCOURSE = re.compile(
    r"^(?:(?:However|Firstly|Secondly|Thirdly|Finally|Moreover|Meanwhile|Still|Also|Indeed|Traditionally"
    r"|Generally speaking|On the other hand|In return|By contrast|For example|In fact|Now, though|Now),\s+)+"
)


_OPINION = re.compile(
    r"^(?:it|this|that|these|those)(?:\s+(?:is|was|are|were)|[’']s)(?:\s+(?:a|an|so|very|really|quite|just|such|absolutely))*"
    r"(?:\s+\w+){1,2}[.!]?$",
    re.I,
)


def check_worthy(quote: str, sentence: str | None = None, speaker: bool = False) -> bool:
    """A statement with something to check (``checkworthy.checkable``: a number, a date, a past
    event, a record, what a named person or body did; an estimate; a named speaker's pledge), not a
    bare verdict ("It is a disgrace."), a question or a fragment. ``speaker``: said by a named
    speaker, not in the text's own voice."""
    bare = quote.strip(' “”"‘’')
    if len(re.findall(r"\w+", bare)) < 4 or bare.endswith(("?", ":")) or _OPINION.match(bare):
        return False
    return checkworthy.checkable(bare, sentence, hedge(bare) is not None, speaker)


def standalone(quote: str, pledge: bool = False) -> str:
    """The quote as a claim on its own: no enclosing quotation marks or opening connective, a
    capital first letter and a full stop; a pledge's "would" as "will"."""
    text = quote.strip()
    if text[:1] in '“"' and text[-1:] in '”"':
        text = text[1:-1].strip()
    text = _unpaired_marks(text)
    text = _DISCOURSE.sub("", text)
    text = re.sub(r"[,;:]$", "", text).strip()
    if pledge:
        text = re.sub(r"\bwould\b", "will", text, count=1)
    if text and not text.endswith((".", "!", "”", '"')):
        text += "."
    return text[:1].upper() + text[1:]


def _unpaired_marks(text: str) -> str:
    """Without a quotation mark left open at its start or closed at its end: the first or last
    sentence of a quote of several sentences (``"The rules are narrower.`` / ``... by 2028."``)."""
    if text[:1] == "“" and "”" not in text or text[:1] == '"' and text.count('"') % 2:
        text = text[1:].lstrip()
    if text[-1:] == "”" and "“" not in text or text[-1:] == '"' and text.count('"') % 2:
        text = text[:-1].rstrip()
    return text


# ---- candidates ---------------------------------------------------------------------------------------

_QA = re.compile(r"^(?:(?P<q>Q|Question)|(?P<a>A|Answer)|(?P<name>" + NAME + r"))\s*:\s+")
_CONTRAST = re.compile(r"^(?P<a>.+?),\s+but\s+(?P<b>.+)$", re.S)
_CONCESSION = re.compile(r",\s+(?P<conj>even\s+though|although|though)\s+(?=\w)")
_POSSESSIVE = re.compile(r"\b(?:his|her)\s+(?:office|spokes|aide|team|lawyer)")
_BUT = re.compile(r",\s+but\s+")
_PARENTHESIS = re.compile(r"\((?P<inner>[^()]{20,})\)")
_PREPOSITION = re.compile(r"^(?:on|about|of|to|for)\b")


class _Reader:
    """What reading a text so far has established: the outlet, the interview, the last speakers."""

    def __init__(self, text: str, outlet: str | None) -> None:
        self.text = text
        self.names = Names(text)
        self.outlet = outlet or articleframe.speaker_of_text(text) or DEFAULT_OUTLET
        self.lead: str | None = None  # named on a line above the paragraphs that follow ("Name, Title:")
        self.names.issuer = articleframe.issuer_of(text)
        self.lead_any = False  # whether the lead speaks the unquoted paragraphs too (a round-up's answers)
        self.interviewee: str | None = None  # set while inside an interview, up to the next heading
        self.frame = attr.interview(text)
        self.last_speaker: str | None = None
        self.current = ""  # the sentence being read
        self.subject: tuple[str, str | None, str] | None = None  # its speaker, their kind, as it names them
        self.apostrophe = "’" if "’" in text else "'"
        self.found: list[Candidate] = []
        self._seen: set[tuple[int, str]] = set()  # (start, quote) of each found: a lookup, not a scan

    def add(
        self, a: int, b: int, source: str, how: str, conf: str | None, text: str | None = None, pledge: bool = False
    ) -> None:
        a, b = _trim(self.text, a, b)
        quote = self.text[a:b]
        if b <= a or not check_worthy(quote, self.current, how != "outlet") or (a, quote) in self._seen:
            return
        self._seen.add((a, quote))
        text = text or standalone(quote, pledge)
        quoted = self.text[a - 1 : a] in ("“", '"')  # in a quote the speaker is "we": its "it" is someone else
        if self.subject and self.subject[0] == source and not quoted:  # "The company said it would": it is the company
            text = referents.own_subject(text, *self.subject, apostrophe=self.apostrophe)
        self.found.append(Candidate(text, quote, source, conf, a, how))

    def speaks(self, speaker: str, who: str | None = None, said: str = "") -> None:
        """``speaker`` spoke ``said`` (named ``who`` in the sentence: what takes the place of their pronoun)."""
        self.last_speaker = speaker
        found = self.names.spoke(speaker, self.outlet, who or "", said)
        self.subject = (speaker, found, who) if who is not None else None

    def sentence(self, a: int, b: int, forced: str | None = None) -> None:
        s = self.current = self.text[a:b]
        self.subject = None
        dateline = attr.DATELINE.match(s)
        if dateline:
            a, s = a + dateline.end(), s[dateline.end() :].lstrip()
            a = b - len(s)
        if s.rstrip('”"’) ').endswith("?") or s.rstrip().endswith(":") or articleframe.is_caption(s):
            return
        self.names.in_sentence = None
        if _POSSESSIVE.search(s):  # "..., her office said": whose office is the last full name before it
            full = [person(m.group()) for m in RUN.finditer(s)]
            self.names.in_sentence = next((n for n in reversed(full) if " " in n), None)
        asker = False  # a statement in a question ("Q: Farmers say ...") is the interviewer's, not the answer's
        if self.frame and any(p.search(s) for p in attr.INTERVIEW):
            self.interviewee = self.names.resolve(self.frame[1])
            self.speaks(self.interviewee)
            return
        qa = _QA.match(s)
        if qa and (qa.group("q") or qa.group("a") or self._known(qa.group("name"))):
            asker = bool(qa.group("q"))
            name = qa.group("name")
            who = self.interviewee if qa.group("a") else self.names.resolve(name) if name else None
            if who and not asker:
                forced = who
            a, s = a + qa.end(), s[qa.end() :]
        report = attr.REPORTED.search(s)
        if report:
            rest = report.group("rest")
            self.add(a + report.start("rest"), a + report.end("rest"), attr.UNNAMED_MEDIA, "report", confidence(rest))
            return
        if self._contrast(a, s):
            return
        found = None if forced else attr.attribute(s, self.names)
        if found and found.how == "pledge" and found.speaker != self.outlet:
            self._pledge(a, b, s, found)
            return
        if found:
            self.speaks(found.speaker, found.who, s[found.start : found.end])
            start, end = found.start, found.end
            if _PREPOSITION.match(s[start:end]):  # "have reported on growing cooperation": the whole sentence
                start, end = 0, len(s)
            said = s[start:end]
            conf = confidence(said, found.negated)
            if found.verb in ("expects", "expect", "expected") and hedge(said) is None:
                conf = "likely"
            if found.verb in ("doubt", "doubts") and not found.negated:
                conf = "unlikely"
            self._with_clauses(a + start, a + end, found.speaker, found.how, conf)
            if found.added:  # "..., she said, adding that Y": Y is hers too
                more = s[found.added[0] : found.added[1]]
                self._with_clauses(a + found.added[0], a + found.added[1], found.speaker, found.how, confidence(more))
            return
        if forced:
            who, how = forced, "interview answer"
        elif s.lstrip().startswith(("“", '"')) and self.last_speaker:
            who, how = self.last_speaker, "quote"
        elif self.interviewee and not asker:
            who, how = self.interviewee, "interview"
        else:
            who, how = self.outlet, "outlet"
        self._with_clauses(a, a + len(s), who, how, confidence(s))
        subject = referents.SUBJECT.match(s)  # "Maria Lenz disagreed.": she is the nearest person now
        named = attr.speaker_of(subject.group("who"), self.names) if subject else None
        if subject and named:
            self.names.speakers.mentioned(named, subject.group("who"))

    def _known(self, name: str | None) -> bool:
        return (
            name is not None
            and name != ""
            and (name in (self.outlet, self.interviewee) or self.names.resolve(name) in self.names.known)
        )

    def _contrast(self, a: int, s: str) -> bool:
        """ "X fear Y could happen, but Z does not believe this likely": X's claim, and Z's view of it."""
        m = _CONTRAST.match(s)
        if not m:
            return False
        first, second = attr.attribute(m.group("a"), self.names), attr.attribute(m.group("b"), self.names)
        if not first or not second or first.speaker == second.speaker:
            return False
        said = m.group("a")[first.start : first.end]
        self.add(a, a + m.end("a"), first.speaker, first.how, confidence(said, first.negated), standalone(said))
        self.speaks(second.speaker)
        self.add(a, a + len(s), second.speaker, second.how, confidence(s, second.negated), standalone(said))
        return True

    def _pledge(self, a: int, b: int, s: str, found: attr.Attribution) -> None:
        """ "X promised that Y": that X promised is the outlet's report of a fact; Y is X's pledge."""
        self.speaks(found.speaker, found.who, s[found.start : found.end])
        reported = s[: found.appos[0]] + s[found.appos[1] :] if found.appos else s
        self.add(a, b, self.interviewee or self.outlet, "report of a pledge", "almost certain", standalone(reported))
        start, end = a + found.start, a + found.end
        quoted = re.search(r"“([^”]+)”|\"([^\"]+)\"", s[found.start : found.end])
        text = standalone(s[found.start : found.end].replace("“", "").replace("”", ""), pledge=True)
        if quoted:
            start, end = (
                start + quoted.start(1 if quoted.group(1) else 2),
                start + quoted.end(1 if quoted.group(1) else 2),
            )
        self.add(start, end, found.speaker, "pledge", None, text)

    def _with_clauses(self, a: int, b: int, who: str, how: str, conf: str) -> None:
        """The statement, and as claims of their own a concession ("even though ...") and a
        parenthesis that holds a clause of its own."""
        quote = self.text[a:b]
        concession = _CONCESSION.search(quote)
        but = _BUT.search(quote)
        if but and len(quote[: but.start()].split()) >= 4 and len(quote[but.end() :].split()) >= 4:
            first, second = quote[: but.start()], quote[but.end() :]
            if hedge(first) and hedge(second) and hedge(first) != hedge(second):
                self.add(a, a + but.start(), who, how, confidence(first))
                self.add(a + but.end(), b, who, how, confidence(second))
                return
        if concession and len(quote[: concession.start()].split()) >= 4:
            self.add(a, a + concession.start(), who, how, confidence(quote[: concession.start()]))
            rest = quote[concession.start("conj") :]
            self.add(a + concession.start("conj"), b, who, how, confidence(rest), standalone(quote[concession.end() :]))
        else:
            self.add(a, b, who, how, conf)
        for inner in _PARENTHESIS.finditer(quote):
            clause = inner.group("inner")
            if len(clause.split()) >= 5 and _PAST.search(clause) or re.search(r"\b(?:is|are|has|have)\b", clause):
                self.add(a + inner.start("inner"), a + inner.end("inner"), who, how, confidence(clause))


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """A quote's span without surrounding spaces, a trailing comma, or quotation marks that enclose it."""
    while True:
        before = (a, b)
        while a < b and text[a].isspace():
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if (
            b - a > 2
            and text[a] in '“"'
            and text[b - 1] in '”"'
            and text.count("“", a + 1, b - 1) == text.count("”", a + 1, b - 1)
        ):
            a, b = a + 1, b - 1
        elif b - a > 2 and text[a] in '“"' and text[b - 2 : b] in (",”", ".”") and "”" not in text[a : b - 1]:
            a, b = a + 1, b - 1
        if (a, b) == before:
            return a, b


def candidates(text: str, outlet: str | None = None) -> list[Candidate]:
    """The candidate claims of ``text`` (an article, one paragraph a line), in reading order.

    ``outlet``: the publication, for its own unattributed reporting (default: the name the text
    gives itself: ``articleframe.speaker_of_text``, else ``DEFAULT_OUTLET``)."""
    reader = _Reader(text, outlet)
    for pa, pb in paragraphs(text):
        pa = dateline_end(text, pa, pb)  # "WASHINGTON, Jan. 5 — ": where and when, never a claim's words
        line = text[pa:pb].strip()
        if articleframe.is_furniture(line) or is_heading(line):
            if not articleframe.is_furniture(line):
                reader.interviewee = None  # a heading ends an interview: the outlet speaks again
            reader.lead = None
            continue
        lead = (
            articleframe.lead(line, reader.names) if line.endswith(":") and len(sentences(text, pa, pb)) == 1 else None
        )
        if lead:
            reader.lead, reader.lead_any = lead
            continue
        if reader.lead and (reader.lead_any or line.startswith(("“", '"'))):
            for a, b in sentences(text, pa, pb):
                reader.sentence(a, b, forced=reader.lead)
            continue
        reader.lead = None
        pending: list[tuple[int, int]] = []  # sentences of a quotation still open
        still_open = 0  # opening less closing quotation marks in the pending sentences (counted once each)
        for a, b in sentences(text, pa, pb):
            s = text[a:b]
            if pending or (s.count("“") > s.count("”")):
                pending.append((a, b))
                still_open += s.count("“") - s.count("”")
                if still_open > 0:
                    continue
                still_open = 0
                last = pending[-1]
                reader.sentence(*last)
                who = reader.last_speaker
                for pa_, pb_ in pending[:-1]:
                    reader.sentence(pa_, pb_, forced=who)
                pending = []
                continue
            reader.sentence(a, b)
        for a, b in pending:
            reader.sentence(a, b)
    return sorted(reader.found, key=lambda c: c.start)
