"""What the language server computes from a document's text, without pygls: lint, hover text.

The workspace's ``.planlint.yaml`` applies as on the command line (closest above the file).
A broken config falls back to the defaults and says why, rather than silencing the editor.
"""
from __future__ import annotations

import os

from planlint.api import FileResult, lint_source
from planlint.config import Config
from planlint.errors import PlanlintError
from planlint.read.text import source_from_text


def config_for(path: str | None, root: str | None) -> tuple[Config, str | None]:
    """(config, problem text or None) for a document at ``path`` (None: an unsaved buffer)."""
    try:
        from planlint.configfile import load_for
    except ImportError:
        return Config(), None
    where = path or os.path.join(root or os.getcwd(), "untitled.txt")
    try:
        return load_for(where), None
    except PlanlintError as exc:
        return Config(), exc.text()


def lint_document(text: str, path: str | None, root: str | None = None,
                  config: Config | None = None) -> FileResult:
    if config is None:
        config, _ = config_for(path, root)
    source = source_from_text(text, path or "untitled.txt")
    return lint_source(source, config)


def task_at(plan, line: int, column: int):
    """The task whose span holds (line, column), or None."""
    if plan is None:
        return None
    here = (line, column)
    for task in plan.tasks:
        s = task.span
        if (s.line, s.column) <= here <= (s.end_line, s.end_column):
            return task
    return None


_LABELS = {
    "zh": {"task": "任务", "level": "第 {} 级", "owners": "牵头/负责单位", "participants": "配合单位",
           "supervisors": "督导单位", "people": "责任人", "deadline": "时限", "timing": "时间表述",
           "none": "（无）", "headings": "所属", "resolved": "截止"},
    "en": {"task": "Task", "level": "level {}", "owners": "Owners", "participants": "Participants",
           "supervisors": "Supervisors", "people": "People", "deadline": "Deadline",
           "timing": "Timing", "none": "(none)", "headings": "Under", "resolved": "due"},
}
_KINDS = {"zh": {"date": "日期", "duration": "期限", "frequency": "频次", "vague": "模糊"},
          "en": {"date": "date", "duration": "duration", "frequency": "frequency",
                 "vague": "vague"}}


def _timing(t, lang: str) -> str:
    kind = _KINDS[lang].get(t.kind, t.kind)
    out = f"`{t.text}`（{kind}）" if lang == "zh" else f"`{t.text}` ({kind})"
    if t.resolved is not None:
        out += f" → {t.resolved.isoformat()}"
    return out


def hover_markdown(task, lang: str = "zh") -> str:
    """What planlint understood of one task, as Markdown."""
    lang = lang if lang in _LABELS else "zh"
    L = _LABELS[lang]
    sep = "、" if lang == "zh" else ", "
    c = "：" if lang == "zh" else ": "

    def names(units) -> str:
        return sep.join(u.name for u in units) or L["none"]

    lines = [f"**{L['task']} {task.id}**（{task.marker.text}，{L['level'].format(task.level)}）"
             if lang == "zh" else
             f"**{L['task']} {task.id}** ({task.marker.text}, {L['level'].format(task.level)})"]
    if task.headings:
        lines.append(f"- {L['headings']}{c}" + " › ".join(task.headings))
    lines.append(f"- {L['owners']}{c}{names(task.owners)}")
    lines.append(f"- {L['participants']}{c}{names(task.participants)}")
    lines.append(f"- {L['supervisors']}{c}{names(task.supervisors)}")
    if task.people:
        lines.append(f"- {L['people']}{c}" + sep.join(task.people))
    if task.deadline is not None:
        deadline = f"`{task.deadline.text}`"
        dates = [t.resolved for t in task.deadline.timing if t.resolved is not None]
        if dates:
            deadline += f"（{L['resolved']} {max(dates).isoformat()}）" if lang == "zh" else \
                f" ({L['resolved']} {max(dates).isoformat()})"
        lines.append(f"- {L['deadline']}{c}{deadline}")
    else:
        lines.append(f"- {L['deadline']}{c}{L['none']}")
    timing = [_timing(t, lang) for t in task.all_timing()]
    lines.append(f"- {L['timing']}{c}" + (sep.join(timing) if timing else L["none"]))
    return "\n".join(lines)


