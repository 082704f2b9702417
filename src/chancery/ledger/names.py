"""Codes ↔ names for the ledger: contested entities from the shipped table, states via pycountry.

CLI arguments ("Abkhazia", "DPR", "North Korea") resolve through the actors gazetteer when it is
available (``chancery.nlp.gazetteer.Gazetteer``), else through codes and these tables.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from typing import Any

from chancery.errors import ChanceryError, ErrorCode, ExitCode


@dataclass(frozen=True)
class Entity:
    code: str
    name: str
    coverage: str  # complete | partial: how fully the reference table lists its recognisers


class Names:
    """Lookup tables, read once per instance (never at import)."""

    def __init__(self) -> None:
        text = resources.files("chancery.data").joinpath("recognitions", "entities.csv").read_text(encoding="utf-8")
        self.entities = {row["code"]: Entity(row["code"], row["name"], row["coverage"])
                         for row in csv.DictReader(io.StringIO(text))}
        self._gazetteer: Any = None
        self._gazetteer_tried = False
        self._names: dict[str, str] = {}
        self._tables: tuple[dict[str, str], dict[str, str]] | None = None

    def is_contested(self, code: str) -> bool:
        return code in self.entities and code != "CHN"

    def kind(self, code: str) -> str:
        return "contested_state" if self.is_contested(code) else "state"

    def name(self, code: str) -> str:
        cached = self._names.get(code)
        if cached is None:
            cached = self._names[code] = self._lookup_name(code)
        return cached

    def _actor_tables(self) -> tuple[dict[str, str], dict[str, str]]:
        """(code → name, lower-cased form → code) from the actors lexicon's state and entity tables."""
        if self._tables is None:
            names: dict[str, str] = {}
            forms: dict[str, str] = {}
            from chancery.lang.loader import load_lexicon

            for table in ("actors/states", "actors/contested"):
                try:
                    entries = load_lexicon(table).get("entities", {})
                except (FileNotFoundError, OSError, ValueError):
                    continue
                for code, entry in entries.items():
                    if not isinstance(entry, dict) or "name" not in entry:
                        continue
                    names.setdefault(code, str(entry["name"]))
                    for form in [entry["name"], *entry.get("aliases", []), *entry.get("metonyms", [])]:
                        forms.setdefault(str(form).lower(), code)
            self._tables = (names, forms)
        return self._tables

    def _lookup_name(self, code: str) -> str:
        if code in self.entities:
            return self.entities[code].name
        known = self._actor_tables()[0].get(code)
        if known:
            return known
        import pycountry

        country = pycountry.countries.get(alpha_3=code)
        if country is None:
            return code
        return str(getattr(country, "common_name", None) or country.name)

    def coverage(self, code: str) -> str:
        entity = self.entities.get(code)
        return entity.coverage if entity else "partial"

    def _gazetteer_resolve(self, text: str) -> str | None:
        if not self._gazetteer_tried:
            self._gazetteer_tried = True
            try:
                from chancery.nlp.gazetteer import Gazetteer  # type: ignore[import-not-found,unused-ignore]

                self._gazetteer = Gazetteer()
            except Exception:  # not written yet, or its data is missing: codes and names still work
                self._gazetteer = None
        if self._gazetteer is None:
            return None
        try:
            found = self._gazetteer.resolve(text)
        except Exception:
            return None
        code = getattr(found, "code", found)
        return str(code) if code else None

    def resolve(self, text: str) -> str:
        """A code for a name or code typed by a user; ChanceryError (usage) when nothing matches."""
        raw = text.strip()
        if raw.upper() in self.entities:
            return raw.upper()
        names, forms = self._actor_tables()
        if raw.upper() in names and (raw.isupper() or len(raw) == 3):
            return raw.upper()
        bare = raw.lower().removeprefix("the ")
        if raw.lower() in forms or bare in forms:
            return forms.get(raw.lower()) or forms[bare]
        found = self._gazetteer_resolve(raw)
        if found:
            return found
        for entity in self.entities.values():
            if entity.name.lower() == raw.lower():
                return entity.code
        import pycountry

        if len(raw) == 3 and pycountry.countries.get(alpha_3=raw.upper()):
            return raw.upper()
        try:
            return str(pycountry.countries.lookup(raw).alpha_3)
        except LookupError:
            pass
        try:
            matches = pycountry.countries.search_fuzzy(raw)
        except LookupError:
            matches = []
        if len(matches) >= 1 and raw.lower() in str(matches[0].name).lower():
            return str(matches[0].alpha_3)
        raise ChanceryError(ErrorCode.USAGE, f"no actor matches {text!r}; use a name or a code such as "
                            "DPR, XKX or PRK", ExitCode.USAGE)
