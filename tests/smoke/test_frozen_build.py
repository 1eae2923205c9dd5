"""R-PKG-01: the frozen one-folder build runs `teiretsu --self-test` and `teiretsu-admin verify` headless,
with nothing unexpected on stderr. Builds with PyInstaller (about a minute and a half on 2 cores)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PASS = "frozen store passphrase"


@pytest.mark.package
@pytest.mark.slow
def test_frozen_build_self_test_and_verify(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed in this environment (make test installs it)")
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--log-level", "ERROR", "--distpath", str(dist), "--workpath", str(work),
         str(REPO / "installers" / "teiretsu.spec")],
        capture_output=True, text=True, timeout=1200, check=False, cwd=REPO,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    app = dist / "teiretsu"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(tmp_path / "home")  # a clean user profile: no keyring, no data
    console = app / ("teiretsu-console.exe" if os.name == "nt" else "teiretsu-console")
    result = subprocess.run(
        [str(console), "--self-test"], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: ok" in result.stdout and "pdf:" in result.stdout
    assert result.stderr.strip() == ""

    admin = app / ("teiretsu-admin.exe" if os.name == "nt" else "teiretsu-admin")
    store = tmp_path / "store"
    init = subprocess.run(
        [str(admin), "--data-dir", str(store), "--passphrase-stdin", "init", "--center-code", "139001", "--center-name",
         "テストセンター", "--prefecture", "13", "--admin-name", "テスト"],
        input=PASS + "\n", capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    verify = subprocess.run(
        [str(admin), "--data-dir", str(store), "--passphrase-stdin", "verify"],
        input=PASS + "\n", capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert verify.returncode == 0 and "verify: ok" in verify.stdout, verify.stdout + verify.stderr
    assert verify.stderr.strip() == ""
    size = sum(f.stat().st_size for f in app.rglob("*") if f.is_file()) / 1024 / 1024
    assert size < 400, f"the bundle grew to {size:.0f} MB"
    shutil.rmtree(work, ignore_errors=True)
