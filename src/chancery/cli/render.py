"""Human-readable rendering of one extraction record (the `--format text` view)."""

from __future__ import annotations

from typing import Any


def _actor(a: dict[str, Any] | None) -> str:
    if not a:
        return "?"
    code = a.get("code")
    return f"{a.get('name') or a.get('text')} [{code}]" if code else str(a.get("name") or a.get("text"))


def _date(d: dict[str, Any] | None) -> str:
    if not d or not d.get("value"):
        return "undated"
    basis = "" if d.get("basis") == "text" else " (publication date)"
    surface = f' "{d["text"]}"' if d.get("text") and d.get("basis") == "text" else ""
    return f"{d['value']}{surface}{basis}"


def _attribution(attr: dict[str, Any] | None) -> str:
    if not attr:
        return ""
    parts = []
    speaker = attr.get("speaker") or {}
    if speaker.get("name") or speaker.get("text"):
        parts.append(f"per {speaker.get('name') or speaker.get('text')}")
    channel = attr.get("channel") or {}
    if channel.get("name"):
        parts.append(f"via {channel['name']}")
    return ("  — " + ", ".join(parts)) if parts else ""


def _profile(profile: dict[str, Any] | None) -> str:
    """ " [RUS, state-controlled]": where an outlet in a chain belongs and who controls it."""
    if not profile:
        return ""
    parts = [str(p) for p in (profile.get("country"), profile.get("control")) if p]
    return f" [{', '.join(parts)}]" if parts else ""


def render_text(rec: dict[str, Any]) -> str:
    lines = [f"== {rec.get('title') or rec['id']}  ({rec['id']})"]
    meta = [f"published {rec['published']}" if rec.get("published") else "no publication date"]
    if rec.get("outlet"):
        src = rec.get("source") or {}
        control = f", {src['control']}" if src.get("control") else ""
        meta.append(f"outlet {rec['outlet']}{control}")
    lines.append("   " + "; ".join(meta))
    actors = sorted({_actor(e) for e in rec.get("entities", []) if e.get("code")})
    if actors:
        lines.append("actors: " + ", ".join(actors))
    events = rec.get("events", [])
    lines.append(f"events ({len(events)}):")
    for ev in events:
        modality = "" if ev["modality"] == "asserted" else f" [{ev['modality']}]"
        source = f" (from {_actor(ev['from'])})" if ev.get("from") else ""
        planned = f", planned {_date(ev['planned'])}" if ev.get("planned") else ""
        lines.append(f"  - {_actor(ev.get('actor'))} —{ev['type']}→ {_actor(ev.get('target'))}{source}"
                     f"{modality}  {_date(ev.get('date'))}{planned}  "
                     f"[{ev['plover']} / CAMEO {ev['cameo']}] «{ev['trigger']['text']}»"
                     f"{_attribution(ev.get('attribution'))}")
    quotes = rec.get("quotes", [])
    if quotes:
        lines.append(f"quotes ({len(quotes)}):")
    for q in quotes:
        sp = q.get("speaker") or {}
        who = sp.get("name") or sp.get("text") or "unattributed"
        role = f", {sp['role']}" if sp.get("role") else ""
        aff = sp.get("affiliation") or {}
        org = f" ({aff.get('name')})" if aff.get("name") else ""
        text = q["text"] if len(q["text"]) <= 160 else q["text"][:157] + "..."
        lines.append(f"  - {who}{role}{org} [{q['kind']}]: “{text}”")
        chain = q.get("chain") or []
        if chain:
            lines.append("      chain: " + " → ".join(str(c.get("name")) + _profile(c.get("profile")) for c in chain))
        channel = q.get("channel") or {}
        if channel.get("name"):
            lines.append(f"      channel: {channel['name']} ({channel.get('kind', '')}){_profile(channel.get('profile'))}")
    for claim in rec.get("claims", []):
        lines.append(f"claim: “{claim['text']}” → {claim['verdict']}")
    loaded = rec.get("loaded", [])
    if loaded:
        lines.append("loaded language: " + ", ".join(f"{t['text']} ({t.get('voice', '?')})" for t in loaded))
    return "\n".join(lines)
