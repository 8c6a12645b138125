"""Leave (cuti), issue 17: the agency calendar (:mod:`.kalender`), the rules of each kind read
from ``ref_aturan_cuti`` and the computed balances (:mod:`.saldo`), and the requests with their
checks, recommendation, decision and cancellation (:mod:`.permohonan`). The pure rules are in
:mod:`app.models.rules.cuti`.
"""
