"""The outlet table (``lang/en/outlets.toml``): find outlets in text and give their source profile."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chancery.lang.loader import load_lexicon


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str | None
    control: str | None
    kind: str  # outlet | wire | platform
    domains: tuple[str, ...] = ()

    def profile(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country, "control": self.control,
                "kind": self.kind}


@dataclass
class OutletTable:
    outlets: dict[str, Outlet] = field(default_factory=dict)
    by_form: dict[str, Outlet] = field(default_factory=dict)  # exact surface form → outlet
    by_folded: dict[str, Outlet] = field(default_factory=dict)  # lower-case name → outlet (lookups only)
    by_domain: dict[str, Outlet] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    @classmethod
    def load(cls, lexicon_dir: str | None = None) -> OutletTable:
        data = load_lexicon("outlets", lexicon_dir=lexicon_dir)
        table = cls()
        for key, spec in data.get("outlets", {}).items():
            if not isinstance(spec, dict) or "name" not in spec:
                continue
            outlet = Outlet(str(spec.get("id", key)), str(spec["name"]), spec.get("country") or None,
                            spec.get("control") or None, str(spec.get("kind", "outlet")),
                            tuple(str(d).lower() for d in spec.get("domains", [])))
            table.outlets[outlet.id] = outlet
            for form in [outlet.name, *[str(a) for a in spec.get("aliases", [])]]:
                table.by_form.setdefault(form, outlet)
                table.by_folded.setdefault(form.lower(), outlet)
                if form.startswith("The "):
                    table.by_form.setdefault(form[4:], outlet)
            for domain in outlet.domains:
                table.by_domain.setdefault(domain, outlet)
        forms = sorted(table.by_form, key=len, reverse=True)
        if forms:
            table.pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
        return table

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Outlet]]:
        """Outlet mentions (case-sensitive, whole words) in ``text[start:end]``."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text, start, len(text) if end is None else end):
            out.append((m.start(), m.end(), self.by_form[m.group(0)]))
        return out

    def lookup(self, name: str | None) -> Outlet | None:
        """An outlet by name, alias, domain or URL (any case)."""
        if not name:
            return None
        text = name.strip()
        hit = self.by_form.get(text) or self.by_folded.get(text.lower())
        if hit:
            return hit
        host = re.sub(r"^[a-z]+://", "", text.lower()).split("/")[0].removeprefix("www.")
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            if "." not in host:
                break
            host = host.split(".", 1)[1]
        return None
