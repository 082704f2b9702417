"""The ledger's tables (SQLAlchemy Core). Alembic migrations under ``migrations/`` create them;
``tests/ledger/test_migrations.py`` fails when the two drift apart.

Articles and what was extracted from them (mentions, events, quotes, people) are kept as
read. ``facts`` hold one row per real-world act (actor, target, type, date); ``evidence`` links
each fact to what supports it: an article span or a shipped reference row. ``disputes`` keep
conflicting dates and denials visible instead of overwriting a fact.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "ledger_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),  # content hash (chancery.ingest.article_id)
    Column("published", String(10)),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("source_profile", JSON),
    Column("text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(16)),
    Column("name", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("country", String(16)),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_code", "code"),
)

events = Table(
    "events", metadata,
    Column("id", String(80), primary_key=True),  # <article id>:<index in the article>
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("plover", String(24)),
    Column("cameo", String(8)),
    Column("actor_code", String(16)),
    Column("actor_name", Text),
    Column("target_code", String(16)),
    Column("target_name", Text),
    Column("from_code", String(16)),
    Column("date_value", String(10)),
    Column("date_precision", String(8)),
    Column("date_text", Text),
    Column("date_basis", String(12)),
    Column("planned_value", String(10)),
    Column("modality", String(12), nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("attribution", JSON),
    Column("fact_id", String(40), ForeignKey("facts.id")),
    Index("ix_events_article", "article_id"),
    Index("ix_events_fact", "fact_id"),
    Index("ix_events_target_type", "target_code", "type"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", String(80), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("channel", Text),
    Column("data", JSON, nullable=False),
    Index("ix_quotes_article", "article_id"),
)

people = Table(
    "people", metadata,
    Column("id", String(80), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("affiliation", String(16)),
    Column("data", JSON, nullable=False),
    Index("ix_people_article", "article_id"),
)

facts = Table(
    "facts", metadata,
    Column("id", String(40), primary_key=True),  # hash of the first report's actor/target/type/date
    Column("actor", String(16), nullable=False),
    Column("target", String(16), nullable=False),
    Column("from_code", String(16)),  # a switch's former partner (TWN for Taipei → Beijing)
    Column("type", String(40), nullable=False),
    Column("date_value", String(10), nullable=False),
    Column("date_precision", String(8), nullable=False),
    # the interval the date allows, as ISO days: '2022-07' → 2022-07-01 … 2022-07-31
    Column("date_first", String(10), nullable=False),
    Column("date_last", String(10), nullable=False),
    Column("origin", String(12), nullable=False),  # reference | extracted: who first reported it
    Column("evidence_count", Integer, nullable=False, default=0),
    Column("disputed", Boolean, nullable=False, default=False),
    Index("ix_facts_target_date", "target", "date_first"),
    Index("ix_facts_from_date", "from_code", "date_first"),
    Index("ix_facts_actor_date", "actor", "date_first"),
    Index("ix_facts_act", "actor", "target", "type"),
)

evidence = Table(
    "evidence", metadata,
    Column("id", String(40), primary_key=True),  # hash of (fact, source) so loading twice is a no-op
    Column("fact_id", String(40), ForeignKey("facts.id"), nullable=False),
    Column("kind", String(12), nullable=False),  # reference | extracted
    Column("stance", String(8), nullable=False),  # asserts | denies
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE")),
    Column("event_id", String(80)),
    Column("date_value", String(10)),
    Column("date_precision", String(8)),
    Column("date_text", Text),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("sentence", Text),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("speaker", Text),
    Column("channel", Text),
    Column("outlet", Text),
    Column("url", Text),  # the article URL, or the reference row's source_url
    Column("note", Text),
    Index("ix_evidence_fact", "fact_id"),
    Index("ix_evidence_article", "article_id"),
)

disputes = Table(
    "disputes", metadata,
    Column("id", String(40), primary_key=True),
    Column("fact_id", String(40), ForeignKey("facts.id"), nullable=False),
    Column("evidence_id", String(40), ForeignKey("evidence.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # date_conflict | denial
    Column("detail", Text, nullable=False),
    Index("ix_disputes_fact", "fact_id"),
)
