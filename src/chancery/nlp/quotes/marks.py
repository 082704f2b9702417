"""Find text inside quotation marks, whatever the style, without ever raising.

Handles straight and curly double quotes, „German“ and »reversed« styles, «guillemets», single
quotes (with apostrophes told apart), and the news convention for a quote running over several
paragraphs: each paragraph opens with a mark, only the last one closes. An opener left unclosed
ends at its paragraph's end.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPENERS = {'"': '"”', "“": "”“\"", "„": "“”", "«": "»", "»": "«", "‹": "›"}
SINGLE_OPENERS = {"'": "'", "‘": "’", "‚": "‘’"}
STRICT_OPENERS = frozenset("“„«‘")
DOUBLE_CHARS = frozenset('"“”„«»‹›')
SINGLE_CHARS = frozenset("'‘’‚")
BEFORE_OPEN = frozenset(" \t\n([{—–-/:;,")


@dataclass(frozen=True)
class Marked:
    """A quoted stretch: ``start``/``end`` delimit the content (marks excluded); ``closed`` is False
    when the closing mark was missing; ``pieces`` are the per-paragraph content spans."""

    start: int
    end: int
    opener: str
    closed: bool
    pieces: tuple[tuple[int, int], ...]


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in BEFORE_OPEN or before in DOUBLE_CHARS or before in SINGLE_CHARS) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True  # don't, Russia’s
    # ’90s, ’em
    return (before.isspace() or i == 0) and after.isdigit()


def _scan(text: str, openers: dict[str, str], chars: frozenset[str], lo: int, hi: int,
          skip: list[tuple[int, int]] | None = None) -> list[Marked]:
    out: list[Marked] = []
    opener: str | None = None
    start = 0
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    single = chars is SINGLE_CHARS
    skip = skip or []
    skip_i = 0
    i = lo
    while i < hi:
        ch = text[i]
        if ch == "\n" and opener is not None:
            j = i
            while j < hi and text[j].isspace():
                j += 1
            if not single and j < hi and text[j] in openers:
                # the next paragraph reopens: one quote running over several paragraphs
                pieces.append((piece_start, i))
                piece_start = j + 1
                i = j + 1
                continue
            last = text[:i].rstrip()[-1:]
            if "\n" in text[i + 1:j] or last in ".!?…:" or single:
                pieces.append((piece_start, i))
                out.append(Marked(start, i, opener, False, tuple(pieces)))
                opener = None
            i += 1
            continue
        if ch not in chars:
            i += 1
            continue
        while skip_i < len(skip) and skip[skip_i][1] <= i:
            skip_i += 1
        if skip_i < len(skip) and skip[skip_i][0] <= i < skip[skip_i][1]:
            i += 1
            continue
        if single and _is_apostrophe(text, i):
            i += 1
            continue
        if opener is None or (ch == opener and ch in STRICT_OPENERS and _can_open(text, i) and not _can_close(text, i)):
            if opener is not None:  # a fresh opener while one is open: the first was never closed
                pieces.append((piece_start, i))
                out.append(Marked(start, i, opener, False, tuple(pieces)))
                opener = None
            if ch in openers and _can_open(text, i):
                opener, start, piece_start, pieces = ch, i + 1, i + 1, []
        elif ch in openers[opener] and _can_close(text, i):
            pieces.append((piece_start, i))
            out.append(Marked(start, i, opener, True, tuple(pieces)))
            opener = None
        i += 1
    if opener is not None:
        pieces.append((piece_start, hi))
        out.append(Marked(start, hi, opener, False, tuple(pieces)))
    return out


def find_quoted(text: str) -> list[Marked]:
    """All quoted stretches in ``text``, outermost only, in text order; never raises."""
    doubles = [m for m in _scan(text, DOUBLE_OPENERS, DOUBLE_CHARS, 0, len(text)) if m.end > m.start]
    covered = [(m.start - 1, m.end + 1) for m in doubles]
    singles = [m for m in _scan(text, SINGLE_OPENERS, SINGLE_CHARS, 0, len(text), covered)
               if m.end > m.start and (m.closed or m.end - m.start < 400)]
    # a single-quoted stretch must lie outside every double-quoted one (nested quotes stay inside)
    singles = [m for m in singles if not any(d0 <= m.start < d1 for d0, d1 in covered)]
    result = sorted(doubles + singles, key=lambda m: m.start)
    return [_trim(text, m) for m in result]


def _trim(text: str, m: Marked) -> Marked:
    start, end = m.start, m.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    pieces = tuple((max(a, start), min(b, end)) for a, b in m.pieces if min(b, end) > max(a, start))
    return Marked(start, end, m.opener, m.closed, pieces or ((start, end),))
