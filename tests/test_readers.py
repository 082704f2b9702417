import io
import json
from pathlib import Path

from chancery.errors import ErrorCode, InputError
from chancery.ingest import Article, article_id, read_inputs


def _read(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_file_gets_content_hash_id_and_reference_date(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("Ruritania recognised Freedonia on Monday.", encoding="utf-8")
    [item] = _read([path], published="2024-05-02")
    assert isinstance(item, Article)
    assert item.id == article_id("Ruritania recognised Freedonia on Monday.")
    assert item.published == "2024-05-02"


def test_jsonl_keeps_order_and_reports_bad_lines_with_line_numbers(tmp_path: Path):
    lines = [
        json.dumps({"id": "one", "text": "First text.", "published": "2023-03-10T08:00:00Z"}),
        "{not json",
        json.dumps({"id": "three"}),
        json.dumps({"id": "four", "text": "Fourth.", "published": "last week"}),
        json.dumps({"id": "five", "text": "Fifth.", "outlet": "Daily Example"}),
        json.dumps(["a list"]),
        json.dumps({"id": "seven", "text": "   "}),
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([path], published="2020-01-01")
    assert [getattr(i, "id", None) for i in items] == ["one", None, None, None, "five", None, None]
    assert items[0].published == "2023-03-10"
    assert items[4].published == "2020-01-01" and items[4].outlet == "Daily Example"
    errors = [i for i in items if isinstance(i, InputError)]
    assert [(e.code, e.line) for e in errors] == [
        (ErrorCode.BAD_JSON, 2), (ErrorCode.BAD_FIELD, 3), (ErrorCode.BAD_DATE, 4),
        (ErrorCode.BAD_FIELD, 6), (ErrorCode.EMPTY, 7)]
    assert str(path) in str(errors[0]) and ":2:" in str(errors[0])


def test_bad_files_are_values_and_good_ones_still_come(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Text.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café".encode() + b"\xff\xfe")
    odd = tmp_path / "x.pdf"
    odd.write_bytes(b"%PDF")
    items = _read([tmp_path / "missing.txt", empty, binary, latin, odd, good])
    codes = [i.code if isinstance(i, InputError) else "ok" for i in items]
    assert codes == [ErrorCode.NOT_FOUND, ErrorCode.EMPTY, ErrorCode.BINARY, ErrorCode.ENCODING,
                     ErrorCode.UNSUPPORTED, "ok"]


def test_too_large_file_is_reported(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100, encoding="utf-8")
    [item] = _read([big], max_bytes=50)
    assert isinstance(item, InputError) and item.code is ErrorCode.TOO_LARGE


def test_stdin_text_and_jsonl():
    [text] = list(read_inputs(["-"], stdin=io.BytesIO(b"Plain text from stdin.")))
    assert isinstance(text, Article) and text.source == "stdin"
    jsonl = b'{"id": "x", "text": "A."}\n{"id": "y", "text": "B."}\n'
    assert [a.id for a in read_inputs(["-"], stdin=io.BytesIO(jsonl))] == ["x", "y"]


def test_html_main_text_and_metadata(tmp_path: Path):
    body = " ".join(["Ruritania and Freedonia agreed on Tuesday to open embassies in each other's capitals."] * 3)
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Embassies to open</title>"
        '<meta property="article:published_time" content="2021-06-02T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Embassies to open</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Copyright</footer></body></html>", encoding="utf-8")
    [item] = _read([page])
    assert isinstance(item, Article)
    assert "agreed on Tuesday" in item.text and "Copyright" not in item.text
    assert item.published == "2021-06-02"
    assert item.title == "Embassies to open"


def test_html_without_article_text(tmp_path: Path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    [item] = _read([page])
    assert isinstance(item, InputError) and item.code is ErrorCode.NO_TEXT
