"""Settings of the workshop app (``selfassess aplikasi``): safe defaults, Indonesian refusals."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from selfassess import app
from selfassess.errors import UserError
from tests.sitecheck import html_findings

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def settings(**kwargs) -> app.AppSettings:
    return app.AppSettings(notebooks=kwargs.pop("notebooks", NOTEBOOKS), **kwargs)


def test_voila_hides_code_and_tracebacks_and_locks_the_template():
    config = app.voila_config(settings(port=9000, password="abc"))
    voila, conf = config["Voila"], config["VoilaConfiguration"]
    assert voila["ip"] == "127.0.0.1" and voila["port"] == 9000 and voila["port_retries"] == 0
    assert voila["token"] == "abc" and voila["open_browser"] is False
    assert conf["template"] == "panduan" and conf["classic_tree"] is True
    assert conf["strip_sources"] is True and conf["show_tracebacks"] is False
    assert conf["allow_template_override"] == "NO" and conf["allow_theme_override"] == "NO"
    assert config["VoilaExecutor"]["cell_error_instruction"] == app.CELL_ERROR
    assert config["VoilaExecutor"]["iopub_timeout"] >= 30


def test_idle_kernels_without_a_browser_are_culled():
    culling = app.voila_config(settings(idle_minutes=30))["MappingKernelManager"]
    assert culling == {"cull_idle_timeout": 1800, "cull_interval": 60, "cull_connected": False}
    never = app.voila_config(settings(idle_minutes=0))["MappingKernelManager"]
    assert never["cull_idle_timeout"] == 0


def test_environment_finds_the_template_and_sets_the_results_file(tmp_path):
    env = app.environment(
        settings(results=tmp_path / "lokakarya.sqlite"), {"JUPYTER_PATH": "/lain", "X": "1"}
    )
    assert env["JUPYTER_PATH"].split(":") == [str(app.SHARE), "/lain"]
    assert env["SELFASSESS_DB"] == str(tmp_path / "lokakarya.sqlite")
    assert env["X"] == "1"
    assert (app.SHARE / "nbconvert" / "templates" / "panduan" / "conf.json").is_file()


def test_network_address_without_password_is_refused_in_indonesian():
    with pytest.raises(UserError) as err:
        app.check_settings(settings(host="0.0.0.0"))
    assert err.value.field == "--host"
    assert "kata sandi" in str(err.value) and "--sandi-acak" in str(err.value)
    app.check_settings(settings(host="0.0.0.0", password="rahasia-lokakarya"))
    app.check_settings(settings(host="10.20.30.40"), open_network=True)
    app.check_settings(settings(host="localhost"))


def test_short_password_is_refused_on_a_network_address():
    for host in ("0.0.0.0", "10.20.30.40", "::"):
        with pytest.raises(UserError) as err:
            app.check_settings(settings(host=host, password="abc1234"))
        assert err.value.field == "--sandi"
        assert "7 karakter terlalu pendek" in str(err.value) and "--sandi-acak" in str(err.value)
    app.check_settings(settings(host="10.20.30.40", password="abcd1234"))
    app.check_settings(settings(host="127.0.0.1", password="abc"))  # only this computer


def test_cli_refuses_a_short_password_on_a_network_address(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "selfassess.cli", "aplikasi", "--notebooks", str(NOTEBOOKS),
         "--host", "0.0.0.0", "--sandi", "mawar", "--hasil", str(tmp_path / "h.sqlite")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith('Galat: Isian "--sandi": kata sandi 5 karakter terlalu pendek')
    assert "Traceback" not in result.stderr and not (tmp_path / "h.sqlite").exists()


def test_guards_are_configured_from_the_settings():
    config = app.voila_config(
        settings(max_kernels=12, kernels_per_browser=2, connect_seconds=30, tries_per_client=4,
                 tries_overall=9)
    )  # fmt: skip
    assert config["GuardedKernelManager"] == {
        "max_kernels": 12, "kernels_per_browser": 2, "connect_timeout": 30.0,
    }  # fmt: skip
    assert config["ThrottledIdentityProvider"] == {"tries_per_client": 4, "tries_overall": 9}
    conf = config["VoilaConfiguration"]
    assert conf["multi_kernel_manager_class"] == "selfassess.app.guards.GuardedKernelManager"
    identity = config["Voila"]["identity_provider_class"]
    assert identity == "selfassess.app.guards.ThrottledIdentityProvider"
    text = app.banner(settings(password="abcd2345", max_kernels=12, kernels_per_browser=2))
    assert "12 sekaligus, 2 per peramban" in text and "Sandi salah" in text


def test_default_caps_fit_the_trainers_page():
    plain = settings()
    assert (plain.max_kernels, plain.kernels_per_browser, plain.connect_seconds) == (40, 3, 120)
    assert (plain.tries_per_client, plain.tries_overall) == (10, 30)


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"notebooks": Path("/tidak/ada")}, None, "folder notebook tidak ditemukan"),
        ({"port": 70000}, "--port", "tidak sah"),
        ({"idle_minutes": -1}, "--menganggur", "tidak boleh negatif"),
        ({"max_kernels": 0}, "--kernel-maks", "paling sedikit 1"),
        ({"kernels_per_browser": 0}, "--kernel-per-peramban", "paling sedikit 1"),
        ({"tries_per_client": 0}, "--coba-sandi", "paling sedikit 1"),
        ({"tries_overall": -3}, "--coba-sandi-semua", "paling sedikit 1"),
        ({"connect_seconds": 2}, "--tunggu-sambungan", "terlalu pendek"),
    ],
)
def test_bad_settings_name_the_option(kwargs, field, words):
    with pytest.raises(UserError) as err:
        app.check_settings(settings(**kwargs))
    assert err.value.field == field
    assert words in str(err.value)


def test_folder_without_notebooks_is_refused(tmp_path):
    with pytest.raises(UserError, match="tidak berisi notebook"):
        app.check_settings(settings(notebooks=tmp_path))


def test_generated_passwords_are_readable_and_differ():
    passwords = {app.generate_password() for _ in range(50)}
    assert len(passwords) == 50
    assert all(re.fullmatch(r"[a-hj-km-np-z2-9]{8}", p) for p in passwords)


def test_port_in_use_is_detected():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert not app.port_is_free("127.0.0.1", port)
    assert app.port_is_free("127.0.0.1", port)


def test_cli_refuses_busy_port_with_indonesian_message(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "selfassess.cli", "aplikasi", "--notebooks", str(NOTEBOOKS),
             "--port", str(port), "--hasil", str(tmp_path / "h.sqlite")],
            capture_output=True, text=True, check=False, timeout=60,
        )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith('Galat: Isian "--port": port ')
    assert "sudah dipakai" in result.stderr and "Traceback" not in result.stderr


def test_cli_help_is_indonesian():
    result = subprocess.run(
        [sys.executable, "-m", "selfassess.cli", "aplikasi", "--help"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    options = ("--host", "--port", "--sandi", "--sandi-acak", "--hasil", "--menganggur",
               "--kernel-maks", "--kernel-per-peramban", "--tunggu-sambungan", "--coba-sandi",
               "--coba-sandi-semua")  # fmt: skip
    for option in options:
        assert option in result.stdout
    assert "kata sandi" in result.stdout


def test_banner_says_address_password_and_results_file(tmp_path, monkeypatch):
    monkeypatch.setenv("SELFASSESS_PANDUAN_URL", "http://intranet.go.id/panduan/")
    text = app.banner(settings(host="10.1.2.3", port=8866, password="abcd2345",
                               results=tmp_path / "h.sqlite"))  # fmt: skip
    assert "http://10.1.2.3:8866/" in text
    assert "abcd2345" in text and str(tmp_path / "h.sqlite") in text
    assert "http://intranet.go.id/panduan/" in text


def test_page_config_hook_gives_the_guide_address(monkeypatch):
    monkeypatch.setenv("SELFASSESS_PANDUAN_URL", "http://intranet.go.id/panduan")
    config = app.page_config_hook({"baseUrl": "/"}, base_url="/", settings={})
    assert config["panduanUrl"] == "http://intranet.go.id/panduan/"


def test_templates_load_nothing_from_other_hosts():
    files = [p for p in (app.HERE).rglob("*") if p.suffix in {".html", ".j2", ".css"}]
    assert len(files) >= 8
    findings = [str(f) for p in files for f in html_findings(p.name, p.read_text("utf-8"))]
    assert findings == []


def test_cell_error_text_is_the_one_the_template_shows():
    macro = (app.TEMPLATE_DIR / "aplikasi.macro.html.j2").read_text(encoding="utf-8")
    assert f'set CELL_ERROR = "{app.CELL_ERROR}"' in macro


def test_template_conf_is_json_based_on_lab():
    conf = json.loads((app.TEMPLATE_DIR / "conf.json").read_text(encoding="utf-8"))
    assert conf == {"base_template": "lab"}


class _Request:
    def __init__(self, path: str) -> None:
        self.path = path


class _Handler:
    """Enough of a Voilà request handler for the prelaunch hook (no identity provider: the
    browser check treats it as a browser that kept its cookie)."""

    def __init__(self, path: str) -> None:
        self.settings: dict = {}
        self.request = _Request(path)
        self.cookie_set = False

    @property
    def xsrf_token(self) -> bytes:
        self.cookie_set = True
        return b"token"


def test_participants_only_hides_and_refuses_the_trainer_tools():
    from tornado.web import HTTPError

    plain, limited = settings(), settings(participants_only=True)
    assert plain.hidden == () and limited.hidden == ("04-rekap-pelatih.ipynb",)
    hook = app.voila_config(limited)["VoilaConfiguration"]["prelaunch_hook"]
    with pytest.raises(HTTPError) as err:
        hook(_Handler("/voila/render/04-rekap-pelatih.ipynb"), notebook=None, cwd="")
    assert err.value.status_code == 404
    allowed = _Handler("/voila/render/01-asesmen-diri.ipynb")
    hook(allowed, notebook=None, cwd="")
    assert allowed.cookie_set  # the page can stop its kernel when the participant leaves
    pages = app.voila_config(limited)["VoilaConfiguration"]["page_config_hook"]({}, base_url="/")
    assert pages["alatTersembunyi"] == ["04-rekap-pelatih.ipynb"]
    assert "tidak ditawarkan" in app.banner(limited)
    everyone = app.voila_config(plain)["VoilaConfiguration"]["page_config_hook"]({})
    assert everyone["alatTersembunyi"] == []
