"""UTF-16 without a BOM is text (issue: "UTF-16 with or without BOM"): its ASCII characters are
half NUL bytes, and so are those of CJK characters such as U+4E00, which the binary-file test
counted as control bytes."""
from __future__ import annotations

from pathlib import Path

import pytest

from planlint.errors import ReadError
from planlint.read import read_bytes

EXAMPLES = sorted(p for p in (Path(__file__).resolve().parents[2] / "examples").iterdir()
                  if p.suffix in (".txt", ".md") and p.stem.upper() != "README")


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_read_the_same_in_utf16_without_bom(path, codec):
    text = _text(path)
    source = read_bytes(text.encode(codec), path.name)
    assert source.encoding == codec and not source.bom
    assert [l.text for l in source.lines] == [l.text for l in read_bytes(text.encode(), path.name).lines]


@pytest.mark.parametrize("data", [bytes(range(256)) * 20, b"\x00\x01\x02\x03" * 1000,
                                  b"PNG\r\n\x1a\n" + bytes(4000),
                                  b"abcdefgh\x01\x02" * 800])  # letters read as UTF-16 are ideographs
def test_binary_data_is_still_refused(data):
    with pytest.raises(ReadError) as refused:
        read_bytes(data, "x.txt")
    assert "二进制" in refused.value.text("zh") or "编码" in refused.value.text("zh")
