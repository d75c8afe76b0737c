"""JUnit XML: one test suite per file, one failing test case per finding (CI test-report views)."""
from __future__ import annotations

from xml.etree import ElementTree as ET


def _case(suite, name: str, classname: str):
    return ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")


def render(results, options) -> str:
    lang = getattr(options, "lang", "zh")
    root = ET.Element("testsuites", name="planlint")
    total = failures = errors = 0
    for result in results:
        suite = ET.SubElement(root, "testsuite", name=result.path)
        count = len(result.diagnostics)
        if result.error is not None:
            case = _case(suite, "read", result.path)
            ET.SubElement(case, "error", message=result.error.text(lang))
            errors += 1
            count = 1
        elif not result.diagnostics:
            _case(suite, "planlint", result.path)
            count = 1
        for d in result.diagnostics:
            s = d.span
            where = f"{result.path}:{s.line}:{s.column}"
            case = _case(suite, f"{d.rule} {where}", result.path)
            fail = ET.SubElement(case, "failure", message=d.text(lang), type=d.rule)
            fail.text = f"{where}: {d.code} [{d.severity}] {d.text(lang)}"
            failures += 1
        suite.set("tests", str(count))
        suite.set("failures", str(len(result.diagnostics)))
        suite.set("errors", "1" if result.error is not None else "0")
        total += count
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
