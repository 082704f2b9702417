"""The PLOVER lexicon: trigger lemmas and argument frames → PLOVER root and CAMEO code.

The data lives in ``lang/en/plover.toml`` (see its header for the format); this module turns it
into lookup dictionaries keyed by lemma, so matching a token costs a few dict lookups.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from chancery.lang import load_lexicon
from chancery.records import PLOVER_ROOTS

NO_EVENT = "none"  # a collocation that blocks the verb's own reading ("release a statement")
DEFAULT_VERB_CONFIDENCE = 0.7
DEFAULT_FRAME_CONFIDENCE = 0.75


@dataclass(frozen=True)
class Frame:
    """One reading of a trigger: the root it codes and how its target is introduced."""

    root: str  # PLOVER root in lower case, or NO_EVENT
    cameo: str
    preps: tuple[str, ...] = ()  # prepositions that introduce the target
    objects: frozenset[str] | None = None  # verbs only: fire only with one of these object nouns
    needs_object: bool = False  # verbs only: fire only with a direct object
    instrument: bool = False  # the direct object is what the actor uses ("deployed troops"), not the target
    confidence: float = DEFAULT_VERB_CONFIDENCE

    @property
    def plover(self) -> str:
        return self.root.upper()

    @property
    def blocks(self) -> bool:
        return self.root == NO_EVENT


@dataclass
class PloverLexicon:
    verbs: dict[str, Frame] = field(default_factory=dict)
    phrasal: dict[tuple[str, str], Frame] = field(default_factory=dict)  # (verb, particle/prep)
    collocations: dict[tuple[str, str], Frame] = field(default_factory=dict)  # (verb or "*", noun)
    nouns: dict[str, Frame] = field(default_factory=dict)
    adjectives: dict[str, Frame] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    negated: dict[str, str] = field(default_factory=dict)  # root when negated → root
    root_cameo: dict[str, str] = field(default_factory=dict)
    intent_modalities: frozenset[str] = frozenset()
    intent_root: dict[str, str] = field(default_factory=dict)  # root of a planned act → root
    intent_cameo: dict[str, str] = field(default_factory=dict)
    demand_verbs: frozenset[str] = frozenset()  # "X said Y must ..."
    demand_modals: frozenset[str] = frozenset()
    demand_cameo: str = "100"
    blame_predicates: frozenset[str] = frozenset()  # "X said Y was responsible"
    blame_cameo: str = "112"
    state_bodies: frozenset[str] = frozenset()  # "the Russian Foreign Ministry" acts for Russia
    party_nouns: frozenset[str] = frozenset()  # head nouns that name a party ("authorities", "rebels")
    document_nouns: frozenset[str] = frozenset()  # "a statement condemning X" speaks for its issuer
    argument_cues: Any = None  # events.arguments.ArgumentCues, for pronouns ("it", "the country")

    def collocation(self, verb: str, noun: str) -> Frame | None:
        return self.collocations.get((verb, noun)) or self.collocations.get(("*", noun))

    def light_noun(self, verb: str, noun: str) -> Frame | None:
        """An event noun taken as object by a light verb ("hold talks", "issue a warning")."""
        if verb in self.light_verbs:
            return self.nouns.get(noun)
        return None


def _frame(entry: dict[str, Any], root_cameo: dict[str, str], default_conf: float, where: str) -> Frame:
    root = str(entry.get("root", "")).lower()
    if root != NO_EVENT and root not in PLOVER_ROOTS:
        raise ValueError(f"plover lexicon: {where}: unknown root {root!r}")
    objects = entry.get("objects")
    return Frame(
        root=root,
        cameo=str(entry.get("cameo") or root_cameo.get(root, "")),
        preps=tuple(str(p).lower() for p in entry.get("preps", ())),
        objects=frozenset(str(o).lower() for o in objects) if objects else None,
        confidence=float(entry.get("conf", default_conf)),
        needs_object=bool(entry.get("needs_object", False)),
        instrument=bool(entry.get("instrument", False)),
    )


def _pair(key: str) -> tuple[str, str]:
    head, _, rest = key.strip().lower().partition(" ")
    return head, rest.strip()


def build_plover_lexicon(data: dict[str, Any]) -> PloverLexicon:
    root_cameo = {str(k).lower(): str(v) for k, v in data.get("roots", {}).items()}
    verb_conf, frame_conf = DEFAULT_VERB_CONFIDENCE, DEFAULT_FRAME_CONFIDENCE
    intent, demand = data.get("intent", {}), data.get("modal_demand", {})
    return PloverLexicon(
        verbs={k.lower(): _frame(v, root_cameo, verb_conf, f"verbs.{k}")
               for k, v in data.get("verbs", {}).items()},
        phrasal={_pair(k): _frame(v, root_cameo, frame_conf, f"phrasal.{k}")
                 for k, v in data.get("phrasal", {}).items()},
        collocations={_pair(k): _frame(v, root_cameo, frame_conf, f"collocations.{k}")
                      for k, v in data.get("collocations", {}).items()},
        nouns={k.lower(): _frame(v, root_cameo, frame_conf, f"nouns.{k}")
               for k, v in data.get("nouns", {}).items()},
        adjectives={k.lower(): _frame(v, root_cameo, verb_conf, f"adjectives.{k}")
                    for k, v in data.get("adjectives", {}).items()},
        light_verbs=_words(data.get("light", {}).get("verbs", ())),
        negated={str(k).lower(): str(v).lower() for k, v in data.get("negated", {}).items()},
        root_cameo=root_cameo,
        intent_modalities=_words(intent.get("modalities", ())),
        intent_root={str(k).lower(): str(v).lower() for k, v in intent.get("roots", {}).items()},
        intent_cameo={str(k).lower(): str(v) for k, v in intent.get("cameo", {}).items()},
        demand_verbs=_words(demand.get("verbs", ())),
        demand_modals=_words(demand.get("modals", ())),
        demand_cameo=str(demand.get("cameo", "100")),
        blame_predicates=_words(demand.get("blame", ())),
        blame_cameo=str(demand.get("blame_cameo", "112")),
        party_nouns=_words(data.get("parties", {}).get("nouns", ()))
        | _words(data.get("state_bodies", {}).get("nouns", ())),
        state_bodies=_words(data.get("state_bodies", {}).get("nouns", ())),
        document_nouns=_words(data.get("documents", {}).get("nouns", ())),
    )


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def load_plover_lexicon(lexicon_dir: str | None = None) -> PloverLexicon:
    """Read ``plover.toml`` (shipped, merged with the user's folder) into lookup tables, with the
    anaphora cues of the events package when it is installed."""
    lexicon = build_plover_lexicon(load_lexicon("plover", lexicon_dir=lexicon_dir))
    try:
        arguments = importlib.import_module("chancery.nlp.events.arguments")
    except ModuleNotFoundError as exc:
        if exc.name != "chancery.nlp.events.arguments":
            raise
    else:
        lexicon.argument_cues = arguments.load_argument_cues(lexicon_dir)
    return lexicon
