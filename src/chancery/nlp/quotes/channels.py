"""Channels and reporting chains: how a statement reached the article.

In the sentence of a quote's cue, an outlet is the *channel* when the speaker spoke to or through it
("told TASS", "in an interview with Izvestia", "wrote on Telegram") and a *relay* when it passes the
statement on ("…, TASS reported", "according to RIA Novosti"). Without an outlet, a press
conference, a statement, an interview or a speech is the channel. The chain runs from the article's
outlet through the relays and the channel to the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from chancery.nlp.quotes.outlets import Outlet, OutletTable

TO_CHANNEL = re.compile(
    r"(?:\btold|\btelling|\btells|\btell|interview(?:ed)? (?:with|to|by)|conversation with|speaking (?:to|with)|"
    r"spoke (?:to|with)|talking to|talked to|comments to|remarks to|statement to|said to|wrote (?:for|in)|"
    r"writing (?:for|in)|article (?:for|in)|op-ed (?:for|in)|column (?:for|in)|quoted by|cited by|"
    r"appearance on|appearing on|broadcast(?: by| on)?|aired (?:by|on))"
    r"(?:\s+(?:the|a|an|russia's|russian|state|state-run|state-owned|state-affiliated|state-controlled|"
    r"official|news|newspaper|daily|agency|channel|broadcaster|outlet|website|tv|television|radio|[a-z]+-[a-z]+|"
    r"[\w’']+(?:’s|'s)))*\s*$", re.IGNORECASE)
ON_PLATFORM = re.compile(r"\b(?:on|via|in a post on|to)\s+(?:(?:his|her|their|its|the|an?|official|personal)\s+)*$",
                         re.IGNORECASE)
RELAY_BEFORE = re.compile(r"(?:according to|reported|reports|reporting|cited|citing|quoted|quoting|"
                          r"as reported by|said|told|writes|wrote|via)\s+(?:the\s+)?$", re.IGNORECASE)
RELAY_AFTER = re.compile(r"^\s*(?:news agency\s+|agency\s+|newspaper\s+)?(?:has |have |had )?"
                         r"(?:reported|reports|said|quoted|cited|writes|wrote|learned|has learned|added|noted|"
                         r"published|carried|broadcast)\b", re.IGNORECASE)
KIND_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("event", re.compile(r"\b(?:a |the |his |her |their |an? annual |joint )?(?:press|news) conference\b|"
                         r"\b(?:a |the )?(?:press |news |media )?briefing\b", re.IGNORECASE)),
    ("interview", re.compile(r"\b(?:an? |the )?(?:[\w-]+ )?interview\b", re.IGNORECASE)),
    ("statement", re.compile(r"\b(?:an? |the )?(?:written |joint |official |separate )?"
                             r"(?:statement|communiqu[eé]|press release|declaration|letter)\b", re.IGNORECASE)),
    ("platform", re.compile(r"\btweet(?:ed|s)?\b|\bposted\b|\bsocial media\b", re.IGNORECASE)),
    ("event", re.compile(r"\b(?:an? |the )?(?:speech|address|rally|summit|hearing|session|forum|debate)\b",
                         re.IGNORECASE)),
    ("outlet", re.compile(r"\bon (?:state |national |russian |local )?(?:television|tv|radio)\b", re.IGNORECASE)),
)


@dataclass(frozen=True)
class OutletMention:
    start: int
    end: int
    outlet: Outlet
    role: str  # channel | relay | speaker


MEDIA_NAME = re.compile(
    r"(?:\btold|interview(?:ed)? (?:with|to|by)|conversation with|speaking (?:to|with)|spoke (?:to|with)|"
    r"comments to|remarks to|quoted by|appearance on|appearing on)\s+(?:the\s+)?"
    r"((?:[A-Z][\w.&'’-]*\s+){0,4}(?:TV|Radio|News|Times|Post|Daily|Journal|Gazette|Herald|Press|Agency|"
    r"Channel|Television|Tribune|Telegraph|Observer|Mail|Express|Review|Monitor|Chronicle|Globe|Star|Sun)"
    r"(?:\s+[A-Z][\w.&'’-]*){0,2})"
    r"|(?:interview(?:ed)? with|conversation with|told|speaking to|spoke to)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:newspaper|daily|broadcaster|channel|outlet|magazine|agency|tv|radio|website)\s+"
    r"((?:[A-Z][\w.&'’-]*)(?:\s+(?:[A-Z][\w.&'’-]*|della|de|di|del|la|le|el))*)")


def unlisted_media(text: str, lo: int, hi: int, skip: tuple[int, int] | None) -> dict[str, Any] | None:
    """An outlet missing from the table, named where a speaker spoke to it ("told Pink TV")."""
    for m in MEDIA_NAME.finditer(text, lo, hi):
        group = 1 if m.group(1) else 2
        if skip is not None and skip[0] <= m.start(group) < skip[1]:
            continue
        kind = "interview" if "interview" in m.group(0).lower() or "conversation" in m.group(0).lower() else "outlet"
        return {"name": m.group(group).strip(), "kind": kind, "profile": None}
    return None


def chain_item(outlet: Outlet) -> dict[str, Any]:
    return {"name": outlet.name, "kind": outlet.kind, "profile": outlet.profile()}


def _classify(text: str, lo: int, start: int, end: int, outlet: Outlet, speaker: tuple[int, int] | None) -> str:
    before = text[max(lo, start - 80):start]
    after = text[end:end + 40]
    if speaker is not None and speaker[0] <= start < speaker[1]:
        return "speaker"
    if TO_CHANNEL.search(before):
        return "channel"
    if outlet.kind == "platform" and (ON_PLATFORM.search(before) or re.search(r"(?i)\b(?:post|channel|account|page|video)\b", before[-25:])):
        return "channel"
    if RELAY_BEFORE.search(before) or RELAY_AFTER.search(after):
        return "relay"
    return "channel" if outlet.kind == "platform" else "relay"


def outlet_mentions(text: str, lo: int, hi: int, skip: tuple[int, int] | None, outlets: OutletTable,
                    speaker: tuple[int, int] | None) -> list[OutletMention]:
    found = []
    for s, e, outlet in outlets.find(text, lo, hi):
        if skip is not None and skip[0] <= s < skip[1]:
            continue
        found.append(OutletMention(s, e, outlet, _classify(text, lo, s, e, outlet, speaker)))
    return found


def phrase_channel(text: str, lo: int, hi: int, skip: tuple[int, int] | None) -> dict[str, Any] | None:
    region = text[lo:hi]
    if skip is not None and lo <= skip[0] < hi:
        region = text[lo:skip[0]] + " " * (min(skip[1], hi) - skip[0]) + text[min(skip[1], hi):hi]
    for kind, pattern in KIND_PHRASES:
        m = pattern.search(region)
        if m:
            name = m.group(0).strip()
            if kind == "platform" and name.lower().startswith("tweet"):
                return {"name": "X", "text": name, "kind": "platform", "profile": None}
            return {"name": name, "kind": kind, "profile": None}
    return None
