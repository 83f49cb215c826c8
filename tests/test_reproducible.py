"""Two clean builds in separate directories, each drawing every figure afresh, give identical trees."""
import filecmp
import os
import subprocess
import sys

from conftest import ROOT

def differences(left, right, path=""):
    """Relative paths that are missing on one side or differ in content."""
    compared = filecmp.dircmp(left / path, right / path)
    found = [f"{path}{name} (only in one build)" for name in compared.left_only + compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left / path, right / path, compared.common_files, shallow=False)
    found += [f"{path}{name}" for name in mismatch + errors]
    for sub in compared.common_dirs:
        found += differences(left, right, f"{path}{sub}/")
    return found


def test_two_clean_builds_are_identical(site, tmp_path):
    again = tmp_path / "site"
    env = dict(os.environ, FIGURE_CACHE=str(tmp_path / "figure-cache"))   # draw every figure again
    done = subprocess.run([sys.executable, "-m", "sitebuild.build", str(again)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    differ = differences(site, again)
    assert not differ, "the second clean build differs in:\n" + "\n".join(differ)


def test_dependency_files_pin_versions_and_record_no_address():
    """The lockfile and requirement files say which versions, never where from (.npmrc drops npm's
    `resolved`; npm also writes `funding` links, which `npm install` brings back: delete them)."""
    files = ["package-lock.json", "requirements.txt", "requirements-test.txt", "constraints.txt"]
    found = [f"{name}:{number}: {line.strip()}" for name in files
             for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1)
             if "://" in line]
    assert not found, "download or other addresses in dependency files:\n" + "\n".join(found[:10])
