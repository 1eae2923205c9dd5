"""The architecture rules of DESIGN §2, checked by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "teiretsu_desktop"

# What each top-level part may import from the project (besides itself). Imports flow one way.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "store": {"domain"},
    "security": {"domain", "store"},
    "services": {"domain", "store", "security"},
    "documents": {"domain", "store", "security", "services"},
    "stats": {"domain", "store", "security", "services", "documents"},
    "cli": {"domain", "store", "security", "services", "documents", "stats", "diagnostics"},
    "gui": {"domain", "store", "security", "services", "documents", "stats", "diagnostics"},
    "diagnostics": {"domain"},
    "app": {
        "domain",
        "store",
        "security",
        "services",
        "documents",
        "stats",
        "gui",
        "cli",
        "diagnostics",
        "self_test",
    },
    "self_test": {"domain", "store", "security", "services", "documents", "stats", "diagnostics"},
    "__init__": set(),
}


def _part(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _project_imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def _modules() -> list[Path]:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20, "the package was not found"
    return modules


def test_layers_import_only_downward() -> None:
    violations = []
    for path in _modules():
        part = _part(path)
        for line, name in _project_imports(path):
            if not name.startswith("teiretsu_desktop"):
                continue
            target = name.split(".")[1] if "." in name else "__init__"
            # The package root holds only __version__, which every layer may read.
            if target != part and target != "__init__" and target not in ALLOWED[part]:
                violations.append(f"{path.relative_to(PACKAGE)}:{line} ({part}) imports {name}")
    assert violations == []


def test_only_gui_imports_pyside6() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _modules()
        if _part(path) != "gui"
        for line, name in _project_imports(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_no_stdlib_sqlite3_for_case_data() -> None:
    """R-ENC-04: nothing in the product uses the unencrypted driver."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _modules()
        for line, name in _project_imports(path)
        if name.split(".")[0] == "sqlite3"
    ]
    assert offenders == []


def test_live_database_is_never_copied_as_a_file() -> None:
    """R-REL-05: backups go through the backup API; no shutil copy of store files in the product."""
    offenders = []
    for path in _modules():
        text = path.read_text(encoding="utf-8")
        for needle in ("shutil.copy", "copyfile(", "copy2(", "copytree("):
            if needle in text:
                offenders.append(f"{path.relative_to(PACKAGE)}: {needle}")
    assert offenders == []


def test_the_layer_check_catches_a_violation(tmp_path: Path) -> None:
    """Guard against a checker that cannot fail: an upward import is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("from teiretsu_desktop.gui import main_window\nimport PySide6.QtCore\n", encoding="utf-8")
    names = [name for _line, name in _project_imports(bad)]
    assert "teiretsu_desktop.gui" in names and "PySide6.QtCore" in names
    assert "gui" not in ALLOWED["store"]
