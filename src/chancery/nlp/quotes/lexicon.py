"""Language data for quotes, speakers and channels, loaded once per component from ``lang/en``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chancery.lang.loader import load_lexicon


def _inflections(lemma: str) -> set[str]:
    """Regular English verb forms; irregular ones come from the lexicon."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if len(lemma) <= 4 and lemma[-1] in "tpgdnm" and lemma[-2:-1] in "aeiou" and lemma[-3:-2] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


@dataclass
class QuoteLexicon:
    speech: frozenset[str] = frozenset()
    cognition: frozenset[str] = frozenset()
    intent: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    object_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    speaker_after: tuple[tuple[str, ...], ...] = ()
    forms: dict[str, str] = field(default_factory=dict)  # surface form → lemma
    pronouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # he → ("m", "sg")
    not_speakers: frozenset[str] = frozenset()
    title_cues: frozenset[str] = frozenset()
    colon_not_speakers: frozenset[str] = frozenset()
    roles: dict[str, str] = field(default_factory=dict)  # role (lower) → class
    role_words: int = 1  # longest role in words
    bodies: dict[str, str] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    gender: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, lexicon_dir: str | None = None) -> QuoteLexicon:
        verbs = load_lexicon("reporting_verbs", lexicon_dir=lexicon_dir)
        roles = load_lexicon("roles", lexicon_dir=lexicon_dir)
        speech = frozenset(_words(verbs, "verbs"))
        cognition = frozenset(_words(verbs, "cognition"))
        intent = frozenset(_words(verbs, "intent"))
        forms: dict[str, str] = {}
        extra = set(_words(verbs, "object")) | set(verbs.get("object_preps", {}))
        for lemma in speech | cognition | intent | extra:
            for form in _inflections(lemma):
                forms.setdefault(form, lemma)
        for form, lemma in verbs.get("irregular", {}).items():
            forms[str(form).lower()] = str(lemma).lower()
        pronouns = {}
        for word, spec in verbs.get("pronouns", {}).items():
            gender, _, number = str(spec).partition(":")
            pronouns[str(word).lower()] = (gender, number)
        role_table = {str(k).lower(): str(v) for k, v in roles.get("roles", {}).items()}
        return cls(
            speech=speech, cognition=cognition, intent=intent,
            nouns=frozenset(_words(verbs, "nouns")),
            objects=frozenset(_words(verbs, "object")),
            object_preps={str(k): frozenset(str(p) for p in v) for k, v in verbs.get("object_preps", {}).items()},
            speaker_after=tuple(tuple(p.lower().split()) for p in verbs.get("phrases", {}).get("speaker_after", [])),
            forms=forms, pronouns=pronouns,
            not_speakers=frozenset(_words(verbs, "not_speakers", "words")),
            title_cues=frozenset(_words(verbs, "title_cues", "words")),
            colon_not_speakers=frozenset(_words(verbs, "colon_labels", "not_speakers")),
            roles=role_table,
            role_words=max((len(r.split()) for r in role_table), default=1),
            bodies={str(k).lower(): str(v) for k, v in roles.get("bodies", {}).items()},
            honorifics=frozenset(_words(roles, "honorifics", "words")),
            gender={str(k).lower(): str(v) for k, v in roles.get("gender", {}).items()},
        )

    def lemma(self, word: str, lemma: str = "") -> str:
        """A cue lemma for a surface form ("told" → "tell"), using the model's lemma when present."""
        low = word.lower()
        if low in self.forms:
            return self.forms[low]
        return lemma.lower() if lemma else low

    def is_speech(self, word: str, lemma: str = "") -> bool:
        return self.lemma(word, lemma) in self.speech

    def is_cue(self, word: str, lemma: str = "") -> bool:
        lem = self.lemma(word, lemma)
        return lem in self.speech or lem in self.cognition

    def role_at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """The longest role starting at ``words[i]`` (lower-case words): (role, length)."""
        for n in range(min(self.role_words, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in self.roles:
                return phrase, n
        return None


def _words(data: dict[str, Any], table: str, key: str = "lemmas") -> list[str]:
    return [str(w).lower() for w in data.get(table, {}).get(key, [])]
