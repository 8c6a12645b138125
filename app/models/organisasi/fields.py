"""The fields of the unit and position forms: labels, problems that name their field, numbers
as typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.i18n import tr
from app.models.errors import ValidationError

# Field labels used in messages (translated when used).
FIELD_LABELS: dict[str, str] = {
    "nama": "Nama",
    "jenis": "Jenis unit",
    "induk_id": "Unit induk",
    "kode": "Kode",
    "singkatan": "Singkatan",
    "eselon_kode": "Eselon",
    "urutan": "Urutan",
    "alamat": "Alamat",
    "unit_id": "Unit",
    "jenis_kode": "Jenis jabatan",
    "jenjang_kode": "Jenjang",
    "kelas_jabatan": "Kelas jabatan",
    "kebutuhan": "Kebutuhan",
    "gol_min_kode": "Golongan minimal",
    "pendidikan_min_kode": "Pendidikan minimal",
    "atasan_jabatan_id": "Atasan",
    "bup_tahun": "BUP",
}

KELAS_MIN, KELAS_MAX = 1, 17  # kelas jabatan (Perpres on tunjangan kinerja; practice)
BUP_MIN, BUP_MAX = 50, 70
MAX_NAMA = 200
MAX_KEBUTUHAN = 100_000


_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def label(field_name: str) -> str:
    """The Indonesian label of a field, for messages and forms."""
    return tr(FIELD_LABELS.get(field_name, field_name))


@dataclass(frozen=True)
class Issue:
    """One problem of a form: the field and an Indonesian sentence that names it."""

    field: str
    message: str


def raise_issues(issues: list[Issue]) -> None:
    """Raise ValidationError naming the first field (and listing every reason), or return."""
    if issues:
        raise ValidationError(
            issues[0].message, field=issues[0].field, reasons=[i.message for i in issues]
        )


def as_text(value: object) -> str:
    """The value as stripped text ("" for None)."""
    return "" if value is None else str(value).strip()


def as_optional(value: object) -> str | None:
    """The value as stripped text, or None when empty."""
    text = as_text(value)
    return text or None


def parse_int(
    value: object, field_name: str, *, minimum: int, maximum: int, required: bool
) -> tuple[int | None, Issue | None]:
    """A whole number typed in a form (``"3"``, ``" 12 "``, ``"1.000"``) or a problem naming the
    field. Empty gives None, or a problem when the field is required."""
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = as_text(value)
        if _THOUSANDS.fullmatch(text):  # "1.000" written the Indonesian way
            text = text.replace(".", "")
        if not text:
            if required:
                return None, Issue(field_name, tr("{f} wajib diisi.", f=label(field_name)))
            return None, None
        try:
            number = int(text)
        except ValueError:
            return None, Issue(
                field_name,
                tr("{f} harus bilangan bulat; tertulis '{v}'.", f=label(field_name), v=text),
            )
    if not minimum <= number <= maximum:
        return None, Issue(
            field_name,
            tr(
                "{f} harus antara {lo} dan {hi}; tertulis {v}.",
                f=label(field_name),
                lo=minimum,
                hi=maximum,
                v=number,
            ),
        )
    return number, None
