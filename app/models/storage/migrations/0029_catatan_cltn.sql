-- The note of the CLTN row of ref_aturan_cuti (migration 21) said that CLTN moves KGB, KP
-- "and pensiun [?]" and that BKN's approval was uncertain. PP 11/2017: CLTN is given by the
-- PPK's decree after the Kepala BKN approves (Pasal 336 ayat (2)) and is not counted as masa
-- kerja PNS, which moves KGB and KP; the TMT pensiun follows age (BUP) and does not move, as
-- Merit computes it. Frozen copy of the row's note in app/models/reference/data.py at this
-- version; a note an administrator has edited is left as it is.
UPDATE ref_aturan_cuti SET catatan = 'Setelah 5 tahun, paling lama 3 tahun ditambah 1 tahun (PP 11/2017 Pasal 334) [V]; dengan keputusan PPK setelah persetujuan Kepala BKN (Pasal 336 ayat (2)) [V]. Masa CLTN tidak diperhitungkan sebagai masa kerja PNS [V]: KGB dan KP bergeser; TMT pensiun (BUP menurut usia) tidak bergeser. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.' WHERE id = 'af4077f9-33db-5e8d-983a-85c975876f5c' AND catatan = 'Setelah 5 tahun, paling lama 3 tahun ditambah 1 tahun [V]. Masa CLTN tidak dihitung masa kerja sehingga menggeser KGB, KP dan pensiun [?]; persetujuan BKN [?]. berlaku_mulai 1900-01-01 adalah batas bawah teknis, bukan tanggal peraturan.';
