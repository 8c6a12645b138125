"""Merit: aplikasi kepegawaian ASN untuk BKD/BKPSDM yang bekerja tanpa internet."""

__version__ = "0.1.0"
