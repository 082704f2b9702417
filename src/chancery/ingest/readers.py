"""Readers per input format. Each yields Articles and InputErrors, in input order, streaming."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from chancery.errors import ErrorCode, InputError
from chancery.ingest.article import Article, article_id
from chancery.ingest.language import non_english_reason

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Item = Article | InputError


def normalise_published(value: Any) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a string or datetime-like value; None if absent."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    head = text[:10]
    if _ISO_DATE.match(head):
        return head
    if _ISO_DATE.match(text[:7]):
        return text[:7]
    raise ValueError(f"not an ISO date: {text!r}")


# A valid multi-byte UTF-8 sequence: its presence means the file is UTF-8 with damage, not legacy.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
LEGACY_ENCODINGS = ("cp1251", "cp1252", "latin_1", "iso8859_2", "iso8859_5", "iso8859_15", "koi8_r", "cp1250",
                    "mac_cyrillic", "cp1253", "cp1254", "cp1256")


def _legacy_decode(data: bytes) -> str | None:
    """Decode a legacy 8-bit file (cp1251, latin-1, …) when the detector is confident; else None."""
    if _UTF8_MULTIBYTE.search(data):
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None or best.chaos > 0.2:
        return None
    return data.decode(best.encoding, errors="replace")


def decode(data: bytes, source: str) -> str | InputError:
    if not data.strip():
        return InputError(ErrorCode.EMPTY, "input is empty", source)
    if b"\x00" in data[:8192]:
        return InputError(ErrorCode.BINARY, "input looks binary (contains NUL bytes)", source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        legacy = _legacy_decode(data)
        if legacy is not None:
            return legacy
        return InputError(ErrorCode.ENCODING, f"not valid UTF-8 (byte {exc.start}) and no legacy encoding fits",
                          source)


def _language_gate(article: Article) -> Article | InputError:
    reason = non_english_reason(article.text)
    if reason is None:
        return article
    source, _, line = article.source.rpartition(":")
    if line.isdigit():
        return InputError(ErrorCode.LANGUAGE, f"not English text: {reason}", source, int(line))
    return InputError(ErrorCode.LANGUAGE, f"not English text: {reason}", article.source)


_WORD = re.compile(r"[^\W\d_]{2,}")


def _looks_like_prose(text: str) -> bool:
    """Navigation crumbs ("Home | News") and a cookie line ("We use cookies.") are not an article:
    want a sentence of four words or more, or a dozen words."""
    sentences = re.split(r"(?<=[.!?…])\s+|\n", text)
    return any(len(_WORD.findall(s)) >= 4 and re.search(r"[.!?…][\"'”’)]*$", s.strip()) for s in sentences) \
        or len(_WORD.findall(text)) >= 12


def html_to_article(html: str, source: str, **meta: Any) -> Article | InputError:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not _looks_like_prose(body):
        return InputError(ErrorCode.NO_TEXT, "no article text found in the HTML", source)
    published = meta.get("published") or getattr(doc, "date", None)
    try:
        published = normalise_published(published)
    except ValueError:
        published = None
    return _language_gate(Article(text=body, id=meta.get("id") or article_id(body), published=published,
                                  url=meta.get("url") or getattr(doc, "url", None),
                                  title=meta.get("title") or getattr(doc, "title", None),
                                  outlet=meta.get("outlet") or getattr(doc, "sitename", None), source=source))


def read_text(data: bytes, source: str, published: str | None) -> Item:
    text = decode(data, source)
    if isinstance(text, InputError):
        return text
    return _language_gate(Article(text=text, id=article_id(text), published=published, source=source))


def read_html(data: bytes, source: str, published: str | None) -> Item:
    text = decode(data, source)
    if isinstance(text, InputError):
        return text
    return html_to_article(text, source, published=published)


def read_jsonl(stream: IO[bytes], source: str, published: str | None, max_bytes: int) -> Iterator[Item]:
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield InputError(ErrorCode.TOO_LARGE, f"line is {len(raw)} bytes (limit {max_bytes})", source, lineno)
            continue
        yield parse_jsonl_line(raw, source, lineno, published)


def parse_jsonl_line(raw: bytes, source: str, lineno: int, published: str | None) -> Item:
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return InputError(ErrorCode.ENCODING, "line is not valid UTF-8", source, lineno)
    except json.JSONDecodeError as exc:
        return InputError(ErrorCode.BAD_JSON, f"invalid JSON: {exc.msg} (column {exc.colno})", source, lineno)
    if not isinstance(obj, dict):
        return InputError(ErrorCode.BAD_FIELD, "line is not a JSON object", source, lineno)
    meta: dict[str, Any] = {}
    for key in ("id", "url", "title", "outlet"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str | int):
            return InputError(ErrorCode.BAD_FIELD, f"field {key!r} must be a string", source, lineno)
        meta[key] = str(value) if value is not None else None
    try:
        meta["published"] = normalise_published(obj.get("published")) or published
    except ValueError as exc:
        return InputError(ErrorCode.BAD_DATE, f"field 'published': {exc}", source, lineno)
    where = f"{source}:{lineno}"
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str):
        if not text.strip():
            return InputError(ErrorCode.EMPTY, "field 'text' is empty", source, lineno)
        return _language_gate(Article(text=text, id=meta["id"] or article_id(text), published=meta["published"],
                                      url=meta["url"], title=meta["title"], outlet=meta["outlet"], source=where))
    if isinstance(html, str):
        item = html_to_article(html, where, **meta)
        if isinstance(item, InputError):
            return InputError(item.code, item.message, source, lineno)
        return item
    return InputError(ErrorCode.BAD_FIELD, "needs a string 'text' or 'html' field", source, lineno)


def read_path(path: str, published: str | None, max_bytes: int, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield the articles (or errors) in one input; '-' is standard input (text, or JSONL if it looks so)."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield InputError(ErrorCode.TOO_LARGE, f"stdin is larger than {max_bytes} bytes", "stdin")
            return
        if data.lstrip().startswith(b"{"):
            yield from read_jsonl(iter(data.splitlines(keepends=True)), "stdin", published, max_bytes)  # type: ignore[arg-type]
        elif data.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
            yield read_html(data, "stdin", published)
        else:
            yield read_text(data, "stdin", published)
        return
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.exists():
        yield InputError(ErrorCode.NOT_FOUND, "no such file", path)
        return
    if p.is_dir():
        yield InputError(ErrorCode.UNSUPPORTED, "is a directory; pass the files in it", path)
        return
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES:
        yield InputError(ErrorCode.UNSUPPORTED, f"unsupported file type {suffix!r}", path)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with p.open("rb") as fh:
                yield from read_jsonl(fh, path, published, max_bytes)
            return
        if p.stat().st_size > max_bytes:
            yield InputError(ErrorCode.TOO_LARGE, f"file is {p.stat().st_size} bytes (limit {max_bytes})", path)
            return
        data = p.read_bytes()
    except PermissionError:
        yield InputError(ErrorCode.UNREADABLE, "permission denied", path)
        return
    except OSError as exc:
        yield InputError(ErrorCode.UNREADABLE, exc.strerror or str(exc), path)
        return
    yield read_html(data, path, published) if suffix in HTML_SUFFIXES else read_text(data, path, published)


def read_inputs(paths: Iterable[str], published: str | None = None, max_bytes: int = 50_000_000,
                stdin: IO[bytes] | None = None) -> Iterator[Item]:
    for path in paths:
        yield from read_path(path, published, max_bytes, stdin)
