"""Cross-script name matching: lossy "match keys" for Cyrillic and Latin spellings of a word.

The store puts, for every word of a record's searchable text, the word's match keys into the
FTS5 column ``names`` (:func:`index_text`); a query word matches a record when one of its
:func:`query_keys` equals (or, for keys of 3+ letters, is a prefix of) one of those keys.

Invariant: for two spellings ``a`` and ``b`` of the same name (Russian or Kyrgyz Cyrillic,
and its romanisations by BGN/PCGN, ICAO/passport incl. Kyrgyz J/U/O, informal English,
scholarly, Duden-German and French conventions), ``match_keys(a) & match_keys(b)`` is not
empty. Keys are ASCII ``[a-z0-9]+`` (at most :data:`MAX_KEY_LEN` characters, at most
:data:`MAX_KEYS` of them per word), so they are safe FTS5 tokens.

How a word becomes keys
-----------------------
1. NFC, at most 512 characters. Script: Cyrillic when it has more Cyrillic than Latin
   letters that have no look-alike in the other script (ties: more letters); look-alike
   letters of the other script are then mapped (Latin ``a c e o p x y``/``ABEHKMOPTX``
   inside a Cyrillic word, and vice versa). Then case-folded.
2. Cyrillic -> key letters by one table: а a, б b, в v, г g, д d, е e, ё io, ж j, з z,
   и/й/ы/і i, к k, л l, м m, н n, о o, п p, р r, с s, т t, у u, ф f, х h, ц ts, ч ch,
   ш/щ sh, ъ/ь dropped, э e, ю iu, я ia; Kyrgyz ң n, ө o, ү u; Kazakh, Uzbek,
   Tajik: ә a, ғ g, қ k, ұ u, һ/ҳ h, ў u, ҷ j, ӣ i, ӯ u. Variants (extra keys) for letters
   that romanisers write two ways: ө also u; ё after ж ч ш щ also o (Kalatschow);
   ъ also ie (ICAO).
3. Latin: marked letters first (č ch, š sh, ž zh, ç ch, ş/ș sh, ț ts, ı i, ə a, ø o,
   ß ss, ŋ ng ...), other marks stripped (ö o, ü u, ñ n), apostrophes dropped (El'mira)
   except Uzbek oʻ -> u (Oʻrinboyev = Ўринбоев); English "'s" and French "d'"/"l'" also
   give the bare name. The result is read by up to four independent "readings", each
   giving one key (the word's keys are the union; no reading is chosen):
   E English/passport: shch sh, tch ch, dzh/zh/dj j, kh h, x h, y i, w v, q k, ck k,
   gh g, ph f, cz ch, c -> ts before e/i/y else k, j = ж.
   S scholarly/glide-j: as E but j -> i (Juldashev, Jakovleva, Ajbek), dj di, c -> ts.
   F French (only if the word has ch/ou/x/gu/j or ends in -ine): ch sh, tch ch, ou u,
   gu+e/i/y g, x ks, final -ine -in.
   G German Duden: tsch ch, schtsch sh, sh/dsh/dsch j, sch ш or ж (Scheenbekow), ch h,
   z/tz ts, ss s, j i, w v, x ks, c ts; a single s between vowels is з (z), next to a
   voiceless consonant с (s), elsewhere either. Either-way letters give both keys, for
   the first two of them in a word (later ones take the first choice).
4. Reductions, repeated until nothing changes: ng n (ң is n or ng), ie e (Yelena/Elena,
   Abdullayev/Abdullaev, Grigoryev/Grigorev, Kydyraliyeva), io e (Alyona/Alena,
   Pyotr/Petr, Solovyov/Solovev), then shch sh, tch ch, dj j (дж) and doubled letters
   collapsed (ll l, ee e, ii i). "Light" keys (only the second half applied) are kept
   too, so that a typed prefix like "Ali" still finds Алиев (key "alev", light "aliev").
5. Digits stay (``2023`` -> ``2023``). A word with letters none of which map (Arabic, CJK,
   Georgian ...) gets one key ``q`` + 6 hex digits per character: exact, not cross-script
   (``q`` never occurs in other keys).
6. Order and cap: the reduced key of every spelling variant and reading, then the light
   ones, deduplicated, first :data:`MAX_KEYS` kept, each cut to :data:`MAX_KEY_LEN`.
   Everything is a pure function of the word, cached (``lru_cache``).

Known limits: false positives are accepted for recall (з/с read German-style: Hasanov also
finds Хазанов; ch read French/German: Chukin also finds Шукин/Хукин; ие ~ е: Алиев ~ Алеев;
ё, ио ~ е). False negatives: Turkish c = ж (Cumabay), ISO 9 â/û for я/ю, j used for both ж
and й in one word, German тш/зх/дш (tsch, sch, dsch), з and с side by side, more than two
ambiguous German s; Latin-to-Latin (not via Cyrillic) for ъ-as-ie and Kalatschow/Kalachev.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable

__all__ = ["MAX_KEYS", "MAX_KEY_LEN", "index_text", "match_keys", "query_keys", "words"]

MAX_KEYS = 8
MAX_KEY_LEN = 64
_MAX_WORD_CHARS = 512  # ~7 input letters per key letter at worst (German щ) -> 64-letter keys

_APOSTROPHES = "'\u2019\u2018`\u00b4\u02b9\u02ba\u02bb\u02bc\u02bd\u2032"
_MARKS = "\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_LETTER = rf"(?:[^\W_]|[{_MARKS}])"
_WORD_RE = re.compile(rf"{_LETTER}+(?:[{_APOSTROPHES}]{_LETTER}+)*")
_CYRILLIC_RE = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")

_CYR: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ң": "n", "ө": "o", "ү": "u", "ә": "a", "ғ": "g", "қ": "k", "ұ": "u",
    "һ": "h", "ҳ": "h", "ў": "u", "і": "i", "ҷ": "j", "ӣ": "i", "ӯ": "u", "є": "ie",
    "ї": "i", "ґ": "g", "ҙ": "z", "ҫ": "s", "ҡ": "k", "ӈ": "n", "ҥ": "n", "ӊ": "n",
    "ҝ": "k", "ҹ": "j", "ј": "i", "ѕ": "dz", "ӏ": "",
}  # fmt: skip
_LATIN_SPECIAL: dict[str, str] = {
    "ı": "i", "ə": "a", "ǝ": "e", "ɛ": "e", "ɔ": "o", "ø": "o", "æ": "ae", "œ": "oe",
    "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ħ": "h", "ŋ": "ng", "ʒ": "zh", "ɣ": "g",
    "ɨ": "i", "ĸ": "k", "ß": "ss", "ſ": "s", "ŧ": "t", "ɡ": "g",
}  # fmt: skip
_MARKED: dict[str, str] = {  # letter + combining mark (NFKD) that is a different sound
    "c\u030c": "ch", "s\u030c": "sh", "z\u030c": "zh", "c\u0327": "ch", "s\u0327": "sh",
    "s\u0326": "sh", "t\u0327": "ts", "t\u0326": "ts", "c\u0301": "ch", "s\u0301": "sh",
    "z\u0301": "zh", "z\u0307": "zh", "c\u0302": "ch", "s\u0302": "sh", "z\u0302": "zh",
}  # fmt: skip
_LAT_LOOKALIKE = str.maketrans("AaBCcEeHKMOoPpTXxYyIi", "АаВСсЕеНКМОоРрТХхУуІі")
_CYR_LOOKALIKE = str.maketrans("АаВСсЕеНКМОоРрТХхУуІіЈјЅѕҺһ", "AaBCcEeHKMOoPpTXxYyIiJjSsHh")
_LAT_LOOKALIKE_RE = re.compile("[AaBCcEeHKMOoPpTXxYyIi]")
_CYR_LOOKALIKE_RE = re.compile("[АаВСсЕеНКМОоРрТХхУуІіЈјЅѕҺһ]")


def _char_key(ch: str) -> str:
    """Key letters of one case-folded character ("" when it has none)."""
    if ch in _CYR:
        return _CYR[ch]
    if ch.isascii():
        return ch if ch.isalnum() else ""
    if ch in _LATIN_SPECIAL:
        return _LATIN_SPECIAL[ch]
    decomposed = unicodedata.normalize("NFKD", ch)
    if decomposed[:2].lower() in _MARKED:
        return _MARKED[decomposed[:2].lower()]
    out = []
    for c in decomposed:
        if unicodedata.combining(c):
            continue
        low = c.lower()
        if low in _CYR:
            out.append(_CYR[low])
        elif low.isascii():
            out.append(low if low.isalnum() else "")
        elif low in _LATIN_SPECIAL:
            out.append(_LATIN_SPECIAL[low])
        else:
            digit = unicodedata.decimal(low, None)
            out.append("" if digit is None else str(digit))
    return "".join(out)


class _CharMap(dict[int, str]):
    """A ``str.translate`` table that computes and remembers the key text of a character."""

    def __missing__(self, code: int) -> str:
        value = _char_key(chr(code))
        self[code] = value
        return value


_CHARMAP = _CharMap()
for _ch in _APOSTROPHES:
    _CHARMAP[ord(_ch)] = ""

# ---------------------------------------------------------------------------------- readings

_VOWELS = frozenset("aeiouy")
_VOICELESS = frozenset("kptfcqxh")
_Rule = str | Callable[[str, int, int], str]


def _next(s: str, end: int) -> str:
    return s[end] if end < len(s) else ""


def _c_soft(s: str, _start: int, end: int) -> str:
    return "ts" if _next(s, end) in {"e", "i", "y"} else "k"


def _gu(s: str, _start: int, end: int) -> str:
    return "g" if _next(s, end) in {"e", "i", "y"} else "gu"


def _german_s(s: str, start: int, end: int) -> str:
    before = s[start - 1] if start else ""
    after = _next(s, end)
    if before in _VOWELS and after in _VOWELS:
        return "z"
    zh_before = s.endswith("sh", 0, start) and not s.endswith("sch", 0, start)  # ж is voiced
    if (before in _VOICELESS and not zh_before) or after in _VOICELESS:
        return "s"
    return "S"  # з or с: expanded into both keys by _expand_german


class _Reading:
    """One way of reading a Latin spelling: longest-match digraph table (+ context rules)."""

    def __init__(self, table: dict[str, _Rule]) -> None:
        self._table = table
        alternation = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
        self._re = re.compile(alternation)

    def __call__(self, text: str) -> str:
        return self._re.sub(self._replace, text)

    def _replace(self, m: re.Match[str]) -> str:
        rule = self._table[m.group()]
        return rule if isinstance(rule, str) else rule(m.string, m.start(), m.end())


_COMMON: dict[str, _Rule] = {
    "shch": "sh", "tch": "ch", "dzh": "j", "zh": "j", "dj": "j", "kh": "h", "sh": "sh",
    "ch": "ch", "gh": "g", "ph": "f", "x": "h", "y": "i", "w": "v", "q": "k",
}  # fmt: skip
_ENGLISH = _Reading({**_COMMON, "ck": "k", "cz": "ch", "c": _c_soft})
_SCHOLARLY = _Reading({**_COMMON, "j": "i", "dj": "di", "c": "ts"})
_FRENCH = _Reading(
    {**_COMMON, "ch": "sh", "ou": "u", "gu": _gu, "x": "ks", "ck": "k", "c": _c_soft}
)
_GERMAN = _Reading({
    "schtsch": "sh", "tsch": "ch", "dsch": "j", "dsh": "j", "sch": "Z", "sh": "j", "zh": "j",
    "ch": "h", "kh": "h", "ck": "k", "tz": "ts", "z": "ts", "ss": "s", "s": _german_s,
    "j": "i", "w": "v", "x": "ks", "y": "i", "q": "k", "ph": "f", "gh": "g", "c": "ts",
})  # fmt: skip
_FRENCH_HINTS = ("ch", "ou", "x", "gu", "j")


_GERMAN_CHOICES = {"S": "sz", "Z": ("sh", "j")}  # ambiguous German s (с/з) and sch (ш/ж)


def _expand_german(key: str) -> list[str]:
    """All readings of the first two ambiguous letters (later ones take their first value)."""
    parts = re.split("([SZ])", key)
    if len(parts) == 1:
        return [key]
    marks = parts[1::2]
    out = []
    for combo in itertools.product(*(_GERMAN_CHOICES[m] for m in marks[:2])):
        chosen = [*combo, *(_GERMAN_CHOICES[m][0] for m in marks[2:])]
        pairs = zip(parts[::2], [*chosen, ""], strict=True)
        out.append("".join(itertools.chain.from_iterable(pairs)))
    return out


def _latin_readings(ascii_word: str) -> list[str]:
    out = [_ENGLISH(ascii_word)]
    if "j" in ascii_word or "c" in ascii_word:
        out.append(_SCHOLARLY(ascii_word))
    if ascii_word.endswith("ine"):  # French -ине: Chtchoukine
        out.append(_FRENCH(ascii_word[:-1]))
    elif any(hint in ascii_word for hint in _FRENCH_HINTS):
        out.append(_FRENCH(ascii_word))
    out.extend(_expand_german(_GERMAN(ascii_word)))
    return out


# ---------------------------------------------------------------------------------- reduction

_RUN_RE = re.compile(r"([a-z])\1+")


def _first_letter(m: re.Match[str]) -> str:
    return m.group(1)


def _light(key: str) -> str:
    """Digraph and double-letter clean-up only (keeps the letters a typed prefix shows)."""
    key = key.replace("shch", "sh").replace("tch", "ch").replace("dj", "j")
    while _RUN_RE.search(key):
        key = _RUN_RE.sub(_first_letter, key)
        key = key.replace("shch", "sh").replace("tch", "ch").replace("dj", "j")
    return key


def _reduce(key: str) -> str:
    """The canonical key: ng -> n, ie -> e, io -> e, then :func:`_light`, to a fixed point."""
    while True:
        new = _light(key.replace("ng", "n").replace("ie", "e").replace("io", "e"))
        if new == key:
            return key
        key = new


# ---------------------------------------------------------------------------------- words

_SIBILANT_YO_RE = re.compile("([жчшщ])ё")
_POSSESSIVE_RE = re.compile(r"(?<=[^\W\d_]{2})['\u2019]s$")
_ELISION_RE = re.compile(rf"^[dl][{_APOSTROPHES}](?=[^\W\d_])")
_UZBEK_O_RE = re.compile(r"o['\u2019\u2018`\u02bb](?=[^\W\d_])")  # not ʼ (ъ), not primes


def _cyrillic_spellings(word: str) -> list[str]:
    variants = [word]
    if "ө" in word:
        variants.append(variants[0].replace("ө", "у"))
    if "ё" in word and _SIBILANT_YO_RE.search(word):
        variants += [_SIBILANT_YO_RE.sub(r"\1о", v) for v in variants]
    if "ъ" in word:
        variants += [v.replace("ъ", "ие") for v in variants]
    return [v.translate(_CHARMAP) for v in variants]


def _latin_spellings(word: str) -> list[str]:
    word = _POSSESSIVE_RE.sub("", word)
    variants = [word]
    if _ELISION_RE.match(word):
        variants.append(word[2:])
    readings: list[str] = []
    for variant in variants:
        ascii_word = _UZBEK_O_RE.sub("u", variant).translate(_CHARMAP)
        readings.extend(_latin_readings(ascii_word))
    return readings


def _is_cyrillic(word: str) -> bool:
    """Script of a word by its letters that have no look-alike in the other script."""
    cyrillic, latin = len(_CYRILLIC_RE.findall(word)), len(_LATIN_RE.findall(word))
    own_cyrillic = cyrillic - len(_CYR_LOOKALIKE_RE.findall(word))
    own_latin = latin - len(_LAT_LOOKALIKE_RE.findall(word))
    return own_cyrillic > own_latin or (own_cyrillic == own_latin and cyrillic > latin)


@functools.lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, ...]:
    """The keys of one word, most important first (canonical keys, then typed-prefix keys)."""
    word = unicodedata.normalize("NFC", word[: _MAX_WORD_CHARS * 2])[:_MAX_WORD_CHARS]
    if _is_cyrillic(word):
        raw = _cyrillic_spellings(word.translate(_LAT_LOOKALIKE).casefold())
    else:
        raw = _latin_spellings(word.translate(_CYR_LOOKALIKE).casefold())
    raw = [r for r in raw if r]
    if not raw:
        letters = [c for c in word.casefold() if c.isalnum() and c not in _APOSTROPHES]
        fallback = "q" + "".join(f"{ord(c):06x}" for c in letters)
        return (fallback[:MAX_KEY_LEN],) if letters else ()
    light = [_light(r) for r in raw]
    keys = [_reduce(r)[:MAX_KEY_LEN] for r in raw] + [k[:MAX_KEY_LEN] for k in light]
    return tuple(dict.fromkeys(keys))[:MAX_KEYS]


def words(text: str) -> list[str]:
    """The words of ``text`` as the index sees them: runs of letters/digits (with combining
    marks), apostrophes inside a word kept (``El'mira`` is one word)."""
    return _WORD_RE.findall(text)


@functools.lru_cache(maxsize=1 << 16)
def match_keys(word: str) -> frozenset[str]:
    """The key set of one word (empty for a word without letters or digits)."""
    return frozenset(_word_keys(word))


def query_keys(word: str) -> frozenset[str]:
    """Keys to look up for one query word: the same as :func:`match_keys`."""
    return match_keys(word)


def index_text(text: str) -> str:
    """Space-joined keys of all words in ``text`` (deduplicated, in first-seen order)."""
    seen: dict[str, None] = {}
    for word in dict.fromkeys(words(text)):
        for key in _word_keys(word):
            seen.setdefault(key)
    return " ".join(seen)
