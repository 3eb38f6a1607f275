"""The command line: help, version, errors in Indonesian with non-zero exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from selfassess import __version__, cli
from selfassess.errors import UserError


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "selfassess.cli", *args], capture_output=True, text=True, check=False
    )


def test_version_is_the_installed_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"selfassess {__version__}"
    assert __version__ != "0.0.0"


def test_help_is_indonesian_and_lists_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "tampilkan bantuan ini" in result.stdout
    assert "periksa" in result.stdout


def test_unknown_command_fails_with_indonesian_message():
    result = run("tidak-ada")
    assert result.returncode == 2
    assert "Galat:" in result.stderr
    assert "Traceback" not in result.stderr


def test_periksa_reports_ready_environment(db_path):
    result = run("periksa")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pemeriksaan lulus" in result.stdout
    assert str(db_path) in result.stdout


def test_user_error_becomes_message_and_exit_2(monkeypatch, capsys):
    def boom(_args):
        raise UserError("nilai di luar skala.", file="data.csv", row=3, column="B2")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser.set_defaults(func=boom)
    assert cli.main([]) == 2
    err = capsys.readouterr().err
    assert err.strip() == 'Galat: Berkas data.csv, baris 3, kolom "B2": nilai di luar skala.'


@pytest.mark.parametrize("debug", [False, True])
def test_unexpected_error_hides_traceback_unless_debug(monkeypatch, capsys, debug):
    def boom(_args):
        raise RuntimeError("internal")

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser.set_defaults(func=boom)
    if debug:
        with pytest.raises(RuntimeError):
            cli.main(["--debug"])
    else:
        assert cli.main([]) == 1
        err = capsys.readouterr().err
        assert "kesalahan tak terduga" in err
        assert "--debug" in err
