"""Who "she", "it" and "the company" are, and what was said in words that read on their own.

Reporters name a speaker once, then write "she said", "it said", "the company said". A personal
pronoun is the last *person* who spoke (named, or described: "the minister"); "the company" the
last business that spoke (not a ministry); "it" the last organisation and "they" the last
organisation or group, when only people spoke since (after a group or a name of no known kind,
"it" is unclear and left unresolved). Whether a name is a person
or an organisation the text says by how it introduces the name (``Evidence``, gathered by
``names.Names`` as it reads the names): a title before it ("Chief executive Marta Okonjo"), a
description between commas after it ("Jan de Vries, chief economist at ING," / "Goldman Sachs, the
investment bank,"), its surname used alone ("Okonjo said"), a body's or a business's word at its
end ("Harbourline Bank"). News introduces the people it quotes, so a name with no such sign is
"she" only when no person has spoken (the last named speaker, as before); an organisation never is.

``own_subject`` writes the speaker in place of a pronoun that opens what they said: "The company
said it would close two plants" -> "The company would close two plants", "its profit rose" ->
"Harbourline Bank's profit rose". A pronoun that may be someone else's ("it" after a person) or no
one's ("it was too early to say") stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimtrack.speechwords import BODIES, COMPANIES, ORG_ENDINGS, PEOPLE, TITLES, TRADES

PERSON, ORG, GROUP = "person", "organisation", "group"
UNNAMED = frozenset({"Unnamed media reports"})


@dataclass(slots=True)
class Evidence:
    """What the text says of its names: ``people`` and ``orgs`` by full name, and the capitalised
    words it uses on their own (a surname: "Okonjo said", "Ms Okonjo")."""

    people: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    alone: set[str] = field(default_factory=set)

    def describe(self, name: str, description: str) -> None:
        """``name, description,``: "a port spokesman", "chief economist at ING", "who heads ..." or
        "45" make a person; "the investment bank", "which owns ..." an organisation. The head noun
        decides (the last word before "at", "of", "whose" ...); a verb ("pledged that ...") says nothing."""
        words = re.findall(r"[a-z]+|\d+", description.lower())
        if description.strip().isdigit() or words[:1] in (["who"], ["whose"]):  # "Maria Costa, 45, said"
            self.people.add(name)
            return
        if words[:1] == ["which"]:
            self.orgs.add(name)
            return
        head = next((i for i, w in enumerate(words) if w in _AFTER_HEAD), len(words))
        if not 0 < head <= 6:
            return
        if words[head - 1] in PEOPLE:
            self.people.add(name)
        elif words[head - 1] in ORG_ENDINGS:
            self.orgs.add(name)


_AFTER_HEAD = frozenset("at of for in with from on who whose which that and to said says told".split())


# "Jan de Vries, chief economist at ING," / "Maria Costa, 45," / "Goldman Sachs, which ...": what a name is.
DESCRIBED = re.compile(r",[^\S\n]+(?P<what>[^\W_][^,.;:\n“”\"()]{0,100})[,.]")
WHICH = re.compile(r",[^\S\n]+which\s")  # "Raytheon, which makes the missile,": one word, an organisation
# A sentence's subject, a name the verb follows: "Chief financial officer Maria Lenz disagreed.",
# "Raytheon, which makes the missile, declined to comment."
SUBJECT = re.compile(
    r"^(?P<who>(?:[\w’'-]+\s+){0,5}?[A-Z][\w’'.-]*)(?:,[^,“”\"]{3,160},)?\s+(?:[a-z]+ed|is|was|were|are|did|does"
    r"|has|had|have|could|would|will|can|may|might|makes|made|took|won|lost|sold|bought|kept|left)\b"
)
_BEFORE = re.compile(r"([A-Za-z]+)\.?,?[^\S\n]+$")


def titled(run: str, text: str, start: int) -> bool:
    """Whether a title introduces the name ``run`` ("Agriculture Minister Taras Vovk", "... chief
    executive Marta Okonjo", "Norway's climate minister, Lars Haugen"), found at ``start`` in
    ``text`` (-1: inside a longer run, where nothing stands before it)."""
    words = run.split()
    if any(w.lower().rstrip(".") in TITLES for w in words[:-1]):
        return True
    last = _BEFORE.search(text[max(0, start - 30) : start]) if start >= 0 else None
    return last is not None and last.group(1).lower() in PEOPLE


_TRADE_BEFORE = re.compile(r"\b([a-z]+)[^\S\n]+$")


def trade(run: str, text: str, start: int) -> str | None:
    """The organisation a business's trade introduces ("Steelmaker Nordwerk" at a sentence's start,
    "German carmaker Volvo", "investment bank Goldman Sachs"): "Nordwerk", "Volvo", "Goldman Sachs"."""
    words = run.split()
    if len(words) > 1 and words[0].lower() in TRADES:
        return " ".join(words[1:])
    before = _TRADE_BEFORE.search(text, max(0, start - 20), start) if start > 0 else None
    if before and (before.group(1) in TRADES or before.group(1) in ("company", "firm", "group", "bank")):
        return run
    return None


def _plural_of(word: str, nouns: frozenset[str]) -> bool:
    return word.endswith("s") and (word[:-1] in nouns or word[:-2] in nouns or word[:-3] + "y" in nouns)


def kind(speaker: str, evidence: Evidence, who: str = "") -> str | None:
    """PERSON, ORG or GROUP, or None when the text says nothing of what ``speaker`` is. ``who``: how
    the sentence named them ("Analysts at Nordic Securities" are a group, not the firm)."""
    head = _HEAD.match(who.lower())
    if head and (_plural_of(head.group(1), PEOPLE) or head.group(1) == "police"):
        return GROUP
    if speaker in evidence.orgs:
        return ORG
    if speaker in evidence.people:
        return PERSON
    if speaker in UNNAMED:
        return GROUP
    words = re.split(r"\s+(?:in|of|for|on)\s+", speaker)[0].split()  # "Officials in Seoul": officials
    last = words[-1].lower().rstrip(".")
    if last in ORG_ENDINGS or words[0] == "The" and len(words) > 1:  # "Harbourline Bank", "The Bell"
        return ORG
    described = all(w[1:] == w[1:].lower() for w in words) and all(w.islower() for w in words[1:])
    if described and last in PEOPLE:  # "Minister", "Senior official": a person described
        return PERSON
    if described and (_plural_of(last, PEOPLE) or _plural_of(last, ORG_ENDINGS) or last == "police"):
        return GROUP
    if len(words) > 1 and words == speaker.split() and words[-1] in evidence.alone:  # "Okonjo said"
        return PERSON
    return None


_HIMSELF = re.compile(r"(?:that\s+)?(?:he|she|his|her)\s")  # reported speech, lower case: not a quote's "He"
_HEAD = re.compile(r"^(?:[\w’'-]+\s+){0,2}?([a-z]+)\s+(?:at|from|of|with|in)\s")
# Public bodies: "the company" is never one of them ("The energy ministry said ..." then "the firm said").
_PUBLIC = BODIES - COMPANIES - {"operator", "consultancy", "club"}


class Speakers:
    """Who spoke last, of each kind, for the pronouns after them."""

    def __init__(self, evidence: Evidence) -> None:
        self.evidence = evidence
        self.person: str | None = None  # "he", "she", "her office": the last person
        self.company: str | None = None  # "the company": the last business
        self.recent: list[tuple[str, str | None]] = []  # the last few speakers and their kinds, newest last

    def spoke(self, speaker: str, who: str = "", said: str = "") -> str | None:
        """Note that ``speaker`` (named ``who``) spoke ``said``; its kind. "Tomas Berg said he would
        retire" tells that Tomas Berg, a name the text said nothing of, is a person."""
        found = kind(speaker, self.evidence, who)
        if found is None and _HIMSELF.match(said) and _FULL_NAME.fullmatch(speaker):
            self.evidence.people.add(speaker)
            found = PERSON
        if found == PERSON:
            self.person = speaker
        elif found == ORG and speaker.split()[-1].lower() not in _PUBLIC:
            self.company = speaker
        self.recent = [*self.recent[-7:], (speaker, found)]
        return found

    def mentioned(self, speaker: str, who: str = "") -> None:
        """``speaker`` (named ``who``) opened a sentence without speaking ("Chief financial officer Maria
        Lenz disagreed.", "Raytheon, which makes the missile, declined to comment."): when the text says
        what they are, the nearest person for "she", or organisation for "it" and "the company"."""
        found = kind(speaker, self.evidence, who)
        if found not in (PERSON, ORG):
            return
        if found == PERSON:
            self.person = speaker
        elif speaker.split()[-1].lower() not in _PUBLIC:
            self.company = speaker
        self.recent = [*self.recent[-7:], (speaker, found)]

    def it(self, plural: bool = False) -> str | None:
        """ "it" (``plural``: "they"): the last organisation (or group) that spoke, unless something
        else that is not a person (an unknown name, a group for "it") spoke after it."""
        for speaker, found in reversed(self.recent):
            if found != PERSON:
                return speaker if found == ORG or plural and found == GROUP else None
        return None


# A pronoun opening a clause; then what follows it. "It's", "she'd": contractions are left alone.
_OPENING = re.compile(r"^(?P<p>It|They|He|She|Its|Their|His|Her)(?![\w’'])(?P<rest>\s+\S.*)$", re.S)
# "it" that is no one: "it was too early to say", "it would take years", "it remains unclear".
_NO_ONE = re.compile(
    r"^\s+(?:(?:is|was|remains|remained|seems|seemed|appears|appeared)(?!\s+\w+ing\b)"
    r"|(?:would|will|could|might|may|should|must)(?:\s+not)?\s+(?:be|take|seem|appear|remain)\b"
    r"|takes|took|has\s+been|had\s+been)\b"
)
_POSSESSIVE = ("Its", "Their", "His", "Her")
_OTHER = {"He": ("she",), "His": ("she",), "She": ("he",), "Her": ("he",)}
_FITS = {"It": (ORG,), "Its": (ORG,), "They": (ORG, GROUP), "Their": (ORG, GROUP)}
_FULL_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[a-z]+\s+)*[A-Z][\w’'.-]*)+")
_QUANTIFIER = re.compile(r"^(?:the|a|an|some|many|several|most|other|few|two|three|four|both)\s+", re.I)


def own_subject(text: str, speaker: str, found: str | None, who: str, apostrophe: str = "’") -> str:
    """``text`` (a claim) with an opening pronoun that is ``speaker`` (of kind ``found``, named as
    ``who`` in the sentence) written as the speaker: their name, or the words that described them."""
    m = _OPENING.match(text)
    if not m:
        return text
    pronoun, rest = m.group("p"), m.group("rest")
    fits = _FITS.get(pronoun, (PERSON, None))  # "he"/"she": a person, or a name the text says nothing of
    if found not in fits or (pronoun == "It" and _NO_ONE.match(rest)):
        return text
    if who.lower() in _OTHER.get(pronoun, ()):  # "He would resign, she said": he is someone else
        return text
    who = re.sub(r"\s+(?:today|yesterday|also|now|again|earlier|later)$", "", who.strip())
    if found is None and not _FULL_NAME.fullmatch(speaker):
        return text  # of a name the text says nothing of, only a person's full name is "he" or "she"
    plain = _QUANTIFIER.sub("", who).lower()
    described = plain == speaker.lower() or found == GROUP and plain.endswith(f" {speaker.lower()}")
    name = who[:1].upper() + who[1:] if described and who else speaker  # "The company", "Analysts at X"
    if name == speaker and (speaker.lower() in BODIES or speaker.lower() in COMPANIES):
        name = f"The {speaker.lower()}"  # "a spokesman for the federation said it ...": the federation
    if pronoun in _POSSESSIVE:
        name += f"{apostrophe}s"
    return name + rest
