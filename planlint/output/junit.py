"""JUnit XML: one test suite per file, one failing test case per finding (CI test-report views)."""
from __future__ import annotations


def _case(suite, name: str, classname: str):
    from xml.etree import ElementTree as ET
    return ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")


def file_part(result, options) -> tuple:
    """(path, read error text or None, [(rule, where, message, failure text)]) of one file."""
    lang = getattr(options, "lang", "zh")
    error = result.error.text(lang) if result.error is not None else None
    cases = []
    for d in result.diagnostics:
        s = d.span
        where = f"{result.path}:{s.line}:{s.column}"
        cases.append((d.rule, where, d.text(lang), f"{where}: {d.code} [{d.severity}] {d.text(lang)}"))
    return result.path, error, cases


def assemble(parts, options) -> str:
    from xml.etree import ElementTree as ET
    root = ET.Element("testsuites", name="planlint")
    total = failures = errors = 0
    for path, error, cases in parts:
        suite = ET.SubElement(root, "testsuite", name=path)
        count = len(cases)
        if error is not None:
            case = _case(suite, "read", path)
            ET.SubElement(case, "error", message=error)
            errors += 1
            count = 1
        elif not cases:
            _case(suite, "planlint", path)
            count = 1
        for rule, where, message, text in cases:
            case = _case(suite, f"{rule} {where}", path)
            fail = ET.SubElement(case, "failure", message=message, type=rule)
            fail.text = text
            failures += 1
        suite.set("tests", str(count))
        suite.set("failures", str(len(cases)))
        suite.set("errors", "1" if error is not None else "0")
        total += count
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def render(results, options) -> str:
    return assemble([file_part(r, options) for r in results], options)
