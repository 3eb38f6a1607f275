<p>
  <em>Ini adalah versi cetak seluruh panduan.</em> Untuk mencetak atau menyimpannya sebagai PDF,
  gunakan menu <strong>Cetak</strong> pada peramban (Ctrl+P), lalu pilih printer atau
  <strong>Simpan sebagai PDF</strong>. Kotak ini tidak ikut tercetak.
</p>
