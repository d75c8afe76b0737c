"""Flattened tables: the column header and the role of each cell in a row."""
from __future__ import annotations

from planlint.parse import lexicon as lx
from planlint.parse.clauses import is_unit_name
from planlint.parse.timing import scan

_ROLE_OF = {}
for _role, _words in lx.HEADER_ROLES.items():
    for _w in _words:
        _ROLE_OF.setdefault(_w, _role)
UNIT_ROLES = ("owner", "participant", "supervisor", "people")


class Header:
    """Column roles from header cells; consecutive one-cell header lines build one header."""

    def __init__(self):
        self.roles: list[str] = []
        self._last_line = -10

    def feed(self, rec):
        if rec.kind != "HEADER":
            return
        cells = [c for c, _ in rec.cells] if len(rec.cells) > 1 else rec.text.split()
        roles = [_ROLE_OF.get(c, "other") for c in cells]
        if len(rec.cells) <= 1 and rec.line - self._last_line <= 3:
            self.roles.extend(roles)  # one header cell a line
        else:
            self.roles = roles
        self._last_line = rec.line
        # 工作任务 before 具体要求 names the category column, not the text.
        if "text" in self.roles and self.roles.count("text") > 1:
            first = self.roles.index("text")
            self.roles[first] = "category"

    @property
    def has_deadline(self) -> bool:
        return "deadline" in self.roles

    def unit_role(self, index: int):
        """The role of the index-th unit cell of a row, when the header has several unit columns."""
        unit_cols = [r for r in self.roles if r in UNIT_ROLES]
        if len(unit_cols) <= 1 or index >= len(unit_cols):
            return None
        return unit_cols[index]


def row_roles(cells, header: Header) -> list[str]:
    """Roles for the cells of one row (the number cell already removed)."""
    roles = [r for r in header.roles if r != "number"]
    texts = [c for c, _ in cells]
    if roles and len(roles) == len(texts):
        return roles
    if roles and len(texts) < len(roles):
        # Merged category cells are missing from later rows: align from the right.
        return roles[len(roles) - len(texts):]
    return _guess(texts)


def _guess(texts: list[str]) -> list[str]:
    """No usable header: the longest cell is the text; unit lists and timing by their look."""
    out = ["other"] * len(texts)
    if not texts:
        return out
    longest = max(range(len(texts)), key=lambda i: len(texts[i]))
    out[longest] = "text"
    unit_seen = 0
    for i, text in enumerate(texts):
        if i == longest or not text:
            continue
        parts = [p for p in _split_units(text) if p]
        if parts and all(is_unit_name(p) for p in parts):
            out[i] = ("owner", "participant", "supervisor")[min(unit_seen, 2)]
            unit_seen += 1
        elif scan(text):
            out[i] = "deadline"
    return out


def _split_units(text: str) -> list[str]:
    import re
    return [re.sub(r"(牵头|负责|配合|参与|落实)+$", "", p.strip()) for p in re.split(r"[、，,；;]", text)]
