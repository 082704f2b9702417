"""A cheap language gate: Chancery's lexicons and model are English, so other text is reported, not mis-coded.

Two signals, both robust on news text: the share of Latin letters among letters (Cyrillic, Arabic,
CJK text fails at once), and, for Latin-script text, function words of English against those of
other Latin-script languages. English headlines and terse sentences carry few function words, so
English is only rejected when another language's function words clearly outnumber it: a false
alarm would drop a real English article. Short texts pass: there is too little to judge.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by it at from his her has have had be are were an "
    "this which or but not its their they he she we said would will who been after over also than "
    "into about more two one there all when up out if no new can could so what our them told us "
    "against its been between during under while".split()
)
# Frequent function words of other Latin-script languages that are not English words.
OTHER_FUNCTION_WORDS = {
    "French": frozenset("le la les des du et est une dans pour que qui sur pas au aux avec ce cette sont "
                        "il elle ont été selon mais leur ses".split()),
    "German": frozenset("der die das und ist nicht mit von zu den dem ein eine auf für sich des im auch "
                        "wird wurde sind bei nach".split()),
    "Spanish": frozenset("el los las del y que en por para con una es se su al como más pero sus fue "
                         "según ha".split()),
    "Portuguese": frozenset("os das dos e que em por para com uma não se ao como mais foi pelo pela "
                            "seu sua".split()),
    "Italian": frozenset("il gli della delle dei e che di per con una non si al come più è sono "
                         "nel alla".split()),
    "Dutch": frozenset("de het een en van dat niet met voor zijn op te ook aan bij werd naar".split()),
}
MIN_WORDS = 12
MIN_LATIN_SHARE = 0.6
MIN_OTHER_SHARE = 0.15


def _script_latin_share(sample: str) -> float:
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)


def non_english_reason(text: str, sample_chars: int = 20_000) -> str | None:
    """Why ``text`` does not look like English, or None when it does (or is too short to tell)."""
    sample = text[:sample_chars]
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    latin = _script_latin_share(sample)
    if latin < MIN_LATIN_SHARE:
        return f"mostly non-Latin script ({latin:.0%} Latin letters)"
    lowered = [w.lower() for w in words]
    english = sum(1 for w in lowered if w in ENGLISH_FUNCTION_WORDS) / len(words)
    for language, vocab in OTHER_FUNCTION_WORDS.items():
        other = sum(1 for w in lowered if w in vocab) / len(words)
        if other >= MIN_OTHER_SHARE and other > 2 * english:
            return f"looks {language} ({other:.0%} {language} function words, {english:.0%} English)"
    return None
