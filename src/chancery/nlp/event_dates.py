"""Attach a date to an event trigger: which temporal expression belongs to it, and the fallback.

Reads ``doc.spans["dates"]`` (written by the ``chancery_dates`` component, each span carrying
``span._.date`` and ``span._.date_offset``) and ``doc._.published``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from chancery.records import DateValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def event_date(doc: Doc, trigger: Token, previous: DateValue | None = None,
               future: bool = False) -> tuple[DateValue, DateValue | None]:
    """Return ``(date, planned)`` for the event whose trigger is ``trigger``.

    - ``date``: the temporal expression in the trigger's own clause, resolved; an event-relative
      expression ("a day later") is applied to ``previous``; with none, the publication date
      (``basis="published"``); with no publication date, ``DateValue(None, None, None, None)``.
    - ``future=True`` (intent, plans): the event is dated by the statement (the reporting verb's
      date or publication) and a future expression in the clause goes to ``planned``.
    """
    raise NotImplementedError  # filled in below; the signature is the contract
