"""``planlint parse`` itself: read one plan, print the model as YAML or JSON (no click here)."""
from __future__ import annotations

import os
import sys

from planlint.cli.status import EXIT_OK, echo, fail
from planlint.errors import PlanlintError


def run_parse(path, fmt="yaml", encoding=None, lang="zh") -> "NoReturn":  # noqa: F821
    """Everything ``planlint parse`` does after reading its options; ends with sys.exit."""
    from planlint.output.model_dump import plan_document
    from planlint.parse import parse_source
    from planlint.read import read_one

    try:
        source = read_one(path, encoding)
    except PlanlintError as exc:
        fail(exc, lang)
    try:
        doc = plan_document(parse_source(source))
    except Exception as exc:  # a bug in planlint must not become a user's traceback
        if os.environ.get("PLANLINT_DEBUG"):
            raise
        fail(PlanlintError(f"{path}：planlint 内部错误（{type(exc).__name__}: {exc}），请报告此问题",
                           f"{path}: internal error in planlint ({type(exc).__name__}: {exc})"),
             lang)
    if fmt == "json":
        import json
        echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        from planlint.output.model_dump import to_yaml
        text = to_yaml(doc)
        echo(text[:-1] if text.endswith("\n") else text)  # echo adds the document's last newline
    sys.exit(EXIT_OK)
