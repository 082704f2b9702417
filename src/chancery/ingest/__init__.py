"""Turn any input (text, HTML, JSONL, stdin) into :class:`Article` values or coded input errors."""

from chancery.ingest.article import Article, article_id
from chancery.ingest.readers import read_inputs

__all__ = ["Article", "article_id", "read_inputs"]
