"""Component ``chancery_attribution``: channels, reporting chains and source profiles.

Reads ``doc._.quotes`` (from ``chancery_quotes``), ``doc._.events`` and ``doc._.outlet``. Writes
``doc._.source_profile`` (the article outlet's profile), each quote's ``channel`` and ``chain``, and
each event's ``attribution`` ({speaker, channel, chain}) from the statement it is reported in.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from chancery.nlp.extensions import ACTORS
from chancery.nlp.quotes.channels import chain_item, outlet_mentions, phrase_channel, unlisted_media
from chancery.nlp.quotes.outlets import OutletTable
from chancery.nlp.quotes.sentences import Sentences

_MEDIA_KEY = "chancery.media_mentions"


class Attribution:
    def __init__(self, lexicon_dir: str | None = None) -> None:
        self.outlets = OutletTable.load(lexicon_dir)

    def __call__(self, doc: Doc) -> Doc:
        sents = Sentences(doc)
        text = doc.text  # Doc.text is rebuilt from tokens on every access
        article = self.profile(doc._.outlet, doc._.url)
        doc._.source_profile = article
        head = [self._article_item(article)] if article else []
        quotes = doc._.quotes or []
        last_channel: dict[str, Any] = {}
        for q in quotes:
            self._channel(doc, text, sents, q)
            who = (q.get("speaker") or {}).get("name")
            if q.get("cue") is None and q.get("channel") is None and who:
                q["channel"] = last_channel.get(who)  # the speaker's words run on through the same channel
            if who and q.get("channel") is not None:
                last_channel[who] = q["channel"]
        for q in sorted(quotes, key=lambda q: q["end"] - q["start"], reverse=True):
            parent = _enclosing(q, quotes)
            base = list(parent["chain"]) if parent is not None and parent.get("chain") else list(head)
            relays = [r for r in q.pop("_relays", []) if not any(r["name"] == b.get("name") for b in base)]
            chain = base + relays
            channel = q.get("channel")
            if channel and channel.get("profile") and not any(c.get("name") == channel["name"] for c in chain):
                chain.append({"name": channel["name"], "kind": channel["profile"]["kind"],
                              "profile": channel["profile"]})
            speaker = _speaker_item(q.get("speaker"))
            if speaker and not any(c.get("name") == speaker["name"] for c in chain[len(base):]):
                chain.append(speaker)
            q["chain"] = chain
            if parent is not None and q.get("channel") is None:
                q["channel"] = parent.get("channel")
        for event in doc._.events or []:
            # Keep what the events component marked (reported speech, its cue) under ours.
            found = self._event(doc, text, sents, event, quotes, head)
            event.attribution = {**(event.attribution or {}), **found} if found else event.attribution
        return doc

    def profile(self, outlet: str | None, url: str | None = None) -> dict[str, Any] | None:
        """The article's outlet profile, by outlet name first, else by the URL's domain."""
        found = self.outlets.lookup(outlet) if outlet else None
        if found is None and url:
            found = self.outlets.lookup(url)
        if not outlet and found is None:
            return None
        if found is None:
            return {"id": None, "name": outlet, "country": None, "control": None, "kind": None}
        return found.profile()

    @staticmethod
    def _article_item(profile: dict[str, Any]) -> dict[str, Any]:
        return {"name": profile["name"], "kind": "article", "profile": profile}

    def _channel(self, doc: Doc, text: str, sents: Sentences, q: dict[str, Any]) -> None:
        anchor = (q.get("cue") or {}).get("start", q["start"])
        sent = sents.spans[sents.index_of_char(anchor)] if sents.spans else doc[:]
        lo, hi = sent.start_char, sent.end_char
        if q["kind"] == "direct" and q.get("cue") is None:
            lo = hi = q["start"]
        speaker = q.get("speaker")
        skip = (q["start"], q["end"])
        spk = (speaker["start"], speaker["end"]) if speaker else None
        mentions = outlet_mentions(text, lo, hi, skip, self.outlets, spk)
        mentions += self._media_actors(doc, text, lo, hi, skip, mentions, spk)
        channel = next((m for m in mentions if m.role == "channel"), None)
        if channel is not None:
            kind = "interview" if "interview" in text[max(lo, channel.start - 40):channel.start].lower() \
                or "conversation" in text[max(lo, channel.start - 40):channel.start].lower() else channel.outlet.kind
            q["channel"] = {"name": channel.outlet.name, "text": text[channel.start:channel.end],
                            "kind": "outlet" if kind == "wire" else kind, "profile": channel.outlet.profile()}
        else:
            q["channel"] = unlisted_media(text, lo, hi, skip) or phrase_channel(text, lo, hi, skip)
            if q["channel"] is None:
                own = next((m for m in mentions if m.role == "speaker"), None)
                if own is not None:
                    q["channel"] = {"name": own.outlet.name, "kind": "outlet", "profile": own.outlet.profile()}
            elif q["channel"]["kind"] == "platform":
                platform = self.outlets.lookup(q["channel"]["name"])
                q["channel"]["profile"] = platform.profile() if platform else None
        q["_relays"] = [chain_item(m.outlet) for m in sorted(mentions, key=lambda m: m.start) if m.role == "relay"]

    @staticmethod
    def _media_spans(doc: Doc) -> list[Span]:
        """Media mentions in text order, computed once per doc (called for every quote)."""
        if ACTORS not in doc.spans:
            return []
        group = doc.spans[ACTORS]
        cached = doc.user_data.get(_MEDIA_KEY)
        if cached is None or cached[0] != len(group):
            media = [k for k in range(len(group)) if group[k]._.actor is not None and group[k]._.actor.kind == "media"]
            cached = (len(group), sorted(media, key=lambda k: group[k].start_char))
            doc.user_data[_MEDIA_KEY] = cached  # plain integers: the Doc stays serialisable
        return [group[k] for k in cached[1]]

    def _media_actors(self, doc: Doc, text: str, lo: int, hi: int, skip: tuple[int, int], known: list[Any],
                      speaker: tuple[int, int] | None) -> list[Any]:
        """Media actors the actor component found that the outlet table spelled differently."""
        from chancery.nlp.quotes.channels import OutletMention, _classify
        from chancery.nlp.quotes.outlets import Outlet

        extra = []
        media = self._media_spans(doc)
        first = bisect_left([s.start_char for s in media], lo)
        for span in media[first:]:
            if span.start_char >= hi:
                break
            actor = span._.actor
            if skip[0] <= span.start_char < skip[1] or any(m.start <= span.start_char < m.end for m in known):
                continue
            outlet = self.outlets.outlets.get(actor.code or "") or Outlet(actor.code or actor.name, actor.name,
                                                                         actor.country, None, "outlet")
            role = _classify(text, lo, span.start_char, span.end_char, outlet, speaker)
            extra.append(OutletMention(span.start_char, span.end_char, outlet, role))
        return extra

    def _event(self, doc: Doc, text: str, sents: Sentences, event: Any, quotes: list[dict[str, Any]],
               head: list[dict[str, Any]]) -> dict[str, Any] | None:
        at = event.trigger.start
        holding = [q for q in quotes if q["start"] <= at < q["end"]]
        if holding:
            q = min(holding, key=lambda q: q["end"] - q["start"])
            return {"speaker": q.get("speaker"), "channel": q.get("channel"), "chain": q.get("chain", []),
                    "quote": {"start": q["start"], "end": q["end"]}}
        sent = sents.spans[sents.index_of_char(at)] if sents.spans else doc[:]
        trigger = (event.trigger.start, event.trigger.end)
        mentions = outlet_mentions(text, sent.start_char, sent.end_char, trigger, self.outlets, None)
        relays = [chain_item(m.outlet) for m in mentions if m.role == "relay"]
        channel = next(({"name": m.outlet.name, "kind": m.outlet.kind, "profile": m.outlet.profile()}
                        for m in mentions if m.role == "channel"), None)
        if relays or channel or head:
            chain = list(head) + [r for r in relays if not any(r["name"] == h["name"] for h in head)]
            return {"speaker": None, "channel": channel, "chain": chain}
        return None


def _enclosing(q: dict[str, Any], quotes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The smallest other quote whose content holds this quote's cue (A told B that C said …)."""
    anchor = (q.get("cue") or {}).get("start", q["start"])
    best = None
    for p in quotes:
        if p is q or not (p["start"] <= anchor < p["end"]) or (p["end"] - p["start"]) <= (q["end"] - q["start"]):
            continue
        if best is None or p["end"] - p["start"] < best["end"] - best["start"]:
            best = p
    return best


def _speaker_item(speaker: dict[str, Any] | None) -> dict[str, Any] | None:
    if not speaker:
        return None
    name = speaker.get("name") or speaker.get("text")
    if not name:
        return None
    return {"name": name, "kind": "speaker", "role": speaker.get("role"),
            "affiliation": speaker.get("affiliation")}


@Language.factory("chancery_attribution", assigns=["doc._.source_profile", "doc._.quotes", "doc._.events"],
                  requires=[], default_config={"lexicon_dir": None})
def make_attribution(nlp: Language, name: str, lexicon_dir: str | None) -> Attribution:
    return Attribution(lexicon_dir)
