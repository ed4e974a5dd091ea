"""Who a text names: each run of capitalised words, its full form, and what the text says it is.

``Names`` reads a text once for its names, to read "Lankov" as "Andrei Lankov", and "she", "it"
and "the company" as the last person, organisation or business that spoke (``referents``);
``person`` takes the title or trade off a name ("Chief executive Marta Okonjo" is Marta Okonjo,
"Steelmaker Nordwerk" is Nordwerk). Split out of ``attribution``, which finds who said what.
"""

from __future__ import annotations

import re

from claimtrack import referents
from claimtrack.speechwords import BODIES, NOT_NAMES, TITLES, TRADES

# A name: capitalised words ("Kim Yo-Jong", "Maria de Vries"), lower-case particles allowed inside.
_CAP = r"[A-Z][\w’'.-]*"
# Words of a name are on one line: a name never runs on into the next paragraph.
NAME = rf"{_CAP}(?:[^\S\n]+(?:(?:de|van|von|der|den|al|bin|da|di|le|la|del|du|dos)[^\S\n]+)*{_CAP})*"
RUN = re.compile(rf"\b{NAME}")
LEGAL = re.compile(r"\s+(?:AB|ASA|AG|GmbH|Inc\.?|Ltd\.?|plc|PLC|SA|S\.A\.|NV|LLC)$")
_PERSON = re.compile(rf"^{NAME}$")


def person(name: str) -> str:
    """A name without the title or trade before it or a possessive after it: "Prime Minister Claire
    Fontaine" -> "Claire Fontaine", "President William Ruto's" -> "William Ruto", "Steelmaker Nordwerk" -> "Nordwerk"."""
    words = re.sub(r"[’']s$", "", name.strip()).split()
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    if len(words) > 1 and words[0].lower() in TRADES:  # "Steelmaker Nordwerk": Nordwerk
        words = words[1:]
    titled = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES]
    if titled:
        words = words[titled[-1] + 1 :]
    return " ".join(words)


class Names:
    """The people and groups a text names, to read "Lankov" as "Andrei Lankov" and "she" as the last person."""

    def __init__(self, text: str) -> None:
        # In the order named (a dict, so that a long text's thousand names are not each looked
        # for in a list); ``by_last``: each surname's first full name, the one ``resolve`` gives.
        names: dict[str, None] = {}
        self.by_last: dict[str, str] = {}
        self.evidence = evidence = referents.Evidence()  # what the text says each name is
        for match in RUN.finditer(text):
            runs = re.split(r"(?<=\w\w)\.\s+", match.group())  # "AgroScope. Nadia Ferreira": two names
            full = single = ""
            for i, run in enumerate(runs):
                org = referents.trade(run, text, match.start() if i == 0 else -1)
                if org:  # "Steelmaker Nordwerk", "carmaker Volvo": an organisation
                    evidence.orgs.add(LEGAL.sub("", person(org)))
                words = person(run).split()
                if len(words) < 2:
                    evidence.alone.update(words)  # "Okonjo said", "Mr. Bakker": a surname used alone
                    full, single = "", " ".join(words)
                    continue
                full, single = " ".join(words), ""
                if full not in names:
                    names[full] = None
                    for last in (words[-1], words[-1].rstrip("’'s")):
                        self.by_last.setdefault(last, full)
                if full in evidence.people:
                    continue
                if referents.titled(run, text, match.start() if i == 0 else -1):
                    evidence.people.add(full)
                elif LEGAL.search(run):
                    evidence.orgs.add(LEGAL.sub("", full))
            if full and full not in evidence.people and full not in evidence.orgs:
                after = referents.DESCRIBED.match(text, match.end())  # "Jan de Vries, chief economist at ING,"
                if after:
                    evidence.describe(full, after.group("what"))
            elif single and single not in NOT_NAMES and referents.WHICH.match(text, match.end()):
                evidence.orgs.add(single)  # "Raytheon, which makes the missile,": an organisation
        self.full = list(names)
        self.known = frozenset(names)
        self.speakers = referents.Speakers(evidence)  # the last person, organisation, group that spoke
        self.last_person: str | None = None  # the last named speaker not known to be an organisation
        self.in_sentence: str | None = None  # the last full name in the sentence read ("her office said")
        self.groups: dict[str, str] = {}  # "ministry" -> the last ministry that spoke ("the ministry said")
        self.issuer: str | None = None  # a press release's issuer: "the company" when no other spoke

    def resolve(self, name: str) -> str:
        """The full form of a short name ("Lankov" -> "Andrei Lankov"), else the name."""
        if " " not in name:
            return self.by_last.get(name, name)
        return name

    def spoke(self, speaker: str, outlet: str, who: str = "", said: str = "") -> str | None:
        """``speaker`` (named ``who``) spoke ``said``: "the ministry", "she", "it" may be them from now on.
        Their kind."""
        for word in speaker.lower().split():
            if word in BODIES:
                self.groups[word] = speaker
        found = self.speakers.spoke(speaker, who, said)
        if found != referents.ORG and _PERSON.match(speaker) and speaker != outlet and " " in speaker.strip():
            self.last_person = speaker
        return found
