"""Who said it: the speaker of a sentence, found by the phrases reporters use to attribute.

Rules, not a model: "X said" (before, after or inside the sentence), "according to X", a belief
verb ("X believes", "X feels", "X fears"), a pledge ("X promised that"), "X told The Bell", a
story or report cited without a name ("a story that ..."), a pronoun ("she said", "it said")
taken as the last person or organisation that spoke (``referents``), and the frame of an
interview ("The Bell discussed this with Andrei Lankov").
A short name ("Lankov") is read as the full name the text gave earlier ("Andrei Lankov"), so one
speaker is one source. Nothing here knows any article: every rule is about how news is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.names import LEGAL as _LEGAL
from claimtrack.names import NAME, Names, person
from claimtrack.speechwords import BODIES, COMPANIES, NOT_NAMES, PEOPLE, SPEECH, TITLES

PLEDGE = ("promised", "promises", "pledged", "pledges", "vowed", "vows", "swore", "swears", "threatened", "threatens")
_VERB = "|".join((*SPEECH, *PLEDGE))
_VERBS = frozenset((*SPEECH, *PLEDGE))
_LOWER_WORD = re.compile(r"\b[a-z]+\b")  # a verb of the patterns stands as a word of its own
_NEG = r"(?:(?:does|do|did)\s+not|doesn[’']t|don[’']t|didn[’']t)"
# When, between the verb and what was said: "said on Tuesday that", "promised last month that".
_WHEN = (
    r"(?:\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z][a-z]+\.?\s+\d{1,2})"
    r"|(?:last|this|earlier\s+this)\s+(?:week|month|year|night|morning)|yesterday|today))?"
)
# How, between the verb and what was said: "said in a statement", "warned in its budget papers".
_IN = (
    r"(?:\s+in\s+(?:a|an|its|his|her|their)\s+(?:written\s+)?(?:statement|(?:news\s+|press\s+)?release|report|letter"
    r"|(?:blog\s+)?post|budget\s+papers|(?:research\s+|client\s+)?note|interview|e-?mail|speech|filing))?"
)
# Where, after a trailing attribution: "told reporters in Kyiv", "told reporters outside the plenary hall".
_WHERE = r"(?:\s+(?:in|at|from|outside|during|after)(?:\s+(?!that\b)[\w’'-]+){1,5}?)?"
# At a sentence's end, "on" too: "told reporters on a conference call." (not before what was said:
# "have reported on growing cooperation" is what they reported).
_WHERE_END = r"(?:\s+(?:in|at|from|outside|during|after|on)(?:\s+(?!that\b)[\w’'-]+){1,5}?)?"
# In LEADING, a "where" that runs to "that" is taken whole: "said on a visit to Busan that ...".
_WHERE_THAT = r"(?:\s+(?:in|at|from|outside|during|after|on|while)(?:\s+(?!that\b)[\w’'-]+){1,8}?(?=\s+that\b))"
# What leads a sentence before its speaker: "On Tuesday,", "Speaking to reporters in Kyiv,", "In a statement,".
_LEAD = (
    r"(?:(?:On|Last|Earlier|Later|This|In|At|During|After|Before|Asked|Speaking|Talking|Writing|Responding"
    r"|Commenting|Addressing|Interviewed|Separately|Meanwhile|However|But|Still|Yet)\b[^,“”\"\n]{0,100}?,\s+)"
)
# ", adding that the backlog would clear by May": a second statement by the same speaker.
_ADDING = r"(?:,\s+(?:adding|and\s+added)\s+(?:that\s+)?(?P<added>[^“”\"]+?))?"
# Whom a speaker told, besides the press: "told lawmakers", "told a parliamentary committee", "told state
# television", "told a Senate hearing", "told the court" (a few words before the noun, none a pronoun or "that").
_AUDIENCE = (
    r"(?:(?:a|an|the|its|his|her|their|our)\s+)?(?:(?!(?:that|the|a|an|me|him|us|them|you|it)\b)[\w’'-]+\s+){0,3}?"
    r"(?:lawmakers|legislators|parliamentarians|MPs|senators|congressmen|deputies|parliament|congress|investors"
    r"|analysts|shareholders|bondholders|creditors|delegates|supporters|voters|students|employees|staff|workers"
    r"|members|residents|diplomats|donors|court|jury|judges?|(?:sub)?committee|hearing|panel|conference|summit"
    r"|meeting|forum|audience|crowd|rally|gathering|assembly|television|TV|radio|broadcaster|media|newspaper"
    r"|news\s+agency|podcast)s?\b"
)
_TOLD = (
    rf"(?:(?:(?<=told)|(?<=tells))\s+(?:reporters|journalists|the\s+press|{_AUDIENCE}(?:\s+of\s+(?:the\s+)?{NAME})?"
    rf"|(?:[a-z]+\s+){{0,3}}{NAME}"
    r"|(?:a|an|our|the)\s+(?:news\s+|press\s+)?(?:conference|briefing|reporter|correspondent)))?"
)  # told reporters / lawmakers / The Bell
_WHO = r"(?P<who>[A-Za-z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,7}?)"  # a short subject, no comma

# "..., Lankov said." / "..., said Lankov." (optionally "on Tuesday", "told reporters")
# '..., said port director Ingrid Solberg': a title in lower case before the name.
_TITLE = "|".join(sorted(TITLES))
# '..., the port authority said on Wednesday, after traffic fell 18%': the reporter's context, not what was said.
_CONTEXT = r"(?:,\s+(?:after|as|amid|following)\s+[^“”\"]+?)?"
TRAILING = re.compile(
    rf"^(?P<rest>.+?),?\s+(?:{_WHO}\s+(?:has\s+|have\s+|had\s+)?(?P<verb>{_VERB}){_TOLD}{_IN}{_WHEN}{_IN}{_WHERE_END}"
    rf"|said\s+(?:(?:[a-z]+\s+){{0,2}}(?:{_TITLE})\s+)?(?P<who2>{NAME})(?:,\s+[^“”\"]{{2,120}}?)?){_ADDING}{_CONTEXT}\s*[.!]?$",
    re.S,
)
# '"...," Jan de Vries, chief economist at ING, told reporters.' / '"...," the ministry's spokesman,
# Li Wei, said in a statement.': a quote, then who said it with a description between commas.
# Looked for in the sentence's last ``APPOS_TAIL`` characters only, where such an attribution ends
# (a quote's last comma, a short subject, its description, the verb and where): a sentence of a
# megabyte full of commas costs no more than a short one.
TRAILING_APPOS = re.compile(
    rf"(?<=[,”\"])\s+{_WHO},\s+(?P<appos>[^“”\"]{{2,160}}?),\s+(?:has\s+|have\s+|had\s+)?"
    rf"(?P<verb>{_VERB}){_TOLD}{_IN}{_WHEN}{_IN}{_WHERE_END}{_ADDING}\s*[.!]?$",
    re.S,
)
APPOS_TAIL = 400
# "Today, Lankov said, North Korea is ..."
MIDDLE = re.compile(
    rf"^(?P<lead>[^,]{{1,40}}),\s+{_WHO}\s+(?P<verb>said|says|believes|thinks|added),\s+(?P<rest>.+)$", re.S
)
# "Lankov feels there is ...", "Kim Yo-Jong, sister of ..., promised last month that ..."
LEADING = re.compile(
    rf"^{_LEAD}?{_WHO}(?P<appos>,[^,]{{3,160}},)?\s+(?:has\s+|have\s+|had\s+)?(?P<neg>{_NEG}\s+)?(?P<verb>{_VERB}){_TOLD}{_IN}(?:{_WHERE_THAT}|{_WHERE}){_IN}{_WHEN}"
    rf"(?:\s*[,:])?\s+(?:that\s+)?(?P<rest>.+)$",
    re.S,
)
# "..., data from the statistics office showed on Friday." / "Figures from X showed that ...": X's numbers.
_DATA = r"(?:[Dd]ata|[Ff]igures|[Ss]tatistics|[Nn]umbers|[Ee]stimates|[Aa]\s+survey|[Aa]\s+poll)"
_SHOWED = r"(?:showed|shows|show|indicated|indicate|suggested|suggest)(?:\s+on\s+[A-Z][a-z]+)?"
_DATA_VERB = re.compile(r"\b(?:show|indicate|suggest)")  # none of these: neither pattern is tried
DATA_LAST = re.compile(
    rf"^(?P<rest>.+?),?\s+(?:the\s+)?{_DATA}\s+(?:from|by|of|published\s+by|released\s+by)\s+(?P<who>[^,.;“”\"]{{2,80}}?)"
    rf"\s+{_SHOWED}\s*[.!]?$",
    re.S,
)
DATA_FIRST = re.compile(
    rf"^{_LEAD}?(?:The\s+)?{_DATA}\s+(?:from|by|of|published\s+by|released\s+by)\s+(?P<who>[^,.;“”\"]{{2,80}}?)"
    rf"\s+{_SHOWED}\s+(?:that\s+)?(?P<rest>.+)$",
    re.S,
)
ACCORDING_FIRST = re.compile(r"^According\s+to\s+(?P<who>[^,]{2,80}),\s+(?P<rest>.+)$", re.S)
ACCORDING_LAST = re.compile(r"^(?P<rest>.+?),?\s+according\s+to\s+(?P<who>[^,.;]{2,80}?)\s*[.!]?$", re.S)
# "a story that North Korea might ...": a claim the text cites without naming who made it
REPORTED = re.compile(
    r"\b(?:(?:a|the)\s+(?:story|report|reports|rumou?rs?|claims?)|(?:are|were)\s+rumou?rs)\s+that\s+(?P<rest>.+?)[.!]?$",
    re.S,
)
# The frame of an interview: who asks (the outlet) and who answers.
# These are searched through the whole text, so their names start only where a word starts, take
# a word whole and run to at most eight words: a long run of capitalised words ("A. A. A. ...") is
# then read once, not once from each of its words (which took a minute for 15 kB).
_FRAME_NAME = (
    r"(?<![\w’'.-])[A-Z][\w’'.-]*+(?:[^\S\n]+(?:(?:de|van|von|der|den|al|bin|da|di|le|la|del|du|dos)[^\S\n]+){0,3}"
    r"[A-Z][\w’'.-]*+){0,7}"
)
INTERVIEW = (
    re.compile(
        rf"(?P<outlet>{_FRAME_NAME})\s+(?:discussed|talked|spoke|sat\s+down)\b.{{0,160}}?\b(?:with|to)\s+"
        rf"(?P<person>{_FRAME_NAME})"
    ),
    re.compile(rf"(?P<outlet>{_FRAME_NAME})\s+(?:interviewed|asked)\s+(?P<person>{_FRAME_NAME})"),
    re.compile(rf"[Ii]n\s+an\s+interview\s+with\s+(?P<outlet>{_FRAME_NAME}),\s+(?P<person>{_FRAME_NAME})"),
)
# "ROTTERDAM, March 5 (Northsea News) -", "HOUSTON (Reuters) —", "OSLO, 2 May 2025 /Business Newswire/ --"
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]+(?:,\s[^()/\n]{0,40})?\s*(?:\((?P<outlet>[A-Z][\w .&'-]{1,40})\)|/(?P<wire>[A-Z][\w .&'-]{1,40})/)"
    r"\s*(?:-+|–|—)",
    re.M,
)
TOLD_OUTLET = re.compile(rf"\btold\s+(?P<outlet>The\s+{NAME})")

MEDIA_WORDS = {"media", "outlets", "reports", "press", "newspapers", "journalists", "reporters"}
QUANTIFIERS = {"some", "many", "several", "most", "other", "few", "a", "the", "two", "three", "four", "both"}
PRONOUNS = {"he", "she", "they", "i", "we", "it"}
PEOPLE_PLURAL = frozenset(w + "s" for w in PEOPLE) | {"authorities", "police"}
UNNAMED_MEDIA = "Unnamed media reports"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who, how it was found, and which part of the sentence is what they said."""

    speaker: str
    how: str  # "said", "according to", "belief", "pledge", "report", ...
    start: int  # what was said: sentence[start:end]
    end: int
    negated: bool = False  # "does not believe"
    verb: str = ""
    appos: tuple[int, int] | None = None  # "Kim Yo-Jong, sister of ..., promised": the part between commas
    added: tuple[int, int] | None = None  # "..., she said, adding that Y": Y, a second statement of theirs
    who: str = ""  # the speaker as the sentence names them: "the company", "she", "Lankov"


_SPOKESMAN = re.compile(
    r"^(?:an?\s+|the\s+)?(?:spokes(?:man|woman|person)|representative)\s+(?:for|of)\s+(?:the\s+)?(?P<for>.+)$"
    r"|^(?:the\s+)?(?P<of>.+?)[’']s?\s+(?:spokes(?:man|woman|person)|representative)$",
    re.I,
)
_OFFICE = re.compile(r"^(?:his|her)\s+(?:office|spokes(?:man|woman|person)|aides?|team|lawyers?)$", re.I)
_LOCATED = re.compile(
    r"^(?P<who>(?:[\w’'-]+\s+){0,3}?[A-Za-z]+)\s+in\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}$"
)
_ORG_NAME = re.compile(rf"(?:{NAME}[^\S\n]+(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?)?{NAME}$")


def speaker_of(phrase: str, names: Names, loose: bool = False) -> str | None:
    """A speaker from the words before a speech verb: a name, a pronoun, or a group ("some analysts").
    ``loose``: any short noun phrase will do ("according to the port authority")."""
    phrase = re.sub(r"\s+(?:today|yesterday|also|now|again|earlier|later)$", "", phrase.strip().strip(","))
    words = phrase.split()
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:  # the last person, organisation, group that spoke
        who = names.speakers.person or names.last_person  # no person spoke: the last named speaker, as before
        return {"he": who, "she": who, "it": names.speakers.it(), "they": names.speakers.it(plural=True)}.get(
            words[0].lower()
        )
    if _OFFICE.match(phrase):  # "her office said": the person the sentence named
        return names.in_sentence or names.speakers.person or names.last_person
    spokesman = _SPOKESMAN.match(phrase)
    if spokesman:  # "a spokesman for the federation": the federation speaks (and "he" is it, after)
        body = speaker_of(spokesman.group("for") or spokesman.group("of"), names, loose=True)
        if body:
            names.last_person = names.speakers.person = body
        return body
    located = _LOCATED.match(phrase)
    if located and located.group("who").split()[-1].lower() in PEOPLE_PLURAL:
        return phrase[0].upper() + phrase[1:]  # "Officials in Seoul", not Seoul
    trailing = _ORG_NAME.search(phrase)
    if trailing and trailing.group() not in NOT_NAMES:
        name = trailing.group()
        # "Port spokesman Jan Bakker": the name is the capitalised run at the end
        if name.split()[0] in NOT_NAMES and len(name.split()) > 1 and name.split()[0] != "The":
            name = " ".join(name.split()[1:])
        if re.search(r" (?:of|for|on) ", name) or name.split()[-1].lower() in BODIES:
            name = re.sub(r"^The\s+", "", name)  # "The Department of Finance": the department
        else:
            name = person(name) or name
        return _LEGAL.sub("", names.resolve(name))
    if len(words) > 6:
        return None
    lower = [w.lower() for w in words]
    if any(w in MEDIA_WORDS for w in lower):
        return UNNAMED_MEDIA
    if lower[-1] in ("is", "are", "was", "were", "be", "been", "has", "have", "it", "this", "that"):
        return None  # "The plant is expected to": a passive, not a speaker
    loose = loose or words[0].lower() in QUANTIFIERS  # "a Ukrainian official": a noun phrase, clearly
    while words and words[0].lower() in QUANTIFIERS:
        words = words[1:]
    is_body = bool(words) and (words[-1].lower() in BODIES or words[-1].lower() in COMPANIES)
    if is_body and len(words) == 1:  # "the ministry": the last ministry that spoke
        known = names.groups.get(words[0].lower())
        if known:
            return known
        if names.issuer:
            return names.issuer
        if words[0].lower() in COMPANIES:  # "the company": the last business; none: unclear, as "it" is
            return names.speakers.company
    if not words or not loose and not is_body and not re.fullmatch(r"[a-z’'-]+s", words[-1].lower()):  # a plural
        return None
    group = " ".join(words)
    return group[0].upper() + group[1:]


def _span(sentence: str, match: re.Match[str], group: str = "rest") -> tuple[int, int]:
    start, end = match.span(group)
    return start, end


def _added(match: re.Match[str]) -> tuple[int, int] | None:
    return match.span("added") if match.group("added") else None


_ADDING_AT = re.compile(r",\s+(?:adding|and\s+added)\s+(?:that\s+)?(?P<added>[^“”\"]+?)\s*[.!]?$")


def _adding(sentence: str, start: int) -> tuple[int, tuple[int, int]] | None:
    """Where what was said ends and the span of what the speaker added: "..., adding that prices would
    rise", the last such clause after ``start``, found from the end (one look, however many commas)."""
    at = max(sentence.rfind(", adding ", start), sentence.rfind(", and added ", start))
    m = _ADDING_AT.match(sentence, at) if at >= 0 else None
    return (at, m.span("added")) if m and len(sentence[start:at].split()) >= 3 else None


def attribute(sentence: str, names: Names) -> Attribution | None:
    """The explicit attribution of ``sentence``, if it has one."""
    m = ACCORDING_FIRST.match(sentence) or ACCORDING_LAST.match(sentence)
    if m:
        who = speaker_of(m.group("who"), names, loose=True)
        if who:
            return Attribution(who, "according to", *_span(sentence, m), who=m.group("who"))
    m = (DATA_LAST.match(sentence) or DATA_FIRST.match(sentence)) if _DATA_VERB.search(sentence) else None
    if m:
        who = speaker_of(m.group("who"), names, loose=True)
        if who:
            return Attribution(who, "data", *_span(sentence, m), who=m.group("who"))
    if _VERBS.isdisjoint(_LOWER_WORD.findall(sentence)):
        return None  # the patterns below all need one of the verbs: the costliest of them, not tried
    m = MIDDLE.match(sentence)
    if m:
        who = speaker_of(m.group("who"), names)
        if who:
            return Attribution(who, m.group("verb"), *_span(sentence, m), verb=m.group("verb"), who=m.group("who"))
    m = TRAILING.match(sentence)
    if m and (m.group("who2") or m.group("who")):
        who2 = re.sub(r"(?<=\w\w)(?<!Jr|Sr)\.$", "", m.group("who2") or "")  # "said Lankov.": the full stop is not his
        who = names.resolve(who2) if who2 else speaker_of(m.group("who"), names)
        if who:
            verb = m.group("verb") or "said"
            named = m.group("who2") or m.group("who")
            return Attribution(who, verb, *_span(sentence, m), verb=verb, added=_added(m), who=named)
    m = TRAILING_APPOS.search(sentence, max(1, len(sentence) - APPOS_TAIL))
    if m:
        who = speaker_of(m.group("who"), names)
        named = re.fullmatch(rf"\s*(?P<name>{NAME})\s*", m.group("appos"))
        if named and m.group("who").split()[-1].islower() and " " in person(named.group("name")):
            who = names.resolve(person(named.group("name")))  # "the ministry's spokesman, Li Wei, said"
            names.evidence.people.add(who)
        if who:
            verb = m.group("verb")
            how = "pledge" if verb in PLEDGE else verb
            return Attribution(who, how, 0, m.start(), verb=verb, added=_added(m), who=m.group("who"))
    m = LEADING.match(sentence)
    if m:
        who = speaker_of(m.group("who"), names)
        named = re.match(rf",\s*(?P<name>{NAME})", m.group("appos") or "")
        if named and m.group("who").split()[-1].islower() and " " in person(named.group("name")):
            who = names.resolve(person(named.group("name")))  # "Its director of operations, Hélène Martin, told"
            names.evidence.people.add(who)
        if who:
            verb = m.group("verb")
            how = "pledge" if verb in PLEDGE else verb
            start, end = _span(sentence, m)
            added = _adding(sentence, start)  # "X said Y, adding that Z": Z is a statement of its own
            return Attribution(
                who,
                how,
                start,
                added[0] if added else end,
                added=added[1] if added else None,
                negated=bool(m.group("neg")),
                verb=verb,
                appos=m.span("appos") if m.group("appos") else None,
                who=m.group("who"),
            )
    return None


def interview(text: str) -> tuple[str, str, int] | None:
    """(outlet, interviewee, where the frame sentence ends) when the text introduces an interview."""
    for pattern in INTERVIEW:
        m = pattern.search(text)
        if m:
            end = text.find("\n", m.end())
            return m.group("outlet"), m.group("person"), len(text) if end < 0 else end
    return None
