"""What frames an article's text: who speaks for its own reporting, and lines that are never claims.

A wire story names its outlet in the dateline ("HOUSTON (Reuters) —"), a paper in the byline ("By
Kari Berg, The Northern Ledger") or a credit ("Live reporting by The Channel Post"); a press release
speaks for its issuer ("The press release issued by the Ministry of Transport", "Nordvolt Energy AB
today announced"); an opinion piece or an analysis for its author. Bylines, captions, "Read more"
and "Related" links, reporting credits and media contacts are the page's furniture: ``extract``
never proposes them as claims. A line naming a speaker above paragraphs ("Name, Title, Organisation:"
in a round-up, "Minister X said:" in a statement) gives those paragraphs their speaker. Rules about how news pages are laid out; nothing here knows an article.
"""

from __future__ import annotations

import re

from claimtrack import attribution as attr
from claimtrack.names import NAME, Names, person

FURNITURE = re.compile(
    rf"^\W{{0,3}}(?:By[^\S\n]+{NAME}(?:[^\S\n]+and[^\S\n]+{NAME})?(?:,[^.]*)?$"  # not "By March, ..."
    r"|(?:Photo|Picture|Image|Video|Watch|Listen|Caption)\s*:|Read\s+more(?:\s*:|\s+(?:here|at|about|on)\b|$)"
    r"|Related(?:\s+\w+){0,2}\s*:|See\s+also\s*:|More\s+on\s+this\b|(?:Media\s+|Press\s+)?[Cc]ontacts?\s*:"
    r"|For\s+(?:media|press)\s+enquiries\b|All\s+times\s+(?:are|stated)\b|Notes\s+to\s+editors\b"
    r"|This\s+(?:interview|article)\s+(?:was|has\s+been)\b|The\s+interview\s+has\s+been\s+edited\b)"
)
# A credit is a short line: "(Reporting by ...; Editing by ...)", "Live reporting by The Channel Post".
_CREDIT_LINE = re.compile(
    r"^\W{0,3}(?:(?:Additional\s+)?(?:Reporting|Writing|Editing)\s+by|Live\s+reporting\s+by|Published\s+by"
    r"|The\s+press\s+release\s+issued\s+by)\b"
)
_CREDIT = re.compile(r"\((?:[A-Z][\w .&'-]*/)?[A-Z][\w .&'-]*\)\s*$")  # "... (Reuters/Ana Ruiz)": a caption's
_BYLINE = re.compile(
    rf"^By[^\S\n]+(?P<author>{NAME})(?:[^\S\n]+and[^\S\n]+{NAME})?(?:,[^\S\n]+(?P<org>[^\n]+))?$", re.M
)
_CREDITED = re.compile(
    r"^(?:Live\s+reporting|Published)\s+by\s+(?:the\s+)?(?P<org>[A-Z][^,\n]{1,60}?)(?:,[^\n]*)?$", re.M
)
_ISSUED = re.compile(r"\bpress\s+release\s+issued\s+by\s+(?:the\s+)?(?P<org>[A-Z][^,\n]{1,60}?)\s+on\b")
_ANNOUNCES = re.compile(rf"^(?P<org>{NAME})\s+(?:today\s+)?(?:announced|confirmed|said)\b")
_OPINION = re.compile(r"^(?:Opinion|Analysis|Comment|Commentary|Column|Op-ed|Viewpoint|Perspective)\s*$", re.M | re.I)


def is_furniture(line: str) -> bool:
    """A byline, caption, link to more reading, credit or contact: never a claim."""
    line = line.strip()
    if FURNITURE.match(line) or (_CREDIT_LINE.match(line) and len(line.split()) <= (30 if line[:1] == "(" else 14)):
        return True
    return bool(_CREDIT.search(line)) and line.startswith(("(", "Photo"))


def is_caption(sentence: str) -> bool:
    """A photo caption's credit at the end of a paragraph: "(Reuters/Ana Ruiz)"."""
    return bool(re.fullmatch(r"\([A-Z][\w .&'-]*(?:/[^()]*)?\)\.?", sentence.strip()))


def issuer_of(text: str) -> str | None:
    """The issuer of a press release ("the company" in it is the issuer), else None."""
    issued = _ISSUED.search("\n".join(text.splitlines()[:6]))
    if issued:
        return issued.group("org").strip()
    dateline = attr.DATELINE.search(text)
    if dateline and dateline.group("wire"):
        first = _ANNOUNCES.match(text[dateline.end() :].lstrip())
        if first:
            return attr.speaker_of(first.group("org"), Names(""), loose=True)
    return None


def speaker_of_text(text: str) -> str | None:
    """Who speaks for the article's own statements: an opinion's author, a press release's issuer,
    the interview's outlet, the dateline's, the byline's or the credit's outlet."""
    head = "\n".join(text.splitlines()[:6])
    byline = _BYLINE.search(head)
    if byline and _OPINION.search(head):
        return byline.group("author")
    issuer = issuer_of(text)
    if issuer:
        return issuer
    dateline = attr.DATELINE.search(text)
    frame = attr.interview(text)
    if frame:
        return frame[0]
    if dateline and dateline.group("outlet"):
        return dateline.group("outlet").strip()
    org = byline.group("org") if byline else None
    if org and re.fullmatch(rf"(?:The\s+)?{NAME}", org.strip()):
        return org.strip()
    credited = _CREDITED.search(head)
    if credited:
        return credited.group("org").strip()
    told = attr.TOLD_OUTLET.search(text)
    return told.group("outlet").strip() if told else None


_LEAD_SAID = re.compile(r"^(?P<who>.+?)\s+(?:said|says|added|adds|told\s+\w+|wrote|writes)\s*:$")
_VERBISH = re.compile(r"\b(?:is|are|was|were|have|has|had|will|would|can|do|does|did)\b")  # a sentence, not a title
_LEAD_NAME = re.compile(rf"^(?P<who>{NAME}),\s+[^:]{{2,160}}:$")


def lead(line: str, names: Names) -> tuple[str, bool] | None:
    """The speaker a line introduces, and whether its unquoted paragraphs are theirs too: "Prof
    Helen Achebe, Professor of Tropical Medicine, University of Liverpool:" (a round-up: yes),
    "Minister Katrin Leitner said:" (quotations only)."""
    m = _LEAD_NAME.match(line)
    if m and " " in person(m.group("who")) and not _VERBISH.search(line[m.end("who") :]):
        return names.resolve(person(m.group("who"))), True
    m = _LEAD_SAID.match(line)
    if m:
        who = attr.speaker_of(m.group("who"), names)
        return (who, False) if who else None
    return None
