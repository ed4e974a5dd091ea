"""The words ``attribution`` reads news by: speech verbs, titles before a name, bodies that speak
as one, and the capitalised words that start a sentence without being a name.

Kept apart from the patterns so each file reads in one sitting; nothing here knows any article.
"""

from __future__ import annotations

SPEECH = (
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "argued",
    "argues",
    "claimed",
    "claims",
    "warned",
    "warns",
    "noted",
    "notes",
    "explained",
    "explains",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "reported",
    "reports",
    "announced",
    "announces",
    "predicted",
    "predicts",
    "suggested",
    "suggests",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "estimated",
    "estimates",
    "believes",
    "believe",
    "believed",
    "thinks",
    "think",
    "thought",
    "feels",
    "feel",
    "felt",
    "fears",
    "fear",
    "feared",
    "expects",
    "expect",
    "expected",
    "doubts",
    "hopes",
    "hope",
    "worries",
    "worry",
    "doubt",
    "confirmed",
    "confirms",
    "stressed",
    "cautioned",
)

# Words that start a sentence in capitals without being a name.
NOT_NAMES = {
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Some",
    "Many",
    "Most",
    "Since",
    "With",
    "For",
    "If",
    "Now",
    "Today",
    "Here",
    "There",
    "Why",
    "How",
    "What",
    "When",
    "Where",
    "Who",
    "Firstly",
    "Secondly",
    "Thirdly",
    "Finally",
    "Also",
}

# Words before a name that say what the person is ("Agriculture Minister Taras Vovk"), not who.
TITLES = frozenset(
    "minister president premier chancellor governor mayor senator secretary chairman chairwoman chair director"
    " chief executive spokesman spokeswoman spokesperson professor prof dr doctor judge general colonel captain"
    " fisherman farmer economist analyst lawyer officer commissioner ambassador envoy coach manager leader king"
    " queen sheikh mr mrs ms sir dame rep sen gov meteorologist scientist researcher historian physician nurse"
    " activist engineer architect author novelist journalist reporter editor commentator strategist trader"
    " investor banker founder ceo cfo head deputy vice lieutenant sergeant admiral inspector detective prosecutor"
    " attorney counsel councillor lawmaker legislator mp mep congressman congresswoman representative candidate"
    " rector dean teacher pilot skipper striker goalkeeper player pastor bishop archbishop cardinal rabbi imam"
    " priest".split()
)
# Nouns for a body that speaks as one ("the agriculture ministry said").
BODIES = frozenset(
    "ministry agency federation association company council government office committee commission union"
    " institute bank court police army prefecture regulator secretariat delegation presidency operator"
    " authority department group firm bloc board alliance consultancy university club".split()
)
# Nouns for a person described, not named ("a senior official said", "the minister said"): with the
# titles, what makes "she said" hers; their plurals ("officials", "diplomats") are groups.
PEOPLE = TITLES | frozenset(
    "official diplomat source expert resident witness worker employee member negotiator aide adviser advisor"
    " consultant observer insider sister brother wife husband daughter son mother father citizen voter student"
    " owner boss veteran woman man person campaigner organiser organizer protester victim survivor"
    " entrepreneur economist analyst executive spokesperson critic".split()
)
# Nouns for a business ("the company said", "the lender said"): said, they are the last organisation
# that spoke; at a name's end ("Harbourline Bank"), with ``BODIES`` and the words below, an organisation.
COMPANIES = frozenset(
    "company firm group bank lender carrier airline insurer retailer manufacturer maker carmaker automaker"
    " producer miner developer supplier business conglomerate startup utility exporter importer brewer"
    " chipmaker broker fund exchange steelmaker drugmaker shipbuilder shipper grocer supermarket".split()
)
# A business's trade before its name says the name is an organisation and is not part of it:
# "Steelmaker Nordwerk" (at a sentence's start) is Nordwerk, as "Chief executive Marta Okonjo" is Marta
# Okonjo. Not trades a person has too ("film producer", "developer", "broker", "miner").
TRADES = frozenset(
    "steelmaker carmaker automaker chipmaker drugmaker lender insurer retailer airline brewer conglomerate"
    " startup utility exporter importer manufacturer shipbuilder shipper grocer supermarket giant".split()
)
ORG_ENDINGS = (
    BODIES
    | COMPANIES
    | frozenset(
        "corporation corp inc ltd plc ab asa ag gmbh sa nv llc holdings partners capital airlines airways motors"
        " energy industries systems technologies labs media news times post press network foundation trust"
        " party reuters shipping logistics airport port railways rail mining oil petroleum steel telecom insurance"
        " securities investments ventures pharmaceuticals pharma chemicals foods resources metals electronics"
        " communications aerospace defence automotive services solutions associates bancorp financial realty".split()
    )
)
