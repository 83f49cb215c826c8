"""The GitHub workflows and issue forms are valid (structure, by JSON schema), and the workflows are
safe (zizmor's offline audits: unpinned actions, permissions, credentials left in checkouts, injection)."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import IN_CI, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))


def tool(name):
    """The command installed next to this Python (requirements-test.txt pins it)."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{name} is not installed (pip install -r requirements-test.txt)", pytrace=False)
        pytest.skip(f"{name} is not installed (pip install -r requirements-test.txt)")
    return str(path)


def run(*command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "deploy.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_matches_the_github_workflow_schema(workflow):
    done = run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow))
    assert done.returncode == 0, f"{workflow.relative_to(ROOT)}:\n{done.stdout}{done.stderr}"


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda p: p.name)
def test_issue_form_matches_the_github_issue_forms_schema(form):
    done = run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", str(form))
    assert done.returncode == 0, f"{form.relative_to(ROOT)}:\n{done.stdout}{done.stderr}"


def test_workflows_pass_zizmor_security_audits():
    done = run(tool("zizmor"), "--offline", "--no-progress", str(ROOT / ".github" / "workflows"))
    assert done.returncode == 0, f"zizmor found problems in .github/workflows:\n{done.stdout}{done.stderr}"
