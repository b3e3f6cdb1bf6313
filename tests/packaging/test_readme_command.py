"""The README's first command works as root where ``sudo`` does not exist (a fresh container) and
as a user with ``sudo``, and installs nothing but the libraries Qt needs.

The command's own shell text is run by ``sh`` (and ``bash``) with fake ``apt-get``, ``sudo``,
``id`` and ``python3`` first and alone on PATH, each writing down how it was called.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The fakes: each writes its name and arguments, one call a line, then does what the chain
# needs (sudo runs its command, python3 -m venv makes pip and coachdesk).
RECORDER = """#!{python}
import os, sys
name = sys.argv[0]
name = name[name.index(".venv/"):] if ".venv/" in name else os.path.basename(name)
with open(os.environ["CALLS"], "a", encoding="utf-8") as calls:
    calls.write(" ".join([name, *sys.argv[1:]]) + "\\n")
{action}
"""
ACTIONS = {
    "apt-get": "",
    "id": 'print(os.environ["FAKE_UID"] if sys.argv[1:] == ["-u"] else "uid=0")',
    "sudo": "os.execvp(sys.argv[1], sys.argv[1:])",
    "python3": """
if sys.argv[1:3] == ["-m", "venv"]:
    bin_dir = os.path.join(sys.argv[3], "bin")
    os.makedirs(bin_dir)
    for tool in ("pip", "coachdesk"):
        path = os.path.join(bin_dir, tool)
        with open(path, "w", encoding="utf-8") as script, open(__file__, encoding="utf-8") as me:
            script.write(me.read().split("\\n#ACTION")[0])
        os.chmod(path, 0o755)
#ACTION""",
}


def readme_first_command() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)\n```", text, re.DOTALL)
    assert block is not None
    return block.group(1)


def fake_bin(folder: Path, *, with_sudo: bool) -> Path:
    folder.mkdir()
    for name, action in ACTIONS.items():
        if name == "sudo" and not with_sudo:
            continue
        path = folder / name
        path.write_text(RECORDER.format(python=sys.executable, action=action), encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return folder


SHELLS = [shell for shell in ("/bin/sh", "/bin/bash") if Path(shell).exists()]


@pytest.mark.skipif(os.name != "posix", reason="the README's command is for Debian/Ubuntu")
@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize(("uid", "with_sudo", "prefix"), [
    ("0", False, []),  # root in a fresh container: no sudo at all
    ("1000", True, ["sudo"]),  # a user: every apt-get through sudo
], ids=["root-without-sudo", "user-with-sudo"])
def test_the_readme_command_reaches_the_install_and_the_demo(
    tmp_path: Path, shell: str, uid: str, with_sudo: bool, prefix: list[str]
) -> None:
    command = readme_first_command()
    bin_dir = fake_bin(tmp_path / "bin", with_sudo=with_sudo)
    work = tmp_path / "coachdesk"
    work.mkdir()
    calls = tmp_path / "calls.txt"
    result = subprocess.run(
        [shell, "-c", command], cwd=work, capture_output=True, text=True, timeout=60,
        env={"PATH": str(bin_dir), "CALLS": str(calls), "FAKE_UID": uid, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    lines = calls.read_text(encoding="utf-8").splitlines()
    apt_calls = [line for line in lines if "apt-get" in line and not line.startswith("sudo ")]
    assert [line.split()[:2] for line in apt_calls] == [["apt-get", "update"],
                                                        ["apt-get", "install"]]
    if prefix:
        assert [line for line in lines if line.startswith("sudo ")] == [
            f"sudo {line}" for line in apt_calls]
    assert lines[-3:] == ["python3 -m venv .venv", ".venv/bin/pip install -e .",
                          ".venv/bin/coachdesk --demo"]
    # Only what Qt needs for a window: libraries, nothing else.
    packages = apt_calls[1].split()[3:]
    assert apt_calls[1].split()[2] == "-y" and "libxcb-cursor0" in packages
    assert all(package.startswith("lib") for package in packages), packages


def test_the_readme_command_is_one_line_and_never_calls_sudo_unconditionally() -> None:
    command = readme_first_command()
    assert "\n" not in command
    assert "sudo apt-get" not in command
