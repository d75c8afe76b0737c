"""What the report and the ledger show, computed from a linted plan (no HTML, no files here).

The plan model has no notion of "the task's deadline date" or "findings of a task", so they are
derived here: a task's due date is the latest resolved date among all its timing, and findings
are grouped by their ``task`` id.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from planlint.diagnostics import SEVERITIES, SEVERITY_RANK
from planlint.model import DATE, DURATION, FREQUENCY, VAGUE, Plan, Task
from planlint.shown import shown

# How a task without a resolved date is timed, in the order the report lists them.
UNDATED_KINDS = (FREQUENCY, DURATION, VAGUE, "none")


@dataclass
class TaskView:
    index: int  # 1-based position in the plan
    task: Task
    anchor: str
    findings: list = field(default_factory=list)  # Diagnostics, in source order
    due: date | None = None
    timing_kind: str = "none"  # DATE when ``due`` is set, else one of UNDATED_KINDS

    @property
    def flagged(self) -> bool:
        """Whether a reviewer must look at it: an error or a warning (info alone does not count)."""
        return self.worst in ("error", "warning")

    @property
    def worst(self) -> str | None:
        if not self.findings:
            return None
        return max((d.severity for d in self.findings), key=SEVERITY_RANK.__getitem__)


@dataclass
class PlanView:
    index: int
    path: str
    plan: Plan
    tasks: list[TaskView]
    plan_findings: list  # findings not tied to a task
    diagnostics: list
    anchor: str

    @property
    def title(self) -> str:
        return self.plan.title or self.path

    def by_severity(self) -> dict[str, int]:
        counts = Counter(d.severity for d in self.diagnostics)
        return {s: counts.get(s, 0) for s in SEVERITIES}

    def by_rule(self) -> list[tuple[str, str, str, int]]:
        """(rule, code, worst severity, count), most frequent first."""
        counts: Counter = Counter()
        meta: dict[str, tuple[str, str]] = {}
        for d in self.diagnostics:
            counts[d.rule] += 1
            code, sev = meta.get(d.rule, (d.code, d.severity))
            if SEVERITY_RANK[d.severity] > SEVERITY_RANK[sev]:
                sev = d.severity
            meta[d.rule] = (code, sev)
        return [(r, meta[r][0], meta[r][1], n) for r, n in
                sorted(counts.items(), key=lambda kv: (-kv[1], meta[kv[0]][0]))]

    def unit_counts(self, role: str) -> list[tuple[str, int]]:
        """Tasks per unit for ``owners`` or ``participants``, most tasks first."""
        counts: Counter = Counter()
        for view in self.tasks:
            names = {_unit_key(u.name) for u in getattr(view.task, role)}
            counts.update(n for n in names if n)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def due_months(self) -> "Timeline":
        return timeline(self.tasks, self.plan.year)


@dataclass
class Timeline:
    year: int | None
    months: list[int]  # tasks due in month 1..12 of ``year``
    before: int  # due before the plan year
    after: int  # due after it
    undated: dict[str, int]  # UNDATED_KINDS -> count

    @property
    def dated(self) -> int:
        return sum(self.months) + self.before + self.after


def _unit_key(name: str) -> str:
    return "".join(name.split())


def due_date(task: Task) -> tuple[date | None, str]:
    """The last resolved date a task's timing allows, or how it is timed when none resolves."""
    timing = task.all_timing()
    dates = [t.resolved for t in timing if t.resolved is not None]
    if dates:
        return max(dates), DATE
    kinds = {t.kind for t in timing}
    for kind in (FREQUENCY, DURATION, VAGUE):
        if kind in kinds:
            return None, kind
    # A date that did not resolve (no plan year) still counts as timed, not as missing.
    return None, (VAGUE if DATE in kinds else "none")


def timeline(tasks: list[TaskView], year: int | None) -> Timeline:
    dated = [v.due for v in tasks if v.due is not None]
    if year is None and dated:
        year = Counter(d.year for d in dated).most_common(1)[0][0]
    months = [0] * 12
    before = after = 0
    for d in dated:
        if d.year < year:
            before += 1
        elif d.year > year:
            after += 1
        else:
            months[d.month - 1] += 1
    undated = Counter(v.timing_kind for v in tasks if v.due is None)
    return Timeline(year, months, before, after, {k: undated.get(k, 0) for k in UNDATED_KINDS})


def plan_view(index: int, result) -> PlanView:
    plan = result.plan
    prefix = f"p{index}"
    ids = {task.id for task in plan.tasks}
    by_task: dict[str, list] = {}
    loose = []
    ordered = sorted(result.diagnostics, key=lambda d: d.sort_key())
    for d in ordered:
        if d.task in ids:
            by_task.setdefault(d.task, []).append(d)
        else:
            loose.append(d)
    for found in by_task.values():  # a task's worst findings first, then in source order
        found.sort(key=lambda d: -SEVERITY_RANK[d.severity])
    views = []
    for i, task in enumerate(plan.tasks, 1):
        due, kind = due_date(task)
        views.append(TaskView(i, task, f"{prefix}-t{i}", by_task.get(task.id, []), due, kind))
    return PlanView(index, shown(result.path), plan, views, loose, ordered, prefix)


def plan_views(results) -> list[PlanView]:
    return [plan_view(i, r) for i, r in enumerate(results, 1) if r.plan is not None]


