"""Word's automatic list numbering turned back into the labels a reader sees (一、 （一） 1. （1）).

A numbered paragraph carries no label in its text: it has a ``numPr`` (numId + ilvl), directly or
through its paragraph style, and the label comes from ``numbering.xml``: the num's abstractNum
gives each level a start value, a number format (``chineseCounting``, ``decimal`` …) and a level
text such as ``%1、`` or ``（%1）``. Counters advance in document order, so :meth:`label` must be
called once per paragraph, in order.
"""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_W_VAL = qn("w:val")


def chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else (digits[0] + digits[rest] if rest < 10 else
                                    (digits[1] + chinese(rest, digits, ten) if rest < 20 else
                                     chinese(rest, digits, ten)))
        return digits[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese(n)
    if fmt == "chineseLegalSimplified":
        return chinese(n, _CN_LEGAL, "拾")
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _val(el, tag: str, default=None):
    child = el.find(qn(tag)) if el is not None else None
    return child.get(_W_VAL, default) if child is not None else default


class Numbering:
    """Labels for numbered paragraphs of one document, computed in document order."""

    def __init__(self, document):
        self._nums: dict[str, tuple[str, dict]] = {}  # numId -> (abstractNumId, overrides)
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # abstract -> ilvl -> lvl
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        self._style_numpr: dict[str, tuple] = {}
        self._styles = _related(document, RT.STYLES)
        root = _related(document, RT.NUMBERING)
        if root is not None:
            self._load(root)

    def _load(self, root) -> None:
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iterchildren(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _level(lvl)
            self._levels[abstract.get(qn("w:abstractNumId"))] = levels
        for num in root.iterchildren(qn("w:num")):
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = _val(override, "w:startOverride")
                lvl = override.find(qn("w:lvl"))
                overrides[int(override.get(qn("w:ilvl"), "0"))] = (
                    int(start) if start is not None and start.lstrip("-").isdigit() else None,
                    _level(lvl) if lvl is not None else None)
            self._nums[num.get(qn("w:numId"))] = (_val(num, "w:abstractNumId"), overrides)

    def _numpr(self, p) -> tuple:
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is not None:
            return _val(numpr, "w:numId"), _val(numpr, "w:ilvl")
        style = _val(ppr, "w:pStyle")
        return self._style_numpr_of(style) if style else (None, None)

    def _style_numpr_of(self, style_id: str, depth: int = 0) -> tuple:
        if style_id in self._style_numpr:
            return self._style_numpr[style_id]
        found: tuple = (None, None)
        if self._styles is not None and depth < 10:
            for style in self._styles.iterchildren(qn("w:style")):
                if style.get(qn("w:styleId")) != style_id:
                    continue
                ppr = style.find(qn("w:pPr"))
                numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
                if numpr is not None:
                    found = (_val(numpr, "w:numId"), _val(numpr, "w:ilvl"))
                elif _val(style, "w:basedOn"):
                    found = self._style_numpr_of(_val(style, "w:basedOn"), depth + 1)
                break
        self._style_numpr[style_id] = found
        return found

    def label(self, p) -> str:
        """The label of paragraph element ``p`` ('' if unnumbered); advances the counters."""
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        level = int(ilvl) if ilvl and ilvl.isdigit() else 0
        abstract, overrides = self._nums[num_id]
        levels = dict(self._levels.get(abstract, {}))
        for i, (_, lvl) in overrides.items():
            if lvl is not None:
                levels[i] = lvl
        if level not in levels:
            return ""
        counters = self._counters.setdefault(abstract, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for i, (start, _) in overrides.items():
                if start is not None:
                    counters[i] = start - 1
        start, fmt, text, suffix, _ = levels[level]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [i for i in counters if i > level]:
            restart = levels.get(deeper, (1, "", "", "", None))[4]
            # lvlRestart: 0 = never restart; N = restart after level N (1-based); default: any.
            if restart is None or (restart != 0 and level < restart):
                del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""
        label = text
        for i in range(level, -1, -1):
            if f"%{i + 1}" in label:
                lstart, lfmt = levels.get(i, (1, "decimal", "", "", None))[:2]
                value = counters.get(i, lstart)
                label = label.replace(f"%{i + 1}", format_number(value, lfmt))
        if label and label[-1].isalnum() and suffix != "nothing":
            label += " "
        return label


def _level(lvl) -> tuple:
    """(start, numFmt, lvlText, suff, lvlRestart or None) of a ``w:lvl``."""
    start = _val(lvl, "w:start", "1")
    restart = _val(lvl, "w:lvlRestart")
    return (int(start) if start.lstrip("-").isdigit() else 1, _val(lvl, "w:numFmt", "decimal"),
            _val(lvl, "w:lvlText", ""), _val(lvl, "w:suff", "tab"),
            int(restart) if restart is not None and restart.isdigit() else None)


def _related(document, reltype):
    """The root element of a related part, or None (never creates a part, unlike python-docx)."""
    try:
        return document.part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None
