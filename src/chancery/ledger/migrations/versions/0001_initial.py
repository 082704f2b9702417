"""initial ledger: articles, mentions, events, quotes, people, facts, evidence, disputes

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("source_profile", sa.JSON),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.String(16)),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("country", sa.String(16)),
    )
    op.create_index("ix_mentions_article", "mentions", ["article_id"])
    op.create_index("ix_mentions_code", "mentions", ["code"])
    op.create_table(
        "facts",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("actor", sa.String(16), nullable=False),
        sa.Column("target", sa.String(16), nullable=False),
        sa.Column("from_code", sa.String(16)),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("date_value", sa.String(10), nullable=False),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("date_first", sa.String(10), nullable=False),
        sa.Column("date_last", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("evidence_count", sa.Integer, nullable=False),
        sa.Column("disputed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_facts_target_date", "facts", ["target", "date_first"])
    op.create_index("ix_facts_from_date", "facts", ["from_code", "date_first"])
    op.create_index("ix_facts_actor_date", "facts", ["actor", "date_first"])
    op.create_index("ix_facts_act", "facts", ["actor", "target", "type"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("plover", sa.String(24)),
        sa.Column("cameo", sa.String(8)),
        sa.Column("actor_code", sa.String(16)),
        sa.Column("actor_name", sa.Text),
        sa.Column("target_code", sa.String(16)),
        sa.Column("target_name", sa.Text),
        sa.Column("from_code", sa.String(16)),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_text", sa.Text),
        sa.Column("date_basis", sa.String(12)),
        sa.Column("planned_value", sa.String(10)),
        sa.Column("modality", sa.String(12), nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("trigger_text", sa.Text, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("attribution", sa.JSON),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id")),
    )
    op.create_index("ix_events_article", "events", ["article_id"])
    op.create_index("ix_events_fact", "events", ["fact_id"])
    op.create_index("ix_events_target_type", "events", ["target_code", "type"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("channel", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_quotes_article", "quotes", ["article_id"])
    op.create_table(
        "people",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("affiliation", sa.String(16)),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_people_article", "people", ["article_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id"), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("stance", sa.String(8), nullable=False),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE")),
        sa.Column("event_id", sa.String(80)),
        sa.Column("date_value", sa.String(10)),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("date_text", sa.Text),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence_end", sa.Integer),
        sa.Column("sentence", sa.Text),
        sa.Column("trigger_text", sa.Text),
        sa.Column("trigger_start", sa.Integer),
        sa.Column("trigger_end", sa.Integer),
        sa.Column("speaker", sa.Text),
        sa.Column("channel", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_evidence_fact", "evidence", ["fact_id"])
    op.create_index("ix_evidence_article", "evidence", ["article_id"])
    op.create_table(
        "disputes",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("fact_id", sa.String(40), sa.ForeignKey("facts.id"), nullable=False),
        sa.Column("evidence_id", sa.String(40), sa.ForeignKey("evidence.id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_disputes_fact", "disputes", ["fact_id"])


def downgrade() -> None:
    for table in ("disputes", "evidence", "people", "quotes", "events", "facts", "mentions", "articles",
                  "ledger_meta"):
        op.drop_table(table)
