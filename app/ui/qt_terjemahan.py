"""Qt's own texts (file, save and print dialogs, the text context menu, standard buttons) in
Indonesian.

Qt's translations are used where they exist (``qtbase_id.qm`` in the Qt translations folder);
PySide6 6.x ships none for Indonesian, so Merit supplies the texts of the dialogs it opens
itself, as a translator that answers from :data:`TEKS` and leaves every other text as it is.
The source texts are Qt's own (context, source) pairs, as Qt asks for them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

#: (Qt context, English source) -> Indonesian.
TEKS: dict[tuple[str, str], str] = {
    # file dialog (non-native)
    ("QFileDialog", "&Choose"): "&Pilih",
    ("QFileDialog", "&Delete"): "&Hapus",
    ("QFileDialog", "&New Folder"): "&Folder Baru",
    ("QFileDialog", "&Open"): "&Buka",
    ("QFileDialog", "&Rename"): "&Ganti Nama",
    ("QFileDialog", "&Save"): "&Simpan",
    ("QFileDialog", "All Files (*)"): "Semua Berkas (*)",
    ("QFileDialog", "Back"): "Mundur",
    ("QFileDialog", "Change to detail view mode"): "Tampilan rinci",
    ("QFileDialog", "Change to list view mode"): "Tampilan daftar",
    ("QFileDialog", "Create New Folder"): "Buat Folder Baru",
    ("QFileDialog", "Create a New Folder"): "Buat folder baru",
    ("QFileDialog", "Detail View"): "Tampilan Rinci",
    ("QFileDialog", "Directories"): "Folder",
    ("QFileDialog", "Directory:"): "Folder:",
    ("QFileDialog", "File &name:"): "&Nama berkas:",
    ("QFileDialog", "Files"): "Berkas",
    ("QFileDialog", "Files of type:"): "Jenis berkas:",
    ("QFileDialog", "Find Directory"): "Pilih Folder",
    ("QFileDialog", "Forward"): "Maju",
    ("QFileDialog", "Go back"): "Kembali",
    ("QFileDialog", "Go forward"): "Maju",
    ("QFileDialog", "Go to the parent directory"): "Ke folder induk",
    ("QFileDialog", "List View"): "Tampilan Daftar",
    ("QFileDialog", "List of places and bookmarks"): "Daftar tempat dan markah",
    ("QFileDialog", "Look in:"): "Lihat di:",
    ("QFileDialog", "New Folder"): "Folder Baru",
    ("QFileDialog", "Open"): "Buka",
    ("QFileDialog", "Parent Directory"): "Folder Induk",
    ("QFileDialog", "Recent Places"): "Tempat Terakhir",
    ("QFileDialog", "Save As"): "Simpan Sebagai",
    ("QFileDialog", "Show &hidden files"): "Tampilkan berkas &tersembunyi",
    ("QFileDialog", "Sidebar"): "Bilah sisi",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): (
        "%1 sudah ada.\nGanti berkas itu?"
    ),
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Yakin hendak menghapus '%1'?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."): (
        "%1\nBerkas tidak ditemukan.\nPeriksa nama berkasnya."
    ),
    (
        "QFileDialog",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.",
    ): ("%1\nFolder tidak ditemukan.\nPeriksa nama foldernya."),
    ("QFileDialog", "Could not delete directory."): "Folder tidak dapat dihapus.",
    ("QFileSystemModel", "Computer"): "Komputer",
    ("QFileSystemModel", "Date Modified"): "Tanggal Diubah",
    ("QFileSystemModel", "Name"): "Nama",
    ("QFileSystemModel", "Size"): "Ukuran",
    ("QFileSystemModel", "Type"): "Jenis",
    ("QAbstractFileIconProvider", "File"): "Berkas",
    ("QAbstractFileIconProvider", "Folder"): "Folder",
    # the context menu of a text field
    ("QLineEdit", "&Undo"): "&Urungkan",
    ("QLineEdit", "&Redo"): "&Ulangi",
    ("QLineEdit", "Cu&t"): "&Potong",
    ("QLineEdit", "&Copy"): "&Salin",
    ("QLineEdit", "&Paste"): "&Tempel",
    ("QLineEdit", "Delete"): "Hapus",
    ("QLineEdit", "Select All"): "Pilih Semua",
    ("QWidgetTextControl", "&Undo"): "&Urungkan",
    ("QWidgetTextControl", "&Redo"): "&Ulangi",
    ("QWidgetTextControl", "Cu&t"): "&Potong",
    ("QWidgetTextControl", "&Copy"): "&Salin",
    ("QWidgetTextControl", "Copy &Link Location"): "Salin &Alamat Tautan",
    ("QWidgetTextControl", "&Paste"): "&Tempel",
    ("QWidgetTextControl", "Delete"): "Hapus",
    ("QWidgetTextControl", "Select All"): "Pilih Semua",
    # standard buttons
    ("QPlatformTheme", "OK"): "OK",
    ("QPlatformTheme", "&Yes"): "&Ya",
    ("QPlatformTheme", "&No"): "&Tidak",
    ("QPlatformTheme", "Cancel"): "Batal",
    ("QPlatformTheme", "Close"): "Tutup",
    ("QPlatformTheme", "Discard"): "Buang",
    ("QPlatformTheme", "Open"): "Buka",
    ("QPlatformTheme", "Save"): "Simpan",
    ("QPlatformTheme", "Save All"): "Simpan Semua",
    ("QPlatformTheme", "Apply"): "Terapkan",
    ("QPlatformTheme", "Reset"): "Atur Ulang",
    ("QPlatformTheme", "Help"): "Bantuan",
    ("QPlatformTheme", "Don't Save"): "Jangan Simpan",
    ("QPlatformTheme", "Close without Saving"): "Tutup tanpa Menyimpan",
    ("QPlatformTheme", "Abort"): "Hentikan",
    ("QPlatformTheme", "Retry"): "Coba Lagi",
    ("QPlatformTheme", "Ignore"): "Abaikan",
    ("QPlatformTheme", "Restore Defaults"): "Kembalikan Bawaan",
    ("QPlatformTheme", "Yes to &All"): "Ya untuk &Semua",
    ("QPlatformTheme", "N&o to All"): "T&idak untuk Semua",
    ("QMessageBox", "Show Details..."): "Tampilkan Rincian...",
    ("QMessageBox", "Hide Details..."): "Sembunyikan Rincian...",
    # print dialog and print preview
    ("QPrintDialog", "&Options >>"): "&Opsi >>",
    ("QPrintDialog", "&Options <<"): "&Opsi <<",
    ("QPrintDialog", "&Print"): "&Cetak",
    ("QPrintDialog", "All Pages"): "Semua Halaman",
    ("QPrintDialog", "Even Pages"): "Halaman Genap",
    ("QPrintDialog", "Odd Pages"): "Halaman Ganjil",
    ("QPrintDialog", "Local file"): "Berkas lokal",
    ("QPrintDialog", "Print"): "Cetak",
    ("QPrintDialog", "Print to File (PDF)"): "Cetak ke Berkas (PDF)",
    ("QPrintDialog", "Write PDF file"): "Tulis berkas PDF",
    ("QPrintPreviewDialog", "First page"): "Halaman pertama",
    ("QPrintPreviewDialog", "Fit page"): "Muat satu halaman",
    ("QPrintPreviewDialog", "Fit width"): "Muat lebar",
    ("QPrintPreviewDialog", "Landscape"): "Melintang",
    ("QPrintPreviewDialog", "Last page"): "Halaman terakhir",
    ("QPrintPreviewDialog", "Next page"): "Halaman berikutnya",
    ("QPrintPreviewDialog", "Page setup"): "Pengaturan halaman",
    ("QPrintPreviewDialog", "Portrait"): "Tegak",
    ("QPrintPreviewDialog", "Previous page"): "Halaman sebelumnya",
    ("QPrintPreviewDialog", "Print"): "Cetak",
    ("QPrintPreviewDialog", "Print Preview"): "Pratinjau Cetak",
    ("QPrintPreviewDialog", "Show facing pages"): "Tampilkan halaman berhadapan",
    ("QPrintPreviewDialog", "Show overview of all pages"): "Tampilkan semua halaman",
    ("QPrintPreviewDialog", "Show single page"): "Tampilkan satu halaman",
    ("QPrintPreviewDialog", "Zoom in"): "Perbesar",
    ("QPrintPreviewDialog", "Zoom out"): "Perkecil",
    ("QPrintSettingsOutput", "Collate"): "Susun per salinan",
    ("QPrintSettingsOutput", "Color"): "Berwarna",
    ("QPrintSettingsOutput", "Color Mode"): "Mode Warna",
    ("QPrintSettingsOutput", "Copies"): "Salinan",
    ("QPrintSettingsOutput", "Copies:"): "Jumlah salinan:",
    ("QPrintSettingsOutput", "Current Page"): "Halaman Ini",
    ("QPrintSettingsOutput", "Double Sided Printing"): "Cetak Bolak-balik",
    ("QPrintSettingsOutput", "Grayscale"): "Hitam putih",
    ("QPrintSettingsOutput", "Long side binding"): "Jilid sisi panjang",
    ("QPrintSettingsOutput", "Off"): "Tidak",
    ("QPrintSettingsOutput", "Options"): "Opsi",
    ("QPrintSettingsOutput", "Output Settings"): "Pengaturan Keluaran",
    ("QPrintSettingsOutput", "Page Set:"): "Halaman:",
    ("QPrintSettingsOutput", "Pages"): "Halaman",
    ("QPrintSettingsOutput", "Pages from"): "Halaman dari",
    ("QPrintSettingsOutput", "Print all"): "Cetak semua",
    ("QPrintSettingsOutput", "Print range"): "Rentang cetak",
    ("QPrintSettingsOutput", "Reverse"): "Urutan terbalik",
    ("QPrintSettingsOutput", "Selection"): "Pilihan",
    ("QPrintSettingsOutput", "Short side binding"): "Jilid sisi pendek",
    ("QPrintSettingsOutput", "to"): "sampai",
    (
        "QPrintSettingsOutput",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
    ): (
        "Tulis halaman atau rentang, dipisah koma. Rentang ditulis dua angka dengan tanda "
        "hubung, mis. 3,5-7,9 mencetak halaman 3, 5, 6, 7 dan 9."
    ),
    ("QPrintWidget", "&Name:"): "&Nama:",
    ("QPrintWidget", "Location:"): "Lokasi:",
    ("QPrintWidget", "Output &file:"): "&Berkas keluaran:",
    ("QPrintWidget", "P&roperties"): "P&roperti",
    ("QPrintWidget", "Preview"): "Pratinjau",
    ("QPrintWidget", "Printer"): "Pencetak",
    ("QPrintWidget", "Type:"): "Jenis:",
    ("QTabBar", "Scroll Left"): "Geser ke Kiri",
    ("QTabBar", "Scroll Right"): "Geser ke Kanan",
}


class MeritQtTranslator(QTranslator):
    """Qt's texts in Indonesian from :data:`TEKS`; any other text stays as Qt wrote it."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # Qt takes an empty answer as the translation: unknown texts are given back as they are.
        return TEKS.get((context, source), source)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []  # kept alive as long as the application


def install_qt_translations(app: QCoreApplication) -> str:
    """Install Qt's Indonesian translation once: ``qtbase_id`` from Qt's translations folder
    when it exists, else Merit's own (:class:`MeritQtTranslator`). Returns which was used
    ("qtbase_id" or "merit")."""
    if _installed:
        return "qtbase_id" if not isinstance(_installed[0], MeritQtTranslator) else "merit"
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    if qt.load(indonesian, "qtbase", "_", folder):
        app.installTranslator(qt)
        _installed.append(qt)
        return "qtbase_id"
    own = MeritQtTranslator(app)
    app.installTranslator(own)
    _installed.append(own)
    return "merit"
