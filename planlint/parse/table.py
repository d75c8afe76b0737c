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
        self.words: list[str] = []
        self._last_line = -10

    def feed(self, rec):
        if rec.kind != "HEADER":
            return
        cells = [c for c, _ in rec.cells] if len(rec.cells) > 1 else rec.text.split()
        roles = [_ROLE_OF.get(c, "other") for c in cells]
        if len(rec.cells) <= 1 and rec.line - self._last_line <= 3:
            self.roles.extend(roles)  # one header cell a line
            self.words.extend(cells)
        else:
            self.roles, self.words = roles, list(cells)
        self._last_line = rec.line
        roles = self.roles
        # 工作任务 names the text column unless a 具体要求-like column follows it.
        if "text" not in roles and "category" in roles:
            roles[roles.index("category")] = "text"
        elif roles.count("text") > 1:
            roles[roles.index("text")] = "category"
        # With a 牵头单位 column, a 责任单位 column lists the units that take part (SPEC §1).
        words = self.words
        if any(w.startswith("牵头") and r == "owner" for w, r in zip(words, roles)):
            for i, (w, r) in enumerate(zip(words, roles)):
                if r == "owner" and not w.startswith("牵头"):
                    roles[i] = "participant"

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
    return _guess(texts, [r for r in roles if r in UNIT_ROLES], "deadline" in roles or not roles)


def _guess(texts: list[str], unit_roles=(), deadline=True) -> list[str]:
    """Cells that do not line up with the header (merged or missing cells): the longest cell
    is the text; unit lists take the header's unit columns in order; timing is the deadline."""
    unit_roles = list(unit_roles) or ["owner", "participant", "supervisor"]
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
        if deadline and scan(text) and len(text) <= 30:
            out[i] = "deadline"
        elif parts and all(is_unit_name(p) for p in parts):
            out[i] = unit_roles[min(unit_seen, len(unit_roles) - 1)]
            unit_seen += 1
    return out


def _split_units(text: str) -> list[str]:
    import re
    return [re.sub(r"(牵头|负责|配合|参与|落实)+$", "", p.strip()) for p in re.split(r"[、，,；;]", text)]
