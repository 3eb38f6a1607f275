"""The self-assessment, obstacles check and coachee forms, driven through .value and .click()."""

from __future__ import annotations

import base64
import re

import pytest
from ipywidgets import HTML

from selfassess.instrument import load
from selfassess.store import Store
from selfassess.ui.asesmen import AsesmenDiri, asesmen_diri, ringkasan, umpan_balik_pegawai


@pytest.fixture
def downloads(tmp_path, monkeypatch):
    folder = tmp_path / "unduhan"
    monkeypatch.setenv("SELFASSESS_UNDUHAN", str(folder))
    return folder


def answer_all(form, value_for) -> None:
    for item_id, widget in form.questions.items():
        item = form.instrument.item(item_id)
        if item.type == "skala":
            widget.value = value_for(item)


def uniform(value: int):
    return lambda item: 6 - value if item.reverse else value


def test_items_are_grouped_by_dimension_with_accessible_labels():
    form = asesmen_diri().self_form
    inst = load("kompetensi-coaching")
    assert list(form.questions) == [i.id for d in inst.dimensions for i in inst.items_of(d.id)]
    first = form.questions["REL1"]
    assert first.description == "1. Saya menanyakan kabar pegawai sebelum membahas pekerjaan."
    assert first.options[0] == ("1 – Tidak pernah", 1)
    assert first.value is None
    headings = [
        c.value
        for c in form.children
        if isinstance(c, HTML) and "<h4 class='sa-dimensi'" in c.value
    ]
    assert "Mengembangkan keterampilan dan potensi (coaching)" in headings[4]
    assert len(headings) == 8


def test_progress_counts_answered_items():
    form = asesmen_diri().self_form
    assert form.progress_label.value.endswith("0 dari 37 butir terjawab</span>")
    form.questions["REL1"].value = 4
    form.questions["DEN2"].value = 1
    assert form.progress.value == 2 and form.progress.max == 37
    assert "2 dari 37 butir terjawab" in form.progress_label.value


def test_hitung_names_the_unanswered_items_and_marks_them():
    app = asesmen_diri()
    form = app.self_form
    app.code.value = "MAWAR-12"
    answer_all(form, uniform(4))
    form.questions["TUJ2"].value = None
    form.questions["KON5"].value = None
    form.hitung.click()
    status = form.status.value
    assert "sa-msg-error" in status
    assert "2 butir belum dijawab" in status
    assert "nomor 17 (Saya memastikan tujuan yang disepakati spesifik" in status
    assert "nomor 37 (Saya menyediakan waktu" in status
    assert "TUJ2" not in form.results.value and form.results.value == ""
    assert "sa-belum" in form.questions["TUJ2"]._dom_classes
    form.questions["TUJ2"].value = 3
    assert "sa-belum" not in form.questions["TUJ2"]._dom_classes


def test_hitung_shows_scores_chart_bands_and_weakest_three_with_links(monkeypatch):
    monkeypatch.setenv("SELFASSESS_PANDUAN_URL", "https://intranet.example.go.id/panduan/")
    app = asesmen_diri()
    form = app.self_form
    app.code.value = "mawar-12"
    answer_all(form, uniform(4))
    for item in form.instrument.items_of("karier"):
        form.questions[item.id].value = 1  # karier 1.0
    for item in form.instrument.items_of("teladan"):
        form.questions[item.id].value = 4 if item.reverse else 2  # teladan 2.0
    form.questions["REL1"].value = 1  # relasi (1 + 4 × 4) / 5 = 3.4
    form.hitung.click()
    assert "sa-msg-ok" in form.status.value
    out = form.results.value
    assert 'src="data:image/png;base64,' in out and 'alt="Grafik skor per dimensi.' in out
    assert "Membimbing karier dan berbagi pengalaman (mentoring): 1" in out
    assert "Tiga dimensi yang paling perlu dikembangkan" in out
    focus = out[out.index("Tiga dimensi") :]
    order = [focus.index(name) for name in ("Membimbing karier", "Menjadi teladan", "Membangun")]
    assert order == sorted(order)
    assert "(skor 3,4, Berkembang)" in focus
    assert (
        '<a href="https://intranet.example.go.id/panduan/memahami/mentoring/" target="_blank"'
        in focus
    ), "guide links open in a new tab so the form keeps its answers"
    assert "Perilaku ini masih jarang Anda lakukan." in out  # band interpretation
    assert "Penilaian dari pegawai: 0 tersimpan" in out


def test_simpan_appends_to_the_store_with_phase_and_unit(db_path):
    app = asesmen_diri()
    app.code.value = "mawar-12"
    app.phase.value = "sebelum"
    app.group.value = "  Bagian Umum "
    answer_all(app.self_form, uniform(3))
    app.self_form.simpan.click()
    app.self_form.simpan.click()
    assert "kiriman nomor 2" in app.self_form.status.value
    rows = Store(db_path).submissions(kind="jawaban", instrument="kompetensi-coaching")
    assert len(rows) == 2
    assert rows[0].participant == "MAWAR-12"
    assert rows[0].payload["fase"] == "sebelum"
    assert rows[0].payload["kelompok"] == "Bagian Umum"
    assert rows[0].payload["peran"] == "diri"
    assert rows[0].payload["jawaban"]["REL1"] == 3


def test_simpan_refuses_a_nip_as_code_beside_the_field(db_path):
    app = asesmen_diri()
    app.code.value = "199001012015031001"
    answer_all(app.self_form, uniform(3))
    app.self_form.simpan.click()
    assert "Isian &quot;Kode peserta&quot;" in app.self_form.status.value
    assert "NIP" in app.self_form.status.value
    assert not db_path.exists()


def test_obstacles_tab_ranks_obstacles_with_strategies():
    app = asesmen_diri()
    app.code.value = "ANI-1"
    form = app.obstacles_form
    answer_all(form, uniform(2))
    for item in form.instrument.items_of("dukungan"):
        form.questions[item.id].value = 1 if item.reverse else 5
    form.hitung.click()
    out = form.results.value
    assert "Kendala dari yang paling terasa" in out
    first = out[out.index("Kendala dari yang paling terasa") :]
    assert first.index("Kurangnya dukungan organisasi") < first.index("Keterbatasan waktu")
    assert "Strategi: <strong>Komitmen pimpinan dan dukungan organisasi</strong>" in out
    assert "Berat" in out
    assert app.tabs.titles == ("1. Asesmen diri", "2. Cek kendala")


def test_unduh_laporan_writes_a_file_and_a_download_link(downloads):
    app = asesmen_diri()
    app.code.value = "mawar-12"
    app.note.value = "Latih bertanya terbuka"
    answer_all(app.self_form, uniform(4))
    answer_all(app.obstacles_form, uniform(3))
    app.unduh.click()  # computes both parts itself
    assert "sa-msg-ok" in app.status.value
    files = list(downloads.glob("laporan-asesmen-MAWAR-12-*.html"))
    assert len(files) == 1
    text = files[0].read_text(encoding="utf-8")
    assert "Asesmen diri kompetensi coaching dan mentoring" in text
    assert "Cek kendala coaching dan mentoring" in text
    assert "Latih bertanya terbuka" in text
    link = re.search(r'<a class="sa-unduh" download="([^"]+)" href="data:text/html;[^,]*,([^"]+)"',
                     app.download.value)  # fmt: skip
    assert link and link.group(1) == files[0].name
    assert base64.b64decode(link.group(2)).decode("utf-8") == text
    app.unduh.click()  # a second report never replaces the first
    assert len(list(downloads.glob("laporan-asesmen-MAWAR-12-*.html"))) == 2


def test_unduh_laporan_without_answers_says_what_to_do(downloads):
    app = asesmen_diri()
    app.code.value = "mawar-12"
    app.unduh.click()
    assert "belum ada hasil untuk dilaporkan" in app.status.value
    assert not downloads.exists() or not list(downloads.iterdir())


def test_coachee_form_is_anonymous_and_feeds_the_comparison(db_path):
    for value in (2, 3, 4):
        form = umpan_balik_pegawai()
        assert form.code.description == "Kode atasan"
        form.code.value = "mawar-12"
        answer_all(form, uniform(value))
        form.questions["PKOMEN"].value = "<script>alert(1)</script>"
        form.hitung.click()
        assert "Tiga dimensi" not in form.results.value  # no advice on the coachee's screen
        form.simpan.click()
        assert "sa-msg-ok" in form.status.value
    rows = Store(db_path).submissions(instrument="kompetensi-coaching-pegawai")
    assert [r.participant for r in rows] == ["MAWAR-12"] * 3
    assert rows[0].payload["peran"] == "pegawai"
    app = asesmen_diri()
    app.code.value = "MAWAR-12"
    answer_all(app.self_form, uniform(4))
    app.self_form.hitung.click()
    out = app.self_form.results.value
    assert "Perbandingan dengan penilaian pegawai" in out
    assert "Rata-rata dari 3 pegawai" in out
    # self 4.0, coachees (2 + 3 + 4) / 3 = 3.0 → difference +1
    assert (
        '<td class="sa-angka">4</td><td class="sa-angka">3</td><td class="sa-angka">+1</td>' in out
    )
    assert "<script>" not in out


def test_comparison_waits_for_three_coachees(db_path):
    form = umpan_balik_pegawai()
    form.code.value = "MAWAR-12"
    answer_all(form, uniform(2))
    form.simpan.click()
    app = asesmen_diri()
    app.code.value = "MAWAR-12"
    answer_all(app.self_form, uniform(4))
    app.self_form.hitung.click()
    out = app.self_form.results.value
    assert "Perbandingan dengan penilaian pegawai" not in out
    assert "Penilaian dari pegawai: 1 tersimpan" in out and "paling sedikit 3" in out


def test_summary_for_notebooks():
    text = ringkasan("kompetensi-coaching")
    assert text.splitlines()[0].endswith(": 37 butir")
    assert "- Menjadi teladan: 4 butir" in text
    assert isinstance(asesmen_diri(), AsesmenDiri)


def test_phase_defaults_to_outside_training(db_path):
    app = asesmen_diri()
    assert app.phase.label == "Bukan bagian pelatihan"
    app.code.value = "ANI-1"
    answer_all(app.obstacles_form, uniform(3))
    app.obstacles_form.simpan.click()
    (row,) = Store(db_path).submissions(instrument="cek-kendala")
    assert row.payload["fase"] is None and "kelompok" not in row.payload
