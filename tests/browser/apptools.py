"""Helpers for driving the workshop app (Voilà) in Chromium: open a tool, wait, check it."""

from __future__ import annotations

import json
import os
import re
import signal
from pathlib import Path

#: Text that must never reach a participant: tracebacks and Voilà/Jupyter's English messages.
LEAKS = re.compile(
    r"Traceback|Error:|Exception|Executing \d|There was an error|Please run Voil|"
    r"An exception occurred|Kernel is dead|Not Found|Internal Server Error"
)

#: Voilà has run every cell, shown the page, and drawn every output it received (it removes each
#: output's JSON script once it is drawn; widgets are drawn after their models arrive).
READY = """() => {
  const cells = document.getElementById('rendered_cells');
  return !document.getElementById('loading') && cells !== null
    && getComputedStyle(cells).display !== 'none'
    && document.querySelector('script[type="application/vnd.voila.cell-output+json"]') === null;
}"""

APP_NAME = "Aplikasi Lokakarya Coaching & Mentoring ASN"


def wait_tool_ready(page, timeout: float = 120_000) -> None:
    """Wait until Voilà has run every cell and shown the tool, and the widgets are drawn."""
    page.wait_for_function(READY, timeout=timeout)
    page.wait_for_load_state("networkidle", timeout=timeout)


def open_tool(page, base_url: str, notebook: str, timeout: float = 120_000) -> None:
    """Open one notebook of the app and wait until it is ready."""
    page.goto(f"{base_url}voila/render/{notebook}", wait_until="domcontentloaded")
    wait_tool_ready(page, timeout)


def code_lines(notebook: Path) -> list[str]:
    """Lines of program code in a notebook (not comments, long enough to be distinctive)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    lines = (
        line.strip()
        for cell in cells
        if cell["cell_type"] == "code"
        for line in "".join(cell["source"]).splitlines()
    )
    return [line for line in lines if len(line) >= 8 and not line.startswith("#")]


def assert_clean_tool(page, notebook: Path | None = None) -> None:
    """No code, no failed cell, no traceback or English error text on a ready tool page."""
    assert page.evaluate("document.documentElement.lang") == "id"
    assert page.title().endswith(APP_NAME), page.title()
    assert page.locator(".jp-CodeCell .jp-InputArea").count() == 0, "code cells show input"
    assert page.locator("#sa-gagal-muat").is_hidden(), "the page did not finish loading"
    failed = page.locator(".jp-OutputArea-output.sa-pesan-galat")
    assert failed.count() == 0, failed.first.inner_text()
    text = page.inner_text("body")
    assert not LEAKS.search(text), LEAKS.search(text)
    if notebook is not None:
        shown = [line for line in code_lines(notebook) if line in text]
        assert shown == [], f"code is visible: {shown}"


def kernel_id(page) -> str:
    """The id of the kernel behind the tool page."""
    return json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]


def kernel_pid(kid: str) -> int | None:
    """The process id of the kernel with this id, or None when it is not running."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if f"kernel-{kid}.json" in cmdline:
            return int(proc.name)
    return None


def kill_kernel(kid: str) -> int:
    """Kill the kernel process with this id (as the out-of-memory killer would); returns its pid."""
    pid = kernel_pid(kid)
    assert pid is not None, f"no process for kernel {kid}"
    os.kill(pid, signal.SIGKILL)
    return pid


def wait_for_message(scope, text, timeout: float = 30_000) -> None:
    """Wait for a status text; on timeout, fail with the messages the page shows instead."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        scope.get_by_text(text).first.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        shown = [m.inner_text() for m in scope.locator(".sa-msg").all()]
        raise AssertionError(f"{text!r} did not appear; messages shown: {shown}") from None
