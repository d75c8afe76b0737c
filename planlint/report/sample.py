"""Synthetic plans built directly as model objects, for the report benchmark and tests.

They do not go through the parser, so the report and the ledger can be exercised (and timed) on
their own. The wording is invented; it imitates the shape of real plans, not their text.
"""
from __future__ import annotations

import random
from datetime import date

from planlint.api import FileResult
from planlint.diagnostics import Diagnostic
from planlint.model import (DATE, FREQUENCY, OWNER, PARTICIPANT, SUPERVISOR, VAGUE, Clause,
                            Deadline, Marker, Plan, Source, SourceLine, Span, Task, TextPiece,
                            Timing, Unit)

UNITS = ("县政府办公室", "县财政局", "县发改委", "县教育局", "县卫健委", "县住建局", "县数据资源局",
         "县市场监管局", "县生态环境局", "县人社局", "县民政局", "县司法局", "各乡镇政府", "县直各部门")
TOPICS = ("做好预算决算信息公开", "推进重大建设项目批准和实施信息公开", "加强政策解读", "规范依申请公开办理",
          "做好政府网站集约化建设", "推进基层政务公开标准化规范化", "公开义务教育招生信息", "公开医疗机构监管信息")
DEADLINES = (("年底前", DATE, (12, 31)), ("6月底前", DATE, (6, 30)), ("9月底前", DATE, (9, 30)),
             ("上半年", DATE, (6, 30)), ("按季度", FREQUENCY, None), ("持续推进", VAGUE, None))


def make_task(n: int, text: str, owners=(), participants=(), supervisors=(), deadline=None,
              resolved: date | None = None, kind: str = DATE, headings=(), line: int = 0,
              number: str | None = None) -> Task:
    """One table-style task: number, requirement text, unit cell, optional deadline cell."""
    line = line or n * 4
    span = Span(line, 1, line + 3, 10)
    marker = Marker(f"{n}.", str(n), n, 3, "arabic-dot", Span.of(line, 1, len(str(n)) + 1))
    roles = [(OWNER, owners), (PARTICIPANT, participants), (SUPERVISOR, supervisors)]
    made = {role: tuple(Unit(name, Span.of(line + 1, 1, len(name)), role, 0) for name in names)
            for role, names in roles}
    clause_text = "、".join(owners)
    clause = Clause(clause_text, Span.of(line + 1, 1, len(clause_text)), "cell",
                    made[OWNER] + made[PARTICIPANT] + made[SUPERVISOR])
    dl = None
    if deadline:
        dspan = Span.of(line + 2, 1, len(deadline))
        dl = Deadline(deadline, dspan, (Timing(deadline, kind, dspan, resolved, True),))
    return Task(
        id=str(n), number=number or str(n), level=3, span=span, marker=marker,
        headings=tuple(headings), text=text, pieces=(TextPiece(text, line, 3),),
        clauses=(clause,) if clause_text else (), owners=made[OWNER],
        participants=made[PARTICIPANT], supervisors=made[SUPERVISOR], people=(), deadline=dl,
        timing=(), section="")


def make_plan(tasks, title: str | None = "某县2024年政务公开工作要点分工方案",
              year: int | None = 2024, path: str = "sample.txt") -> Plan:
    last = max((t.span.end_line for t in tasks), default=1)
    lines = tuple(SourceLine(i, "") for i in range(1, last + 1))
    return Plan(source=Source(path, "utf-8", lines), title=title, year=year, draft=True,
                issue_date=None, layout="table", has_deadline_column=True, sections=(),
                tasks=tuple(tasks), markers=tuple(t.marker for t in tasks))


def finding(task: Task, rule: str, code: str, severity: str, message: str) -> Diagnostic:
    return Diagnostic(rule, code, severity, message, task.marker.span, task=task.id)


def sample_result(n_tasks: int = 30, seed: int = 0, year: int = 2024,
                  path: str = "sample.txt") -> FileResult:
    """A plan of ``n_tasks`` tasks in a few sections, with the findings the core rules would give."""
    rng = random.Random(seed)
    tasks, diagnostics = [], []
    for n in range(1, n_tasks + 1):
        section = ("一、深化重点领域信息公开", "二、加强政策解读回应", "三、夯实公开工作基础")[(n - 1) * 3 // n_tasks]
        owners = rng.sample(UNITS, rng.choice((0, 1, 1, 1, 2, 2, 3)))
        helpers = rng.sample([u for u in UNITS if u not in owners], rng.choice((0, 0, 1, 2)))
        text, kind, md = rng.choice(DEADLINES)
        resolved = date(year, *md) if md else None
        task = make_task(n, f"{rng.choice(TOPICS)}，按要求在政府网站专栏发布并及时更新。", owners,
                         helpers, ("县政府办公室",) if n % 7 == 0 else (), text, resolved, kind,
                         (section,))
        tasks.append(task)
        if not owners:
            diagnostics.append(finding(task, "missing-lead", "U001", "error", "任务未写明牵头单位或责任单位"))
        if kind == VAGUE:
            diagnostics.append(finding(task, "vague-deadline", "T002", "warning",
                                       f"完成时限“{text}”不明确"))
    plan = make_plan(tasks, f"某县{year}年政务公开工作要点分工方案", year, path)
    return FileResult(path, plan.source, plan, diagnostics)
