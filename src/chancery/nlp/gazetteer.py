"""The actor gazetteer: surface forms → canonical actors, read from ``lang/en/actors/*.toml``.

Pure data plus lookups. The spaCy matching lives in ``components/actors.py``; this module only
knows which strings mean which actor, and whether a form may match regardless of case.

A form is *exact* (matched case-sensitively) when it has no lower-case letter ("US", "U.S.",
"PA", "DPRK") or is listed under an entity's ``exact``; every other form matches any casing in
running text except all lower case ("china", "turkey", "chad" are words, not states).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chancery.lang.loader import load_lexicon
from chancery.nlp.extensions import Resolved

if TYPE_CHECKING:
    from spacy.language import Language

    from chancery.nlp.components.actors import ActorRecognizer

# (lexicon name, default kind); earlier files win when two entities claim the same form.
ENTITY_FILES: tuple[tuple[str, str], ...] = (
    ("actors/contested", "contested_state"),
    ("actors/states", "state"),
    ("actors/territories", "territory"),
    ("actors/organisations", "igo"),
    ("actors/groups", "group"),
)
ROLES_FILE = "actors/roles"
BODIES_FILE = "actors/bodies"
PEOPLE_FILE = "actors/people"
OUTLETS_FILE = "outlets"

# Form types: how a surface form refers to its entity (the component treats them differently).
NAME, DEMONYM, METONYM, BODY, PERSON, MEDIA = "name", "demonym", "metonym", "body", "person", "media"
ENTITY_FORMS = (NAME, DEMONYM, METONYM)

ARTICLES = ("the ", "The ", "THE ")
POSSESSIVES = ("'s", "’s", "'", "’")


@dataclass(frozen=True)
class Form:
    """One surface form of an actor: what it resolves to and how it refers."""

    text: str
    actor: Resolved
    form: str  # NAME | DEMONYM | METONYM | BODY | PERSON | MEDIA
    exact: bool


def is_exact_form(text: str) -> bool:
    """Forms without lower-case letters (acronyms, "U.S.") must match case-sensitively."""
    return any(c.isalpha() for c in text) and not any(c.islower() for c in text)


def _optional(value: Any) -> str | None:
    return str(value) if value else None


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


class Gazetteer:
    """All actor forms, by case-sensitive text (``exact``) and by lower-cased text (``folded``).

    ``Gazetteer()`` loads the shipped tables (plus ``lexicon_dir``); ``Gazetteer(empty=True)``
    starts with none, for callers that ``add`` their own forms.
    """

    def __init__(self, lexicon_dir: str | None = None, *, empty: bool = False) -> None:
        self.lexicon_dir = lexicon_dir
        self.forms: list[Form] = []
        self.exact: dict[str, Form] = {}
        self.folded: dict[str, Form] = {}
        self.codes: dict[str, Resolved] = {}
        self.body_roles: dict[str, str] = {}  # lower-case role → canonical ("Foreign Ministry")
        self.office_roles: dict[str, str] = {}  # lower-case office → canonical ("President")
        self.plural_heads: dict[str, str] = {}  # "republics" → "republic" (coordination)
        self.name_stopwords: frozenset[str] = frozenset()
        self._resolver: tuple[Language, ActorRecognizer] | None = None
        if not empty:
            self._load_all()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, lexicon_dir: str | None = None) -> Gazetteer:
        return cls(lexicon_dir)

    def _load_all(self) -> None:
        lexicon_dir = self.lexicon_dir
        for name, kind in ENTITY_FILES:
            self._load_entities(load_lexicon(name, lexicon_dir=lexicon_dir), kind)
        self._load_people(load_lexicon(PEOPLE_FILE, lexicon_dir=lexicon_dir))
        self._load_bodies(load_lexicon(BODIES_FILE, lexicon_dir=lexicon_dir))
        self._load_roles(load_lexicon(ROLES_FILE, lexicon_dir=lexicon_dir))
        self._load_outlets(lexicon_dir)

    def add(self, text: str, actor: Resolved, form: str, exact: bool = False) -> None:
        text = _normal(text)
        if not text:
            return
        exact = exact or is_exact_form(text)
        entry = Form(text, actor, form, exact)
        table, key = (self.exact, text) if exact else (self.folded, text.lower())
        if key in table:  # first claim wins: files are read in priority order
            return
        table[key] = entry
        self.forms.append(entry)

    def _load_entities(self, data: dict[str, Any], default_kind: str) -> None:
        kind_default = str(data.get("kind", default_kind))
        for code, spec in data.get("entities", {}).items():
            code_value = _optional(spec.get("code", code))
            kind, country = str(spec.get("kind", kind_default)), _optional(spec.get("country"))
            actor = Resolved(code_value, str(spec.get("name", code)), kind, country)
            if code_value and code_value not in self.codes:
                self.codes[code_value] = actor
            exact_forms = set(_strings(spec.get("exact")))
            for form, key in ((NAME, "name"), (NAME, "aliases"), (NAME, "exact"),
                              (DEMONYM, "demonyms"), (METONYM, "metonyms")):
                for text in _strings(spec.get(key)):
                    # a code-less entry without a name only blocks shorter forms: it names itself
                    own = actor if code_value or "name" in spec else Resolved(None, text, kind, country)
                    self.add(text, own, form, exact=text in exact_forms)

    def _load_people(self, data: dict[str, Any]) -> None:
        for spec in data.get("people", {}).values():
            country = _optional(spec.get("country"))
            actor = Resolved(_optional(spec.get("code", country)), str(spec["name"]), "person", country)
            exact_forms = set(_strings(spec.get("exact")))
            for text in [str(spec["name"]), *_strings(spec.get("aliases")), *exact_forms]:
                self.add(text, actor, PERSON, exact=text in exact_forms)

    def _load_bodies(self, data: dict[str, Any]) -> None:
        for country, table in data.get("bodies", {}).items():
            for text, canonical in table.items():
                self.add(text, Resolved(country, str(canonical), "organisation", country), BODY)

    def _load_roles(self, data: dict[str, Any]) -> None:
        self.body_roles = {k.lower(): str(v) for k, v in data.get("bodies", {}).items()}
        self.office_roles = {k.lower(): str(v) for k, v in data.get("offices", {}).items()}
        self.plural_heads = {k.lower(): str(v).lower() for k, v in data.get("plural_heads", {}).items()}
        self.name_stopwords = frozenset(w.lower() for w in _strings(data.get("name_stopwords")))

    def _load_outlets(self, lexicon_dir: str | None) -> None:
        try:
            data = load_lexicon(OUTLETS_FILE, lexicon_dir=lexicon_dir)
        except (FileNotFoundError, OSError):
            return  # outlets are another helper's optional table
        table = data.get("outlets", data)
        for key, spec in table.items():
            if not isinstance(spec, dict) or "name" not in spec:
                continue
            actor = Resolved(str(spec.get("id", key)), str(spec["name"]), "media", _optional(spec.get("country")))
            for text in [str(spec["name"]), *_strings(spec.get("aliases"))]:
                # One- and two-letter forms ("X", "AA") are ordinary tokens far more often than outlets;
                # the attribution component still finds them as channels from context ("wrote on X").
                if len(text.replace(".", "")) < 3:
                    continue
                self.add(text, actor, MEDIA, exact=True)  # outlets.toml: forms are case-sensitive

    # ------------------------------------------------------------------ lookups
    def lookup(self, text: str, allow_lowercase: bool = True) -> Form | None:
        """The form written exactly as ``text`` (no article stripping, no tokenising)."""
        text = _normal(text)
        hit = self.exact.get(text)
        if hit is not None:
            return hit
        if not allow_lowercase and text.islower():
            return None
        return self.folded.get(text.lower())

    def resolve(self, text: str) -> Resolved | None:
        """Resolve a plain string ("Abkhazia", "the DPR", "Russia's foreign ministry", "ABK").

        Tries the table of forms first, then entity codes, then runs the actor matcher over the
        string and accepts a single mention that covers it.
        """
        cleaned = _clean(text)
        if not cleaned:
            return None
        hit = self.lookup(cleaned)
        if hit is not None:
            return hit.actor
        if cleaned.upper() == cleaned and cleaned in self.codes:
            return self.codes[cleaned]
        return self._resolve_by_matcher(cleaned)

    def _resolve_by_matcher(self, text: str) -> Resolved | None:
        from chancery.nlp.extensions import ACTORS

        if self._resolver is None:
            import spacy

            from chancery.nlp.components.actors import ActorRecognizer
            from chancery.nlp.extensions import register_extensions

            register_extensions()
            blank = spacy.blank("en")
            self._resolver = (blank, ActorRecognizer(blank, "chancery_actors", self))
        blank, recognizer = self._resolver
        doc = recognizer(blank.make_doc(text))
        spans = list(doc.spans.get(ACTORS, []))
        if len(spans) != 1:
            return None
        span = spans[0]
        rest = [t.lower_ for t in doc if not span.start <= t.i < span.end]
        if any(word not in ("the", "'s", "’s", "'") for word in rest):
            return None
        actor: Resolved | None = span._.actor
        return actor


def _normal(text: str) -> str:
    """One spelling for table keys: single spaces, straight apostrophes."""
    return " ".join(text.replace("’", "'").split())


def _clean(text: str) -> str:
    text = " ".join(text.strip().strip(".,;:!?\"“”").split())
    for article in ARTICLES:
        if text.startswith(article):
            text = text[len(article):]
            break
    for possessive in POSSESSIVES:
        if text.endswith(possessive) and len(text) > len(possessive):
            text = text[: -len(possessive)]
            break
    return text
