"""Flattened tables: the column header and the role of each cell in a row."""
from __future__ import annotations

from planlint.parse import lexicon as lx
from planlint.parse.clauses import names_units
from planlint.parse.timing import looks_like_deadline

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
        self._unit_cols: list[str] = []  # the roles of the unit columns, worked out by feed

    def feed(self, rec):
        if rec.kind != "HEADER":
            return
        cells = [c for c, _ in rec.cells] if len(rec.cells) > 1 else rec.text.split()
        # (a cell spaced out, 工 作 任 务, is its word)
        cells = [c if c in _ROLE_OF or "".join(c.split()) not in _ROLE_OF else "".join(c.split())
                 for c in cells]
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
        elif "text" not in roles and "other" in roles and self.words[roles.index("other")] \
                not in _ROLE_OF:
            # no known text column: the first column named otherwise (专项整治行业名称)
            roles[roles.index("other")] = "text"
        elif roles.count("text") > 1:
            roles[roles.index("text")] = "category"
        # With a 牵头单位 column, a 责任单位 column lists the units that take part (SPEC §1).
        words = self.words
        if any(w.startswith("牵头") and r == "owner" for w, r in zip(words, roles)):
            for i, (w, r) in enumerate(zip(words, roles)):
                if r == "owner" and not w.startswith("牵头"):
                    roles[i] = "participant"
        self._unit_cols = [r for r in roles if r in UNIT_ROLES]

    @property
    def has_deadline(self) -> bool:
        return "deadline" in self.roles

    def unit_role(self, index: int):
        """The role of the index-th unit cell of a row, when the header has several unit columns."""
        unit_cols = self._unit_cols  # (roles change only in feed)
        if len(unit_cols) <= 1 or index >= len(unit_cols):
            return None
        return unit_cols[index]


def row_roles(cells, header: Header) -> list[str]:
    """Roles for the cells of one row (the number cell already removed)."""
    roles = [r for r in header.roles if r != "number"]
    texts = [c for c, _ in cells]
    if roles and len(roles) == len(texts) and not _shifted(texts, roles):
        return roles
    return _guess(texts, [r for r in roles if r in UNIT_ROLES], "deadline" in roles or not roles)


def _shifted(texts: list[str], roles: list[str]) -> bool:
    """Whether a row whose cells match the header in number is shifted all the same: every unit
    column empty while another cell names units (a merged first cell left out, an empty cell
    added at the end: ``| 3.做好…… | 办公室 | |`` under 工作任务 / 具体要求 / 责任单位)."""
    for text, role in zip(texts, roles):
        if role in UNIT_ROLES and text:
            return False
    return any(text and role not in UNIT_ROLES and _names_units(text)
               for text, role in zip(texts, roles))


def _guess(texts: list[str], unit_roles=(), deadline=True) -> list[str]:
    """Cells that do not line up with the header (merged or missing cells): unit lists take
    the header's unit columns in order, timing is the deadline, and the longest other cell is
    the requirement text."""
    unit_roles = list(unit_roles) or ["owner", "participant", "supervisor"]
    out = ["other"] * len(texts)
    unit_seen = 0
    for i, text in enumerate(texts):
        if not text:
            continue
        if deadline and looks_like_deadline(text) and len(text) <= 30:
            out[i] = "deadline"
        elif _names_units(text):
            out[i] = unit_roles[min(unit_seen, len(unit_roles) - 1)]
            unit_seen += 1
    rest = [i for i, role in enumerate(out) if role == "other" and texts[i]]
    if rest:
        out[max(rest, key=lambda i: len(texts[i]))] = "text"
    else:
        # the longest cell that names no units (a row whose cells all name units, merged
        # cells' continuation, has no text)
        rest = [i for i, role in enumerate(out) if role not in UNIT_ROLES and texts[i]]
        if rest:
            out[max(rest, key=lambda i: len(texts[i]))] = "text"
    return out


def _names_units(text: str) -> bool:
    return names_units(text, strict=True)  # (a strictly plausible clause names units)
