"""Widgets of 02-tujuan-smart, driven like a user: set .value, click buttons, read what is shown."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import date

import ipywidgets as w
import pytest
from docx import Document

from selfassess.store import Store
from selfassess.ui.smart import ERROR_CLASS, DraftForm, TujuanSmart, tujuan_smart
from tests.plan_data import GOAL

TODAY = date(2026, 5, 4)


def plain(area: w.HTML) -> str:
    """What a status area says, as text."""
    return html.unescape(re.sub(r"<[^>]+>", "", area.value))


def statuses(form: DraftForm) -> dict[str, str]:
    return dict(re.findall(r'data-kriteria="(\w)" data-status="([\w-]+)"', form.feedback.value))


def type_draft(form: DraftForm, **values) -> None:
    for attr, text in values.items():
        form.inputs[attr].value = text


@pytest.fixture
def tool(tmp_path):
    return TujuanSmart(store=Store(tmp_path / "hasil.sqlite"), folder=tmp_path / "unduhan",
                       today=TODAY)  # fmt: skip


def fill_plan(tool: TujuanSmart) -> None:
    type_draft(tool.draft_form, **{a: getattr(GOAL, a) for a in tool.draft_form.inputs})
    tool.plan_form.add_goal.click()
    p = tool.plan_form
    p.coachee.value = "budi-07"
    p.start.value = date(2026, 5, 4)
    p.count.value = 4
    p.method_boxes[0].value = True
    p.other_methods.value = "Kunjungan ke loket layanan"
    p.material.value = "Tata naskah dinas elektronik"
    p.evaluation_how.value = "Capaian indikator dibahas saat dialog kinerja"
    p.evaluation_when.value = "Setiap akhir bulan"


def test_live_feedback_follows_typing():
    form = DraftForm(today=TODAY)
    assert all(widget.continuous_update for widget in form.inputs.values())
    assert statuses(form) == {"S": "belum", "M": "belum", "A": "belum", "R": "belum", "T": "belum"}
    assert "Kalimat tujuan muncul di sini" in form.statement.value
    type_draft(form, goal="Meningkatkan kinerja")
    assert statuses(form)["S"] == "belum"
    assert "“Meningkatkan” belum menyebut" in form.feedback.value
    type_draft(form, goal=GOAL.goal, indicator="persentase surat yang dijawab tepat waktu")
    assert statuses(form)["S"] == "lulus"
    assert statuses(form)["M"] == "belum"
    type_draft(form, target=GOAL.target)
    assert statuses(form)["M"] == "lulus"
    type_draft(form, deadline="setiap minggu")
    assert statuses(form)["T"] == "belum" and "frekuensi" in form.feedback.value
    type_draft(form, deadline=GOAL.deadline, support=GOAL.support, link=GOAL.link)
    assert set(statuses(form).values()) == {"lulus"}
    assert form.feedback.value.count("✓") >= 5
    assert "paling lambat 31 Desember 2026, untuk mendukung IKU 2 Biro Umum." in (
        form.statement.value
    )
    form.clear()
    assert statuses(form)["S"] == "belum"


def test_user_text_is_escaped_in_feedback_and_statement():
    form = DraftForm(today=TODAY)
    type_draft(form, goal="<img src=x onerror=alert(1)> menyusun SOP", link="<script>x</script>")
    for area in (form.feedback.value, form.statement.value):
        assert "<img" not in area and "<script" not in area
    assert "&lt;img src=x onerror=alert(1)&gt;" in form.statement.value


def test_every_input_has_a_unique_indonesian_description(tool):
    inputs = []

    def walk(widget):
        if isinstance(widget, w.Box):
            for child in widget.children:
                walk(child)
        elif isinstance(widget, (w.Text, w.Textarea, w.DatePicker, w.Dropdown, w.IntText,
                                 w.BoundedIntText, w.Checkbox)):  # fmt: skip
            inputs.append(widget)

    walk(tool.widget())
    descriptions = [i.description for i in inputs]
    assert all(descriptions), "every input needs an accessible label"
    # The coachee code appears in both the plan and the session form, by design.
    repeated = {d for d in descriptions if descriptions.count(d) > 1}
    assert repeated == {"Kode coachee"}
    assert len(inputs) >= 30
    buttons = []

    def walk_buttons(widget):
        if isinstance(widget, w.Box):
            for child in widget.children:
                walk_buttons(child)
        elif isinstance(widget, w.Button):
            buttons.append(widget.description)

    walk_buttons(tool.widget())
    assert {"Simpan rencana", "Simpan sesi", "Unduh rencana (Word dan Markdown)"} <= set(buttons)


def test_adding_goals_to_the_plan(tool):
    p = tool.plan_form
    p.add_goal.click()
    assert "sa-msg-error" in p.goal_status.value and "kosong" in p.goal_status.value
    type_draft(tool.draft_form, goal="Meningkatkan kinerja")
    p.add_goal.click()
    assert "Tujuan 1 ditambahkan" in p.goal_status.value
    assert "Spesifik" in p.goal_status.value  # what still needs work
    assert "S ✗" in p.goal_list.value
    p.remove_goal.click()
    assert p.goals == [] and "belum berisi tujuan" in p.goal_list.value
    p.remove_goal.click()
    assert "sa-msg-error" in p.goal_status.value


def test_save_plan_marks_the_field_in_error_then_saves(tool):
    fill_plan(tool)
    p = tool.plan_form
    p.material.value = ""
    p.save.click()
    assert "sa-msg-error" in p.status.value and 'Isian "Materi"' in plain(p.status)
    assert ERROR_CLASS in p.material._dom_classes
    p.material.value = "Tata naskah dinas elektronik"
    p.duration.value = 5
    p.save.click()
    assert 'Isian "Durasi (menit)"' in plain(p.status)
    assert ERROR_CLASS in p.duration._dom_classes and ERROR_CLASS not in p.material._dom_classes
    p.duration.value = 60
    p.save.click()
    assert "sa-msg-ok" in p.status.value and "Rencana untuk BUDI-07 tersimpan" in p.status.value
    rows = tool.store.submissions(kind="rencana")
    assert len(rows) == 1 and rows[0].participant == "BUDI-07"
    assert rows[0].payload["metode"] == [
        "Percakapan coaching model GROW",
        "Kunjungan ke loket layanan",
    ]
    assert not any(ERROR_CLASS in widget._dom_classes for widget in p.errors.fields.values())


def test_load_saved_plan_into_a_new_form(tool, tmp_path):
    fill_plan(tool)
    tool.plan_form.frequency.value = "bulanan"
    tool.plan_form.save.click()
    again = TujuanSmart(store=tool.store, folder=tmp_path / "unduhan", today=TODAY)
    again.plan_form.coachee.value = "ani-01"
    again.plan_form.load.click()
    assert "Belum ada rencana tersimpan untuk kode ANI-01" in again.plan_form.status.value
    again.plan_form.coachee.value = "Budi-07"
    again.plan_form.load.click()
    assert "dimuat" in again.plan_form.status.value
    p = again.plan_form
    assert p.frequency.value == "bulanan" and p.count.value == 4
    assert p.method_boxes[0].value and p.other_methods.value == "Kunjungan ke loket layanan"
    assert len(p.goals) == 1 and p.goals[0].goal == GOAL.goal
    assert p.saved_id == tool.plan_form.saved_id


def test_hand_written_dates_field_appears_for_irregular_schedule(tool):
    p = tool.plan_form
    assert p.dates.layout.display == "none"
    # Hiding one field hides no other (widgets never share a layout).
    others = [*tool.draft_form.inputs.values(), p.material, p.coachee, *p.method_boxes]
    assert all(widget.layout.display is None for widget in others)
    p.frequency.value = "tidak-tetap"
    assert p.dates.layout.display is None and p.count.layout.display == "none"
    assert all(widget.layout.display is None for widget in others)
    p.frequency.value = "bulanan"
    assert p.dates.layout.display == "none" and p.count.layout.display is None
    p.frequency.value = "tidak-tetap"
    fill_plan(tool)
    p.dates.value = "11/5/2026\n31/02/2026"
    p.save.click()
    assert "baris 2" in p.status.value and ERROR_CLASS in p.dates._dom_classes


def test_session_log_actions_and_save(tool):
    s = tool.session_form
    tool.plan_form.coachee.value = "budi-07"
    assert s.coachee.value == "budi-07"  # follows the plan's code
    s.held_on.value = date(2026, 5, 4)
    s.action_what.value = "Membuat 5 templat jawaban surat"
    s.action_owner.value = "coachee"
    s.action_due.value = date(2026, 5, 1)
    s.add_action.click()
    assert "lebih awal" in s.status.value and ERROR_CLASS in s.action_due._dom_classes
    s.action_due.value = date(2026, 5, 15)
    s.add_action.click()
    assert "Tindakan 1 ditambahkan" in s.status.value
    assert "Membuat 5 templat jawaban surat" in s.action_list.value
    assert s.action_what.value == ""
    s.save.click()
    assert 'Isian "Goal (Tujuan)"' in plain(s.status)
    s.grow["goal"].value = "Memangkas antrean surat"
    s.grow["will"].value = "Membuat templat"
    s.next_date.value = date(2026, 5, 18)
    s.save.click()
    assert "Sesi 1 untuk BUDI-07 tersimpan" in s.status.value
    assert "Reality (Kenyataan) masih kosong" in s.status.value
    saved = tool.store.submissions(kind="sesi")
    assert len(saved) == 1 and saved[0].payload["tindakan"][0]["tenggat"] == "2026-05-15"
    # Ready for the next session.
    assert s.number.value == 2 and s.held_on.value == date(2026, 5, 18)
    assert s.grow["goal"].value == "" and s.actions == []
    s.remove_action.click()
    assert "belum ada tindakan" in s.status.value


def test_download_gives_browser_links_and_files_and_never_overwrites(tool):
    fill_plan(tool)
    d = tool.download
    d.button.click()
    assert "sa-msg-ok" in d.status.value
    assert "belum disimpan" in d.status.value
    names = sorted(p.name for p in d.written)
    assert names == [
        "rencana-coaching-BUDI-07-2026-05-04.docx",
        "rencana-coaching-BUDI-07-2026-05-04.md",
    ]
    link = re.search(r'<a class="sa-unduh sa-unduh-docx" download="([^"]+)" href="data:[^;]+;'
                     r'base64,([^"]+)"', d.links.value)  # fmt: skip
    assert link and link[1] == "rencana-coaching-BUDI-07-2026-05-04.docx"
    document = Document(io.BytesIO(base64.b64decode(link[2])))
    assert document.paragraphs[0].text == "Rencana Coaching dan Mentoring"
    assert "sa-unduh-md" in d.links.value
    first = d.written[0].read_bytes()

    tool.plan_form.save.click()
    d.button.click()
    assert "belum disimpan" not in d.status.value
    assert sorted(p.name for p in d.written) == [
        "rencana-coaching-BUDI-07-2026-05-04-2.docx",
        "rencana-coaching-BUDI-07-2026-05-04-2.md",
    ]
    assert (d.written[0].parent / "rencana-coaching-BUDI-07-2026-05-04.docx").read_bytes() == first


def test_download_reports_missing_fields(tool):
    tool.download.button.click()
    assert "sa-msg-error" in tool.download.status.value
    assert 'Isian "Kode coachee"' in plain(tool.download.status)
    assert tool.download.links.value == ""


def test_whole_tool_widget_builds():
    widget = tujuan_smart(today=TODAY)
    text = " ".join(c.value for c in widget.children if isinstance(c, w.HTML))
    assert "1. Rancang tujuan SMART" in text and "4. Unduh dokumen" in text
