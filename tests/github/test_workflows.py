"""The GitHub set-up is valid, has no known weakness, and does what a reviewer expects.

Everything here is offline: the schemas ship inside check-jsonschema and
zizmor runs with --offline.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import BIN, ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
SHA_PIN = re.compile(r"^\s*-?\s*uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)\s*(?P<comment>#.*)?$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict:
    return load(GITHUB / "workflows" / name)


def steps(wf: dict):
    for job in wf["jobs"].values():
        yield from job.get("steps", [])


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_expected_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"checks.yml", "deploy.yml", "links.yml"}


# Schemas and zizmor -------------------------------------------------------


def test_workflows_match_the_github_workflow_schema():
    proc = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_dependabot_matches_its_schema():
    proc = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.dependabot", GITHUB / "dependabot.yml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_issue_forms_are_valid():
    forms = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
    forms = [f for f in forms if f.name != "config.yml"]
    assert {f.stem for f in forms} >= {"content-error", "new-topic", "new-framework"}
    proc = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *forms)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-issue-config",
               GITHUB / "ISSUE_TEMPLATE" / "config.yml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing():
    proc = run(BIN / "zizmor", "--offline", "--no-progress", "--color=never", GITHUB)
    assert proc.returncode == 0, f"zizmor exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"


# What a reviewer checks by eye ----------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*-?\s*uses:", line)]
    assert lines, f"{path.name} uses no action at all?"
    for line in lines:
        m = SHA_PIN.match(line)
        assert m, line
        if m["action"].startswith("./"):
            continue  # a local action is reviewed with this repository
        assert re.fullmatch(r"[0-9a-f]{40}", m["ref"]), f"{path.name}: not pinned to a full commit SHA: {line.strip()}"
        assert m["comment"] and re.fullmatch(r"#\s*v\d+\.\d+\.\d+", m["comment"].strip()), (
            f"{path.name}: the pin needs a `# vX.Y.Z` comment saying which release it is: {line.strip()}"
        )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_workflow_runs_fork_code_with_write_access(path):
    assert "pull_request_target" not in path.read_text(encoding="utf-8")
    assert "pull_request_target" not in load(path)["on"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_never_keeps_the_token(path):
    checkouts = [s for s in steps(load(path)) if s.get("uses", "").startswith("actions/checkout@")]
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, step


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_script(path):
    # Contexts reach scripts through `env:`; `${{ }}` inside `run:` is a
    # template-injection risk (zizmor's template-injection audit).
    for step in steps(load(path)):
        assert "${{" not in step.get("run", ""), step


def test_checks_run_on_pull_requests_and_pushes_with_read_only_access():
    wf = workflow("checks.yml")
    assert set(wf["on"]) == {"pull_request", "push"}
    assert wf["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in wf["jobs"].values())


def test_checks_run_the_same_test_command_as_ci_run():
    # .ci/run's last word is the README's test command; CI must run exactly that.
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if re.match(r"^make\b", line)]
    assert commands, ".ci/run runs no make command"
    runs = [shlex.split(s["run"]) for s in steps(workflow("checks.yml")) if "run" in s]
    for command in commands:
        assert shlex.split(command) in runs, f"checks.yml does not run `{command}` as .ci/run does"


def test_checks_build_the_site_and_upload_it_as_a_preview():
    all_steps = list(steps(workflow("checks.yml")))
    runs = [s.get("run", "").strip() for s in all_steps]
    assert "make build" in runs
    upload = [s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"].rstrip("/") == "site"
    assert runs.index("make build") < all_steps.index(upload[0])


def test_checks_set_up_both_pythons():
    setup = [s for s in steps(workflow("checks.yml")) if s.get("uses", "").startswith("actions/setup-python@")]
    assert len(setup) == 1
    assert set(str(setup[0]["with"]["python-version"]).split()) == {"3.11", "3.12"}


def test_deploy_grants_nothing_by_default_and_each_job_only_what_it_needs():
    wf = workflow("deploy.yml")
    assert wf["permissions"] == {}
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert wf["jobs"]["deploy"]["needs"] == "build"


def test_deploy_runs_from_the_default_branch_or_by_hand():
    wf = workflow("deploy.yml")
    assert set(wf["on"]) == {"push", "workflow_dispatch"}
    assert wf["on"]["push"] == {"branches": ["main"]}
    assert "default_branch" in wf["jobs"]["build"]["if"]


def test_a_deploy_is_never_cancelled():
    wf = workflow("deploy.yml")
    assert wf["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    for job in wf["jobs"].values():
        assert "concurrency" not in job


def test_deploy_publishes_to_the_pages_environment():
    deploy = workflow("deploy.yml")["jobs"]["deploy"]
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    (step,) = deploy["steps"]
    assert step["id"] == "deployment" and step["uses"].startswith("actions/deploy-pages@")


def test_deploy_builds_strictly_with_addresses_from_the_repository():
    build = workflow("deploy.yml")["jobs"]["build"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in build]
    pages = next(s for s in build if s.get("uses", "").startswith("actions/configure-pages@"))
    assert pages["id"] == "pages"
    make = next(s for s in build if s.get("run", "").strip() == "make build")
    assert make["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}/",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "REPO_NAME": "${{ github.repository }}",
        "EDIT_URI": "edit/${{ github.event.repository.default_branch }}/docs/",
    }
    upload = next(s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert uses.index("actions/configure-pages") < build.index(make) < build.index(upload)
    # `make build` is the strict build: the Makefile says so, and mkdocs.yml too.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t.*mkdocs build --strict", makefile, re.M)


def test_external_links_are_checked_weekly_and_only_reported():
    wf = workflow("links.yml")
    assert set(wf["on"]) == {"schedule", "workflow_dispatch"}
    assert wf["permissions"] == {"contents": "read"}
    lychee = [s for s in steps(wf) if "lychee " in s.get("run", "")]
    assert lychee and all(s.get("continue-on-error") is True for s in lychee)


def test_dependabot_watches_every_ecosystem_grouped_with_a_cooldown():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    seen = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert seen == {("pip", "/"), ("pip", "/examples"), ("github-actions", "/")}
    for update in config["updates"]:
        assert update.get("groups"), update
        assert update["cooldown"]["default-days"] >= 7, update


def test_pre_commit_hooks_are_local_and_use_the_project_tools():
    # pre-commit must not fetch hook repositories: every hook runs a tool
    # that `make check` already installed in .venv, or make itself.
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    assert {"zizmor", "workflows-schema", "dependabot-schema"} <= {h["id"] for h in hooks}
    for hook in hooks:
        assert hook["language"] == "system", hook
        program = shlex.split(hook["entry"])[0]
        assert program == "make" or (program.startswith(".venv/bin/") and (BIN / Path(program).name).exists()), hook
