"""The reader's bars on the shared corpus (skipped where ../shared/corpus is absent)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not (CORPUS.is_dir() and SCORER.is_file()), reason="shared corpus not present")
def test_scorer_bars():
    cmd = f"{sys.executable} -m planlint check --format json"
    proc = subprocess.run(
        [sys.executable, str(SCORER), "--cmd", cmd, "--min", "task_f1=0.97", "--min", "owners=0.95",
         "--min", "units=0.93", "--min", "deadline=0.97", str(CORPUS)],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
