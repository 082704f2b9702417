"""Doc → Extraction: the one place where spaCy objects become plain records."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from chancery.ingest.article import Article
from chancery.nlp.extensions import ACTORS
from chancery.records import Actor, Extraction


def span_actor(span: Span) -> Actor | None:
    resolved = span._.actor
    if resolved is None:
        return None
    return Actor(code=resolved.code, name=resolved.name, kind=resolved.kind, text=span.text,
                 start=span.start_char, end=span.end_char, country=resolved.country)


def doc_to_extraction(doc: Doc, article: Article) -> Extraction:
    entities = [a for a in (span_actor(s) for s in doc.spans.get(ACTORS, [])) if a is not None]
    entities.sort(key=lambda a: (a.start, a.end))
    return Extraction(
        id=article.id, published=article.published, text_length=len(doc.text),
        title=article.title, url=article.url, outlet=article.outlet,
        entities=entities,
        events=list(doc._.events or []),
        quotes=list(doc._.quotes or []),
        people=list(doc._.people or []),
        loaded=list(doc._.loaded or []),
        source=doc._.source_profile,
    )
