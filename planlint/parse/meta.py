"""Plan metadata from the front matter: title, year, draft flag, issue date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planlint.parse import lexicon as lx
from planlint.rxcache import rx

_YEAR = rx(r"(?<!\d)((?:19|20)\d{2})\s*年")
_DATE = rx(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NOTICE = rx(r"印发|通知$|^关于印发|的通知")


@dataclass(frozen=True)
class Meta:
    title: str | None
    year: int | None
    draft: bool
    issue_date: date | None


def read_meta(source, preamble, nodes) -> Meta:
    front = [r for r in preamble if r.kind in ("TEXT", "CLAUSE", "TIMING")]
    candidates = [r.text.strip("*# ") for r in front
                  if lx.TITLE_WORDS.search(r.text) and len(r.text) <= 60
                  and "。" not in r.text and not r.text.endswith(("：", ":"))]
    title = next((c for c in candidates if not _NOTICE.search(c)), None)
    if title is None and candidates:
        title = candidates[0]
    if title is None and front:
        title = front[0].text.strip()
    year = None
    if title:
        m = _YEAR.search(title)
        year = int(m.group(1)) if m else None
    head = [line.text for line in source.lines[:15]]
    draft = any(lx.DRAFT_WORDS.search(t) for t in head)
    return Meta(title, year, draft, _issue_date(source, preamble))


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
