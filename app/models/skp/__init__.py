"""SKP: the performance appraisal of PermenPANRB 6/2022 (asn-rules.md section 4), from the plan
to the locked predikat.

* **draft**: the employee's operator (or the employee) writes the plan (rencana hasil kerja with
  indicators and targets, optionally supporting a result of the superior's SKP); the appraiser
  may add the expected behaviours (BerAKHLAK).
* **disetujui**: the pejabat penilai approved the plan at the start of the year; the realisation
  and its evidence are filled in.
* **diajukan**: submitted; the appraiser rates hasil kerja and perilaku kerja with feedback per
  BerAKHLAK value, having read the peer feedback (rekan kerja) requested from colleagues, or
  returns it for correction.
* **dinilai**: rated; the appraiser ditetapkan it (no routine second approval by the atasan).
* **ditetapkan**: locked; the predikat lands in the employee's SKP history (``riwayat_skp``, same
  natural id as :func:`app.models.pegawai.write.skp_id`) where promotion, KGB and the talent box
  read it. Within the days of ``ref_tenggat_skp`` the employee (or the operator) may lodge a
  **keberatan**, which the atasan pejabat penilai decides (rating kept or changed, with reasons):
  the SKP is then **final** and nothing changes it. Only the admin can reopen a ditetapkan SKP
  without a keberatan, with a recorded reason. A paper result keyed in by the operator counts as
  ditetapkan; so does a year known only from the SKP history (in the progress and the lists).

The states, the transitions and who may take them are pure rules in :mod:`app.models.rules.skp`.
This package keeps the SQL, one module per concern:

* :mod:`~app.models.skp.types`: the records (plain dataclasses);
* :mod:`~app.models.skp.read`: one SKP as the form shows it;
* :mod:`~app.models.skp.penilai`: the default appraiser from the position tree;
* :mod:`~app.models.skp.guard`: the actor, the audited refusals, one write after ``may`` agreed;
* :mod:`~app.models.skp.bulk`: creating SKPs, one or a whole unit's, with carry-forward;
* :mod:`~app.models.skp.write`: the edits in draft (plan, realisation, appraiser, peer feedback);
* :mod:`~app.models.skp.workflow`: the state changes;
* :mod:`~app.models.skp.pengaturan`: the curves per capaian kinerja organisasi, each unit's
  capaian of a year, and the periods;
* :mod:`~app.models.skp.progress`: the progress and the list of a year;
* :mod:`~app.models.skp.dokumen`: the data of the evaluation document.
"""
