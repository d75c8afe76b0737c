"""Plan metadata from the front matter: title, year, draft flag, issue date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planlint.parse import lexicon as lx
from planlint.rxcache import rx

_YEAR = rx(r"(?<!\d)((?:19|20)\d{2})\s*年")
_DATE = rx(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NOTICE = rx(r"印[发發]|通知$|^关于印发|的通知")


@dataclass(frozen=True)
class Meta:
    title: str | None
    year: int | None
    draft: bool
    issue_date: date | None


def read_meta(source, preamble, nodes) -> Meta:
    front = [r for r in preamble if r.kind in ("TEXT", "CLAUSE", "TIMING")]
    title = _title(front)
    year = _year_of(title)
    if year is None:
        # a title without its year: the year the notice issuing it names (关于印发2023年……的通知)
        year = next((y for y in (_year_of(t) for _, t in _titles(front)) if y is not None), None)
    head = [line.text for line in source.lines[:15]]
    draft = any(lx.DRAFT_WORDS.search(t) for t in head)
    return Meta(title, year, draft, _issue_date(source, preamble))


# 嘉政办发〔2021〕5号: a document number, never a title
_DOC_NUMBER = rx(r"^\S{1,14}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*[号號]$")
# 附件: / 附件1： before the name of the attached plan; 附件：1.… 2.… lists several attachments
_ATTACHMENT = rx(r"^附\s*件\s*\d*\s*[:：]?\s*")
_LIST_ENTRY = rx(r"^\d{1,2}\s*[.．、]")
_FILE_NAME = rx(r"\.(?:docx?|wps|pdf|txt|xlsx?)$")
_NOT_IN_TITLE_LINE = "。，,；;：:、"
_DAY = rx(r"\d\s*月\s*\d{1,2}\s*日")  # a signature's date
_TITLE_MARKS = "《》〈〉“”\"（）()·—"  # what a title line holds besides Chinese characters


def _year_of(text: str | None) -> int | None:
    m = _YEAR.search(text) if text else None
    return int(m.group(1)) if m else None


def _clean(text: str) -> str | None:
    """The title a front line may state: without markup, an attachment prefix or a file
    extension; None for an entry of an attachment list or a document number."""
    text = text.strip("*# ")
    m = _ATTACHMENT.match(text)
    if m and m.end() < len(text):
        text = text[m.end():]
        if _LIST_ENTRY.match(text):
            return None
    text = _FILE_NAME.sub("", text)
    return None if _DOC_NUMBER.match(text) else text


def _titles(front):
    """(index, title) of the front lines that read as a plan's (or its notice's) title."""
    search = lx.TITLE_WORDS.search
    for i, r in enumerate(front):
        raw = r.text
        # (cleaning takes only a prefix or suffix off: a line without title words, too long or
        # holding a full stop stays so)
        if len(raw) > 80 or "。" in raw or search(raw) is None:
            continue
        text = _clean(raw)
        if _title_like(text):
            yield i, text


def _title(front) -> str | None:
    """The plan's title: the first title-like line that is not a notice's title
    (关于印发……的通知), or a later one that states the year the first does not; the notice's
    title when there is no other."""
    notice = first = None
    for i, text in _titles(front):
        if _NOTICE.search(text):
            if notice is None:
                notice = (text, i)
        elif first is None or _year_of(text) is not None:
            first = (text, i)
            if _year_of(text) is not None:
                break
    picked = first or notice
    if picked is None:
        return _fallback(front)
    text, i = picked
    return _joined(front, i, text)


def _title_like(text: str | None) -> bool:
    return bool(text) and lx.TITLE_WORDS.search(text) is not None and len(text) <= 60 \
        and "。" not in text and not text.endswith(("：", ":"))


def _joined(front, i: int, text: str) -> str:
    """A title broken over two lines (立山区政府2023年重点工作 / 任务分解和责任分工方案): the
    line just before, when it is a short bare phrase, not a title, date or name of its own."""
    if i == 0:
        return text
    prev, cur = front[i - 1], front[i]
    before = prev.text.strip("*# ")
    if prev.kind != "TEXT" or cur.line - prev.line > 2 or not 4 <= len(before) <= 40 or \
            not all("\u4e00" <= c <= "\u9fff" or c in _TITLE_MARKS or c.isdigit()
                    for c in before) or _DAY.search(before) or \
            len(before) + len(text) > 60 or any(c in before for c in _NOT_IN_TITLE_LINE) or \
            lx.TITLE_WORDS.search(before) or _NOTICE.search(before) or _DATE.match(before) or \
            _DOC_NUMBER.match(before) or _ATTACHMENT.match(before) or \
            before.startswith(("(", "（", "【", "[")) or \
            cur.text.strip("*# ") != text:
        return text
    return before + text


def _fallback(front) -> str | None:
    """A title-like first line when no line has title words: short, no sentence punctuation,
    not a document number, a date or a web page's menu entry."""
    for r in front:
        if r.kind != "TEXT":
            continue  # a unit (a signature) or a date
        text = _clean(r.text)
        if text and 4 <= len(text) <= 60 and "。" not in text \
                and text[-1] not in _NOT_IN_TITLE_LINE \
                and not text.startswith(("-", "•", "·", "|")) and not _DATE.match(text):
            return text
    return None


def _issue_date(source, preamble) -> date | None:
    texts = [r.text for r in preamble] + [line.text.strip() for line in source.lines[-12:]]
    for text in texts:
        m = _DATE.match(text.strip())
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None
