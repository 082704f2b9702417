"""Bad and odd inputs: each gets a coded error or a correct decode, and the rest of the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chancery.errors import ErrorCode, InputError
from chancery.ingest import Article, read_inputs
from chancery.ingest.language import non_english_reason

ENGLISH = ("The foreign minister of Ruritania said on Monday that the government would open an embassy "
           "in the capital of Freedonia after talks that lasted for two days.")
RUSSIAN = ("Министр иностранных дел заявил в понедельник, что правительство откроет посольство в столице "
           "после переговоров, которые продолжались два дня и завершились подписанием соглашения.")
# Headline English has few function words and must still pass.
HEADLINE = ("Ruritanian Foreign Ministry spokesman Ivan Petrov strongly condemned Tuesday's deadly "
            "border shelling near Freedonian capital Marsovia.")
FRENCH = ("Le ministre des Affaires étrangères a déclaré lundi que le gouvernement ouvrira une ambassade "
          "dans la capitale après des négociations qui ont duré deux jours selon les responsables.")


def _one(path: Path) -> Article | InputError:
    [item] = list(read_inputs([str(path)]))
    return item


@pytest.mark.parametrize("encoding", ["cp1251", "latin-1"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str):
    text = (ENGLISH.replace("Freedonia", "Fréedonia") if encoding == "latin-1" else
            ENGLISH + " The newspaper Известия quoted the envoy, Александр Мацегора, and Коммерсантъ agreed.")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    item = _one(path)
    assert isinstance(item, Article)
    assert item.text == text


def test_legacy_cyrillic_article_is_decoded_then_reported_as_not_english(tmp_path: Path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    item = _one(path)
    assert isinstance(item, InputError) and item.code is ErrorCode.LANGUAGE


def test_damaged_utf8_is_reported_not_guessed(tmp_path: Path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(("Café " + ENGLISH).encode("utf-8") + b"\xff\xfe broken")
    item = _one(path)
    assert isinstance(item, InputError) and item.code is ErrorCode.ENCODING


@pytest.mark.parametrize("text, expected", [(ENGLISH, None), (RUSSIAN, "non-Latin"), (FRENCH, "French"),
                                            ("Merci.", None), (HEADLINE, None)])
def test_language_gate(text: str, expected: str | None):
    reason = non_english_reason(text)
    assert (reason is None) if expected is None else (expected in (reason or ""))


def test_foreign_article_is_reported_with_its_line_and_others_land(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    rows = [{"id": "en", "text": ENGLISH}, {"id": "ru", "text": RUSSIAN}, {"id": "fr", "text": FRENCH}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Article)
    assert [(i.code, i.line) for i in items[1:] if isinstance(i, InputError)] == [
        (ErrorCode.LANGUAGE, 2), (ErrorCode.LANGUAGE, 3)]


def test_large_file_is_refused_without_reading_it(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.seek(200 * 1024 * 1024)
        fh.write(b"x")
    item = _one(path)
    assert isinstance(item, InputError) and item.code is ErrorCode.TOO_LARGE


def test_jsonl_wrong_types_and_huge_line(tmp_path: Path):
    path = tmp_path / "types.jsonl"
    big = json.dumps({"id": "big", "text": "word " * 200})
    path.write_text("\n".join([json.dumps({"id": 5, "text": 7}), json.dumps({"id": {"x": 1}, "text": "A."}),
                               big, json.dumps({"id": "ok", "text": ENGLISH})]) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], max_bytes=500))
    kinds = [i.code if isinstance(i, InputError) else i.id for i in items]
    assert kinds == [ErrorCode.BAD_FIELD, ErrorCode.BAD_FIELD, ErrorCode.TOO_LARGE, "ok"]
