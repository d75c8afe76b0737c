"""looks_binary's memchr pre-check gives the answer of the plain count (hypothesis)."""
from hypothesis import given
from hypothesis import strategies as st

from planlint.read.decode import _CONTROL, _utf16_text, looks_binary


def _reference(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    # (text in UTF-16 without a BOM is not binary: tests/read/test_utf16_without_bom.py)
    return controls / len(head) > 0.1 and not _utf16_text(head)


# bytes mixing text, blanks and control bytes in every proportion
_BYTE = st.sampled_from(list(range(32)) + [32, 65, 0xE4, 0xB8, 0x80])


@given(st.lists(_BYTE, max_size=300).map(bytes), st.integers(0, 9000))
def test_looks_binary_as_counted(data, pad):
    assert looks_binary(data) == _reference(data)
    padded = b"a" * pad + data  # control bytes beyond the first 8 KB do not count
    assert looks_binary(padded) == _reference(padded)
