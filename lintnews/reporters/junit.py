"""``junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One ``testsuite`` per document with diagnostics (a file, or a JSONL record as ``path#record``),
one failing ``testcase`` per diagnostic; input errors become a suite of erroring test cases.
Characters XML 1.0 forbids (control characters scraped text is full of) are written as ``\\uXXXX``
so the report always parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from lintnews.reporters.base import Report, location, reporter

_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by a visible escape."""
    return _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _element(parent: ET.Element, tag: str, **attrs: object) -> ET.Element:
    return ET.SubElement(parent, tag, {k: xml_safe(str(v)) for k, v in attrs.items()})


@reporter("junit")
def write_junit(report: Report, out: TextIO, color: bool) -> None:
    groups: dict[tuple[str, str | None], list] = {}
    for d in report.diagnostics:
        groups.setdefault((d.path, d.record), []).append(d)
    root = ET.Element(
        "testsuites",
        {
            "name": "lintnews",
            "tests": str(len(report.diagnostics) + len(report.errors)),
            "failures": str(len(report.diagnostics)),
            "errors": str(len(report.errors)),
        },
    )
    for (path, record), diagnostics in groups.items():
        name = path if record is None else f"{path}#{record}"
        suite = _element(
            root, "testsuite", name=name, tests=len(diagnostics), failures=len(diagnostics), errors=0
        )
        for d in diagnostics:
            case = _element(
                suite,
                "testcase",
                name=f"{d.code} {d.name} at {d.line}:{d.column}",
                classname=name,
                file=path,
                line=d.file_line,
            )
            failure = _element(case, "failure", message=d.message, type=d.code)
            body = [f"{location(d)}: {d.code} {d.message}", f"severity: {d.severity}"]
            if d.snippet:
                body.append(d.snippet)
            for r in d.related:
                where = r.path if r.record is None else f"{r.path}#{r.record}"
                body.append(f"related: {where}:{r.line}:{r.column}")
            if d.fix is not None:
                body.append(f"fix ({'safe' if d.fix.safe else 'unsafe'}): {d.fix.title}")
            failure.text = xml_safe("\n".join(body))
    if report.errors:
        suite = _element(
            root,
            "testsuite",
            name="lintnews input errors",
            tests=len(report.errors),
            failures=0,
            errors=len(report.errors),
        )
        for e in report.errors:
            case = _element(suite, "testcase", name=str(e), classname=e.path, file=e.path)
            _element(case, "error", message=e.message, type="input-error").text = xml_safe(str(e))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
