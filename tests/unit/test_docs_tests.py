"""The documents for deployers say nothing the code does not do: every test they name as evidence exists
(unless the line says the behaviour is "(planned"), and every document the README lists is there."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted([*ROOT.glob("docs/*.md"), *ROOT.glob("docs/works-council/*.md"), ROOT / "README.md"])
CITED = re.compile(r"(tests/[\w/]+\.py)(?:::(\w+))?")


@cache
def _functions(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return frozenset(n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))


def test_every_test_the_documents_name_exists() -> None:
    missing = []
    for doc in DOCS:
        for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), start=1):
            for path, name in CITED.findall(line):
                # a planned test is named on a line that says so; anything else must exist now
                if "(planned" in line:
                    continue
                file = ROOT / path
                if not file.is_file():
                    missing.append(f"{doc.relative_to(ROOT)}:{number}: {path} does not exist")
                elif name and name not in _functions(file):
                    missing.append(f"{doc.relative_to(ROOT)}:{number}: {path}::{name} does not exist")
    assert missing == []


def test_the_readme_links_every_deployer_document() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for doc in ("instructions-for-use.md", "dpia-template.md", "caller-notice.md", "risk-register.md",
                "annex-iv-index.md", "privacy.md", "works-council/"):  # fmt: skip
        assert f"docs/{doc}" in readme, doc
