"""The words sources use for values, in English and French: scale words, number words, units,
qualifiers, months, weekdays, countries, booleans and categories (read by :mod:`written`)."""

from __future__ import annotations

#: Scale words (lowercase, without a final dot) and their factors.
SCALES: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "mille": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "milliard": 10**9,
    "milliards": 10**9,
    "mld": 10**9,
    "mlds": 10**9,
    "md": 10**9,
    "mds": 10**9,
    "trillion": 10**12,
    "trillions": 10**12,
    "tn": 10**12,
    "billiard": 10**15,
}

#: Number words, English and French, from one to twelve ("a"/"an" count as one).
NUMBER_WORDS: dict[str, int] = {
    word: n
    for n, words in {
        1: ("one", "a", "an", "un", "une"),
        2: ("two", "deux"),
        3: ("three", "trois"),
        4: ("four", "quatre"),
        5: ("five", "cinq"),
        6: ("six",),
        7: ("seven", "sept"),
        8: ("eight", "huit"),
        9: ("nine", "neuf"),
        10: ("ten", "dix"),
        11: ("eleven", "onze"),
        12: ("twelve", "douze"),
    }.items()
    for word in words
}

#: Unit words (lowercase) and the unit they denote. Currency signs are handled apart.
UNIT_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "gw": "GW",
    "year": "years",
    "years": "years",
    "an": "years",
    "ans": "years",
    "année": "years",
    "années": "years",
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pour cent": "%",
}

#: Words before a quantity that qualify it, and the qualifier they mean.
QUALIFIERS: dict[str, str] = {
    "up to": "up-to",
    "as much as": "up-to",
    "jusqu'à": "up-to",
    "jusqu’à": "up-to",
    "at least": "at-least",
    "au moins": "at-least",
    "more than": "at-least",
    "plus de": "at-least",
    "some": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "approximately": "approximately",
    "nearly": "approximately",
    "environ": "approximately",
    "près de": "approximately",
    "quelque": "approximately",
    "quelques": "approximately",
}

MONTHS: dict[str, int] = {
    name: n
    for n, names in {
        1: ("january", "jan", "janvier", "janv"),
        2: ("february", "feb", "février", "fevrier", "févr", "fev"),
        3: ("march", "mar", "mars"),
        4: ("april", "apr", "avril", "avr"),
        5: ("may", "mai"),
        6: ("june", "jun", "juin"),
        7: ("july", "jul", "juillet", "juil"),
        8: ("august", "aug", "août", "aout"),
        9: ("september", "sep", "sept", "septembre"),
        10: ("october", "oct", "octobre"),
        11: ("november", "nov", "novembre"),
        12: ("december", "dec", "décembre", "decembre", "déc"),
    }.items()
    for name in names
}

WEEKDAYS: dict[str, int] = {
    name: n
    for n, names in {
        0: ("monday", "lundi"),
        1: ("tuesday", "mardi"),
        2: ("wednesday", "mercredi"),
        3: ("thursday", "jeudi"),
        4: ("friday", "vendredi"),
        5: ("saturday", "samedi"),
        6: ("sunday", "dimanche"),
    }.items()
    for name in names
}

#: Country names, adjectives and demonyms → ISO 3166-1 alpha-2.
COUNTRIES: dict[str, str] = {
    "u.s.": "US",
    "us": "US",
    "u.s.a.": "US",
    "usa": "US",
    "united states": "US",
    "american": "US",
    "américain": "US",
    "américaine": "US",
    "états-unis": "US",
    "etats-unis": "US",
    "japan": "JP",
    "japanese": "JP",
    "japonais": "JP",
    "japonaise": "JP",
    "japon": "JP",
    "tokyo": "JP",
    "france": "FR",
    "french": "FR",
    "français": "FR",
    "française": "FR",
    "united kingdom": "GB",
    "u.k.": "GB",
    "uk": "GB",
    "british": "GB",
    "britannique": "GB",
    "china": "CN",
    "chinese": "CN",
    "chinois": "CN",
    "germany": "DE",
    "german": "DE",
    "allemand": "DE",
}

#: Boolean vocabulary per concept (the field it is read for): (words for true, words for false).
#: A false phrase is checked first, so "non-exclusive" never reads as "exclusive".
BOOLEANS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "exclusive": (
        ("exclusive", "exclusif", "exclusive", "exclusivement", "exclusivity", "exclusivité"),
        (
            "non-exclusive",
            "nonexclusive",
            "non exclusive",
            "non-exclusif",
            "non exclusif",
            "not exclusive",
            "no longer exclusive",
            "pas exclusif",
            "plus exclusif",
            r"end(?:s|ed|ing)?\b.*\bexclusiv",
            r"mett(?:re|ant|ent) fin\b.*\bexclusiv",
            r"fin de l'exclusivit",
        ),
    ),
    "conditional": (
        (
            "conditions",
            "condition",
            "conditional",
            "contingent",
            "subject to",
            "conditionnel",
            "conditionnelle",
            "sous réserve",
        ),
        (
            "upfront",
            "up-front",
            "initial",
            "initiale",
            "unconditional",
            "unconditionally",
            "inconditionnel",
            "inconditionnelle",
            "sans condition",
        ),
    ),
}

#: Category words → canonical value, for enumerated fields a source states in words.
CATEGORIES: dict[str, str] = {
    "primary": "primary",
    "primaire": "primary",
    "new shares": "primary",
    "secondary": "secondary",
    "secondaire": "secondary",
    "committed capital": "committed",
    "committed": "committed",
    "fully funded": "funded",
    "funded": "funded",
}

#: Scale words of Chinese, Japanese and Korean, which count by ten thousands: 亿 (or 億, 억) is
#: 10⁸, so "300 亿美元" is $30bn; 万亿 (or 兆, 조) is 10¹².
CJK_SCALES: dict[str, int] = {
    "万": 10**4,
    "萬": 10**4,
    "만": 10**4,
    "亿": 10**8,
    "億": 10**8,
    "억": 10**8,
    "万亿": 10**12,
    "萬億": 10**12,
    "兆": 10**12,
    "조": 10**12,
}
#: Currency words of Chinese, Japanese and Korean.
CJK_CURRENCIES: dict[str, str] = {
    "美元": "USD",
    "美金": "USD",
    "ドル": "USD",
    "米ドル": "USD",
    "달러": "USD",
    "欧元": "EUR",
    "ユーロ": "EUR",
    "유로": "EUR",
}
