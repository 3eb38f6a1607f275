"""The welcome form: environment table and participant-code check."""

from __future__ import annotations

from selfassess.ui import welcome


def test_welcome_shows_environment_report():
    form = welcome()
    assert "pemeriksaan lulus" in form.report.value
    assert "pandas" in form.report.value


def test_valid_code_is_confirmed():
    form = welcome()
    form.code.value = "budi-07"
    form.button.click()
    assert "BUDI-07 dapat dipakai" in form.status.value
    assert "sa-msg-ok" in form.status.value


def test_invalid_code_shows_escaped_message_beside_field():
    form = welcome()
    form.code.value = "<img src=x onerror=alert(1)>"
    form.button.click()
    assert "sa-msg-error" in form.status.value
    assert "Kode peserta" in form.status.value
    assert "<img" not in form.status.value
