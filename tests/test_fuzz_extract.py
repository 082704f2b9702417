"""Property tests: extraction never raises on arbitrary text, and every offset indexes the input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model

# Words that drive every component: actors, triggers, dates, quote marks and cues.
VOCAB = ["Russia", "recognised", "the", "DPR", "and", "Lugansk", "People's", "Republics", "on", "Wednesday",
         "Taiwan", "cut", "ties", "with", "Beijing", '"', "“", "”", "«", "»", "'", "said", "he", "told", "TASS",
         "will", "not", "recognise", "Kosovo", "a", "day", "after", ",", ".", "\n\n", "mid-July", "31",
         "February", "2022", "Pyongyang", "according", "to", "envoy", "puppet", "regime", "(", ")", "—"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(VOCAB), max_size=80).map(" ".join),
)


def _offsets(obj: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every dict in the record that carries start/end offsets and a surface text."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            found.append((path, obj))
        for key, value in obj.items():
            found.extend(_offsets(value, f"{path}.{key}"))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            found.extend(_offsets(value, f"{path}[{i}]"))
    return found


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(text=texts)
def test_extract_never_raises_and_offsets_index_the_input(extractor, text: str):
    from chancery.contract import validate

    record = extractor.extract_text(text, published="2022-07-14").to_dict()
    validate(record)
    for path, item in _offsets(record):
        assert 0 <= item["start"] <= item["end"] <= len(text), path
        surface = item.get("text")
        # Every surface text (actors, triggers, dates, quotes, cues) is the input at its offsets;
        # a quote split around its cue is the input at each of its segments.
        if isinstance(surface, str) and "segments" in item:
            assert " ".join(text[a:b] for a, b in item["segments"]) == surface, (path, item)
        elif isinstance(surface, str):
            assert text[item["start"]:item["end"]] == surface, (path, item)
