<div class="sampul">
  {% if config.extra.instansi %}<p class="sampul-instansi">{{ config.extra.instansi }}</p>{% endif %}
  <h1>{{ config.site_name }}</h1>
  {% if config.site_description %}<p class="sampul-keterangan">{{ config.site_description }}</p>{% endif %}
  <table class="sampul-data">
    <tbody>
      <tr><th scope="row">Instansi</th><td>{{ config.extra.instansi or "—" }}</td></tr>
      <tr><th scope="row">Edisi</th><td class="sampul-edisi">Versi cetak lengkap</td></tr>
      <tr><th scope="row">Tanggal cetak</th><td class="sampul-tanggal">—</td></tr>
      {% if config.copyright %}<tr><th scope="row">Hak cipta dan lisensi</th><td>{{ config.copyright }}; teks panduan berlisensi CC BY 4.0</td></tr>{% endif %}
    </tbody>
  </table>
</div>
