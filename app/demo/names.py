"""Raw material for the demo generator (:mod:`app.demo.gen`): names, places, schools,
study programmes with their gelar, training names and the organisation of a believable *kota*
government. Constants only (tuples and small named tuples), no logic.

Everything here is fictional or generic. Names are common Indonesian names grouped by region,
with the religion that usually goes with them, so that a generated person's name and religion
fit roughly (Balinese names mostly Hindu, Batak, NTT and Manado names mostly Christian, ...).
"""

from __future__ import annotations

from typing import NamedTuple

# ---------------------------------------------------------------------------------------------
# Names


class KelompokNama(NamedTuple):
    """Given names that go with one religion inside a region."""

    agama: str  # ref_agama.kode
    bobot: float  # share of the region's people
    awalan_pria: tuple[str, ...]  # optional first element (birth-order name, baptismal name ...)
    awalan_wanita: tuple[str, ...]
    p_awalan: float  # probability of an awalan
    depan_pria: tuple[str, ...]  # given names
    depan_wanita: tuple[str, ...]
    belakang: tuple[str, ...] = ()  # family names for this group only (else the region's)


class Wilayah(NamedTuple):
    """A region of origin: its name groups, family or second names, birth places and schools."""

    kode: str
    bobot: float  # share of the agency's employees
    kelompok: tuple[KelompokNama, ...]
    belakang_pria: tuple[str, ...]  # family names or second names
    belakang_wanita: tuple[str, ...]
    p_belakang: float  # probability of a family/second name
    tempat_lahir: tuple[str, ...]
    universitas: tuple[str, ...]


_MUSLIM_L = ("Muhammad", "Ahmad", "Abdul", "Moh.")
_MUSLIM_P = ("Siti", "Nur", "Sitti")

_BAPTIS_L = (
    "Yohanes", "Fransiskus", "Petrus", "Paulus", "Yosef", "Stefanus", "Antonius", "Agustinus",
    "Markus", "Mikael", "Andreas", "Bernardus", "Yakobus", "Matius", "Thomas", "Gregorius",
)  # fmt: skip
_BAPTIS_P = (
    "Maria", "Theresia", "Yuliana", "Katarina", "Veronika", "Agustina", "Magdalena", "Fransiska",
    "Elisabeth", "Margaretha", "Bernadeta", "Yohana", "Lusia", "Cecilia", "Anastasia", "Monika",
)  # fmt: skip
_KRISTEN_L = (
    "Daniel", "Samuel", "Yosua", "Imanuel", "Kristian", "Jonathan", "Ferry", "Robert", "Hendrik",
    "Benyamin", "Yehezkiel", "Elia", "Timotius", "Gideon", "Natanael", "Rudolf", "Jhon", "Martin",
)  # fmt: skip
_KRISTEN_P = (
    "Debora", "Ester", "Ruth", "Sarah", "Lidia", "Rahel", "Grace", "Yemima", "Hana", "Priskila",
    "Naomi", "Christina", "Febriana", "Novita", "Melisa", "Rebeka", "Elsa", "Yuni",
)  # fmt: skip

_JAWA_L = (
    "Agus", "Bambang", "Budi", "Joko", "Slamet", "Sugeng", "Wahyu", "Eko", "Dwi", "Tri", "Heru",
    "Hadi", "Teguh", "Bayu", "Adi", "Setyo", "Sutrisno", "Sukirno", "Purwanto", "Hartono",
    "Sumarno", "Gunadi", "Rudi", "Arif", "Fajar", "Rizky", "Yoga", "Dimas", "Galih", "Ari",
    "Nanang", "Didik", "Yudi", "Aris", "Anang", "Wawan", "Ma'ruf", "Sya'roni", "Imam", "Ilham",
)  # fmt: skip
_JAWA_P = (
    "Sri", "Endang", "Dewi", "Rini", "Wulan", "Lestari", "Ratna", "Yuni", "Retno", "Tutik",
    "Puji", "Ani", "Widya", "Indah", "Ayu", "Nurul", "Wahyu", "Dyah", "Kartika", "Rahma",
    "Fitri", "Novi", "Eka", "Lina", "Yuli", "Sulistyowati", "Nur'aini", "Mega", "Diah", "Anis",
)  # fmt: skip

JAWA = Wilayah(
    "JAWA",
    24.0,
    (
        KelompokNama("ISLAM", 0.88, _MUSLIM_L, _MUSLIM_P, 0.12, _JAWA_L, _JAWA_P),
        KelompokNama("KRISTEN", 0.06, _KRISTEN_L, _KRISTEN_P, 0.5, _JAWA_L, _JAWA_P),
        KelompokNama("KATOLIK", 0.06, _BAPTIS_L, _BAPTIS_P, 0.85, _JAWA_L, _JAWA_P),
    ),
    (
        "Santoso", "Wibowo", "Susanto", "Purnomo", "Setiawan", "Hidayat", "Prasetyo", "Kurniawan",
        "Saputra", "Nugroho", "Wijaya", "Pratama", "Suryadi", "Raharjo", "Utomo", "Cahyono",
        "Wicaksono", "Hermawan", "Firmansyah", "Haryanto", "Sudarmaji", "Mulyono", "Subagyo",
    ),
    (
        "Rahayu", "Handayani", "Wulandari", "Setyaningsih", "Kusumawati", "Astuti", "Lestari",
        "Puspitasari", "Anggraini", "Susilowati", "Wahyuni", "Purwanti", "Suryani", "Rahmawati",
        "Kurniasih", "Pertiwi", "Safitri", "Maharani", "Ningsih", "Permatasari",
    ),
    0.75,
    (
        "Semarang", "Surakarta", "Yogyakarta", "Klaten", "Magelang", "Kediri", "Malang",
        "Surabaya", "Madiun", "Blitar", "Boyolali", "Sragen", "Pati", "Kudus", "Purworejo",
        "Banyumas", "Tulungagung", "Ponorogo", "Jember", "Banyuwangi", "Sleman", "Bantul",
    ),
    (
        "Universitas Gadjah Mada", "Universitas Diponegoro", "Universitas Sebelas Maret",
        "Universitas Airlangga", "Universitas Brawijaya", "Universitas Negeri Yogyakarta",
        "Universitas Negeri Semarang", "Universitas Negeri Malang", "Universitas Jember",
        "Universitas Muhammadiyah Yogyakarta", "Universitas Atma Jaya Yogyakarta",
        "Universitas Kristen Satya Wacana",
    ),
)  # fmt: skip

SUNDA = Wilayah(
    "SUNDA",
    7.0,
    (
        KelompokNama(
            "ISLAM",
            0.97,
            _MUSLIM_L,
            _MUSLIM_P,
            0.1,
            (
                "Asep", "Dadang", "Ujang", "Cecep", "Dede", "Yayan", "Ade", "Iwan", "Hendra",
                "Deden", "Aceng", "Jajang", "Dudi", "Rahmat", "Ridwan", "Usep", "Agus", "Encep",
                "Yusuf", "Irfan", "Ginanjar", "Rizal",
            ),
            (
                "Euis", "Neneng", "Imas", "Lilis", "Yeni", "Nining", "Iis", "Cucu", "Enok",
                "Rina", "Tati", "Elis", "Nenden", "Popon", "Dewi", "Ai", "Neng", "Rosa", "Nia",
            ),
        ),
        KelompokNama("KRISTEN", 0.03, _KRISTEN_L, _KRISTEN_P, 0.6, ("Hendra", "Dedi", "Yayan"),
                     ("Rina", "Yeni", "Dewi")),
    ),
    (
        "Sunarya", "Suryana", "Permana", "Hermawan", "Gunawan", "Hidayat", "Kusnadi",
        "Supriatna", "Sopandi", "Ruhimat", "Sutisna", "Rustandi", "Mulyana", "Setiadi",
        "Ramdani", "Hamdani", "Kurniadi",
    ),
    (
        "Nurhayati", "Rohayati", "Komalasari", "Sumiati", "Rosmiati", "Karlina", "Rostika",
        "Sukaesih", "Hasanah", "Mulyani", "Herlina", "Kurniasih", "Maryani",
    ),
    0.7,
    (
        "Bandung", "Garut", "Tasikmalaya", "Ciamis", "Sumedang", "Cianjur", "Sukabumi", "Bogor",
        "Kuningan", "Majalengka", "Cirebon", "Subang", "Purwakarta",
    ),
    (
        "Universitas Padjadjaran", "Institut Teknologi Bandung", "Universitas Pendidikan Indonesia",
        "Institut Pertanian Bogor", "Universitas Pasundan", "Universitas Siliwangi",
    ),
)  # fmt: skip

BATAK = Wilayah(
    "BATAK",
    8.0,
    (
        KelompokNama(
            "KRISTEN",
            0.58,
            (),
            (),
            0.0,
            (
                *_KRISTEN_L, "Parulian", "Tumpal", "Hotman", "Maruli", "Bonar", "Sahat", "Togar",
                "Poltak", "Benget", "Marihot", "Jonner", "Tigor", "Hotasi", "Rinaldi", "Halomoan",
            ),
            (
                *_KRISTEN_P, "Rosmawati", "Tiurma", "Lamria", "Dameria", "Rotua", "Lasmaria",
                "Erni", "Hotmaida", "Rosdiana", "Sondang", "Romauli", "Nurmaida", "Evalina",
            ),
            (
                "Simanjuntak", "Nainggolan", "Hutapea", "Sitompul", "Panjaitan", "Simatupang",
                "Sinaga", "Situmorang", "Manurung", "Hutagalung", "Silalahi", "Tambunan",
                "Pardede", "Sihombing", "Sitorus", "Pasaribu", "Simbolon", "Marpaung",
                "Napitupulu", "Butarbutar", "Gultom", "Hutabarat", "Siahaan", "Lumbantobing",
            ),
        ),
        KelompokNama(
            "KATOLIK",
            0.14,
            _BAPTIS_L,
            _BAPTIS_P,
            0.3,
            (*_BAPTIS_L, "Rikardo", "Bonifasius", "Hilarius"),
            (*_BAPTIS_P, "Rosalina", "Florida"),
            ("Sinaga", "Simbolon", "Manik", "Sitanggang", "Situmorang", "Sidabutar", "Malau"),
        ),
        KelompokNama(
            "ISLAM",
            0.28,
            _MUSLIM_L,
            _MUSLIM_P,
            0.15,
            (
                "Ridwan", "Syahrul", "Khairul", "Rizal", "Fauzan", "Amir", "Hamdan", "Mukhlis",
                "Zulfikar", "Syaiful", "Irwansyah", "Darwin", "Hasan",
            ),
            (
                "Nurhayati", "Rahmadani", "Khairunnisa", "Fadillah", "Lely", "Mardiah",
                "Syafitri", "Hafsah", "Masitah", "Rosmidah",
            ),
            (
                "Nasution", "Lubis", "Harahap", "Siregar", "Hasibuan", "Daulay", "Pulungan",
                "Batubara", "Rangkuti", "Ritonga", "Dalimunthe",
            ),
        ),
    ),
    (),
    (),
    1.0,
    (
        "Medan", "Pematangsiantar", "Tarutung", "Balige", "Sibolga", "Padangsidimpuan",
        "Tebing Tinggi", "Kabanjahe", "Porsea", "Doloksanggul", "Rantauprapat", "Sidikalang",
    ),
    (
        "Universitas Sumatera Utara", "Universitas Negeri Medan", "Universitas HKBP Nommensen",
        "Universitas Katolik Santo Thomas", "Universitas Islam Sumatera Utara",
    ),
)  # fmt: skip

MINANG = Wilayah(
    "MINANG",
    6.0,
    (
        KelompokNama(
            "ISLAM",
            1.0,
            _MUSLIM_L,
            _MUSLIM_P,
            0.12,
            (
                "Afrizal", "Yusrizal", "Syafrizal", "Zulkifli", "Hendri", "Fauzi", "Irwan",
                "Rizki", "Fadli", "Yuliandri", "Ronal", "Zulhendri", "Efendi", "Alfian",
                "Jasman", "Syahrial", "Novrizal", "Andre", "Rahmat", "Mu'min",
            ),
            (
                "Yulia", "Fitri", "Rahmi", "Nelly", "Desi", "Mardiana", "Syafrida", "Yusnimar",
                "Nurhasanah", "Elvira", "Rosnelly", "Yelfi", "Ernita", "Zulfa", "Rahmawati",
                "Yusnita", "Wirda", "Delvi",
            ),
        ),
    ),
    (
        "Putra", "Syafri", "Rahman", "Amir", "Hamid", "Nasrul", "Effendi", "Mansur", "Yunus",
        "Chaniago", "Piliang", "Tanjung", "Koto", "Sikumbang", "Datuak",
    ),
    (
        "Putri", "Yanti", "Hasanah", "Rahmi", "Zuraida", "Yusra", "Chaniago", "Piliang",
        "Tanjung", "Koto", "Rosalina", "Susanti",
    ),
    0.6,
    (
        "Padang", "Bukittinggi", "Payakumbuh", "Solok", "Batusangkar", "Pariaman",
        "Padang Panjang", "Sawahlunto", "Painan", "Lubuk Sikaping", "Maninjau",
    ),
    (
        "Universitas Andalas", "Universitas Negeri Padang", "Universitas Bung Hatta",
        "Universitas Islam Negeri Imam Bonjol",
    ),
)  # fmt: skip

BUGIS = Wilayah(
    "BUGIS",
    7.0,
    (
        KelompokNama(
            "ISLAM",
            0.9,
            ("Andi", "Muhammad", "Ahmad", "Abdul"),
            ("Andi", "Sitti", "Nur"),
            0.3,
            (
                "Baso", "Syamsul", "Arifin", "Ilham", "Rahmat", "Haris", "Muhlis", "Sudirman",
                "Amiruddin", "Jamaluddin", "Kamaruddin", "Syahrir", "Irfan", "Asri", "Ma'mun",
                "Akbar", "Fadel", "Nasrullah", "Taufik", "Rusdi", "Ikhsan",
            ),
            (
                "Hasnah", "Nurhayati", "Hasmawati", "Haslinda", "Murniati", "Rosmini",
                "Nurjannah", "Hajrah", "Suriani", "Rahmawati", "Nurhidayah", "Marlina",
                "Hasriani", "Besse", "Husnawati", "Sri Wahyuni",
            ),
        ),
        KelompokNama(
            "KRISTEN",
            0.1,
            (),
            (),
            0.0,
            ("Yohanis", "Markus", "Daniel", "Rante", "Tandi", "Frans", "Yulius", "Lukas"),
            ("Yuliana", "Marthina", "Ester", "Rosalina", "Debora", "Selvi"),
            ("Rante", "Tandirerung", "Pakiding", "Sampe", "Patandianan", "Tangdilintin",
             "Palinggi", "Pasulu"),
        ),
    ),
    (
        "Amiruddin", "Syamsuddin", "Hasanuddin", "Baharuddin", "Rahman", "Mappaseng",
        "Nurdin", "Hamzah", "Arsyad", "Syarifuddin", "Mustari", "Jufri", "Salam",
    ),
    (
        "Rahman", "Hasanuddin", "Syamsuddin", "Nurdin", "Amir", "Hamzah", "Arsyad", "Salam",
    ),
    0.6,
    (
        "Makassar", "Watampone", "Parepare", "Sengkang", "Sinjai", "Bulukumba", "Maros",
        "Pinrang", "Sidenreng Rappang", "Barru", "Palopo", "Makale",
    ),
    (
        "Universitas Hasanuddin", "Universitas Negeri Makassar",
        "Universitas Muslim Indonesia", "Universitas Islam Negeri Alauddin Makassar",
    ),
)  # fmt: skip

_BALI_NAMA_L = (
    "Sudarsana", "Suarjana", "Artawan", "Wirawan", "Suardana", "Budiarta", "Sukadana",
    "Mahendra", "Adnyana", "Sudiarta", "Putra", "Wiratama", "Astawa", "Swastika", "Arimbawa",
    "Dharmawan", "Sanjaya", "Yasa", "Parwata", "Gunawan", "Sumerta", "Sedana",
)  # fmt: skip
_BALI_NAMA_P = (
    "Sukarmini", "Suartini", "Ariani", "Sudiani", "Widiastuti", "Kartini", "Suwitri",
    "Puspawati", "Darmayanti", "Sriasih", "Suryani", "Wahyuni", "Ratnadi", "Asih", "Sukerti",
    "Dewi", "Lestari", "Mahayanti", "Purnamasari", "Sudarmini",
)  # fmt: skip

BALI = Wilayah(
    "BALI",
    6.0,
    (
        KelompokNama(
            "HINDU",
            0.92,
            (
                "I Wayan", "I Made", "I Nyoman", "I Ketut", "I Gede", "I Putu", "I Komang",
                "I Kadek", "Ida Bagus", "Anak Agung", "I Gusti Ngurah", "I Gusti Bagus",
            ),
            (
                "Ni Wayan", "Ni Made", "Ni Nyoman", "Ni Ketut", "Ni Putu", "Ni Luh",
                "Ni Komang", "Ni Kadek", "Ida Ayu", "Anak Agung Istri", "I Gusti Ayu",
            ),
            1.0,
            _BALI_NAMA_L,
            _BALI_NAMA_P,
        ),
        KelompokNama("KATOLIK", 0.04, ("I Wayan", "I Made", "I Nyoman"), ("Ni Wayan", "Ni Made"),
                     1.0, _BALI_NAMA_L, _BALI_NAMA_P),
        KelompokNama("KRISTEN", 0.04, ("I Wayan", "I Made", "I Ketut"), ("Ni Wayan", "Ni Luh"),
                     1.0, _BALI_NAMA_L, _BALI_NAMA_P),
    ),
    ("Putra", "Wirawan", "Adnyana", "Artana", "Saputra", "Dwipayana", "Arsana"),
    ("Ariani", "Sari", "Dewi", "Astiti", "Lestari", "Utami"),
    0.35,
    (
        "Denpasar", "Singaraja", "Gianyar", "Tabanan", "Klungkung", "Bangli", "Amlapura",
        "Negara", "Badung",
    ),
    (
        "Universitas Udayana", "Universitas Pendidikan Ganesha", "Universitas Mahasaraswati",
        "Universitas Warmadewa",
    ),
)  # fmt: skip

NTT = Wilayah(
    "NTT",
    18.0,
    (
        KelompokNama(
            "KATOLIK",
            0.55,
            _BAPTIS_L,
            _BAPTIS_P,
            0.25,
            (
                *_BAPTIS_L, "Aloysius", "Kristoforus", "Bernadus", "Dominikus", "Hironimus",
                "Marselinus", "Emanuel", "Ferdinandus", "Wilhelmus", "Kornelis", "Siprianus",
                "Yoakim", "Blasius", "Laurensius", "Vinsensius", "Donatus",
            ),
            (
                *_BAPTIS_P, "Yasinta", "Skolastika", "Florentina", "Imaculata", "Benedikta",
                "Yustina", "Adriana", "Maria Goreti", "Wihelmina", "Rosalia", "Yovita",
                "Emerensiana",
            ),
        ),
        KelompokNama(
            "KRISTEN",
            0.37,
            (),
            (),
            0.0,
            (
                *_KRISTEN_L, "Yusuf", "Frederik", "Semuel", "Zakarias", "Obed", "Alfred",
                "Melkianus", "Yermias", "Orance", "Adrianus", "Apolos", "Nikodemus",
            ),
            (
                *_KRISTEN_P, "Margarita", "Yuliana", "Marlin", "Orpa", "Selfina", "Adelina",
                "Mersi", "Antonia", "Dorkas", "Yunita", "Meliana",
            ),
            (
                "Ndun", "Nenobais", "Manafe", "Benu", "Lay", "Bessie", "Lodo", "Dethan",
                "Fanggidae", "Toelle", "Tanesib", "Tallo", "Radja", "Ratu", "Dae Pany",
                "Pello", "Adoe", "Mooy", "Foeh", "Kana", "Bunga", "Messakh", "Riwu Kaho",
            ),
        ),
        KelompokNama(
            "ISLAM",
            0.08,
            _MUSLIM_L,
            _MUSLIM_P,
            0.25,
            ("Abdullah", "Ismail", "Hamzah", "Yusuf", "Rahman", "Hasan", "Amir", "Kiwang"),
            ("Nurhayati", "Aminah", "Fatimah", "Halimah", "Zainab", "Rukiah"),
            ("Kiwang", "Bethan", "Sulaiman", "Baso", "Ladjar", "Daeng", "Lamatapo"),
        ),
    ),
    (
        "da Costa", "Fernandez", "Making", "Tukan", "Koten", "Kelen", "Ola", "Sina", "Wangge",
        "Woda", "Bata", "Mbete", "Ndona", "Lewar", "Raja", "Gobang", "Parera", "Lein", "Gae",
        "Sogen", "Jehadu", "Nggoro", "Ratu", "Lamablawa", "Meo", "Bere", "Nahak", "Seran",
    ),
    (
        "da Costa", "Fernandez", "Making", "Tukan", "Koten", "Kelen", "Ola", "Sina", "Wangge",
        "Woda", "Bata", "Mbete", "Ndona", "Lewar", "Gobang", "Parera", "Lein", "Nahak", "Seran",
    ),
    0.95,
    (
        "Kupang", "Ende", "Maumere", "Larantuka", "Ruteng", "Bajawa", "Atambua", "Soe",
        "Kefamenanu", "Waingapu", "Waikabubak", "Labuan Bajo", "Kalabahi", "Ba'a", "Lewoleba",
        "Borong", "Mbay", "Betun",
    ),
    (
        "Universitas Nusa Cendana", "Universitas Katolik Widya Mandira",
        "Universitas Kristen Artha Wacana", "Universitas Flores", "Universitas Nusa Nipa",
        "Politeknik Negeri Kupang", "Universitas Muhammadiyah Kupang",
    ),
)  # fmt: skip

MANADO = Wilayah(
    "MANADO",
    6.0,
    (
        KelompokNama(
            "KRISTEN",
            0.76,
            (),
            (),
            0.0,
            (
                "Ronald", "Stevie", "Jefry", "Frangky", "Hendrik", "Johny", "Decky", "Meiky",
                "Rully", "Vecky", "Novri", "Arnold", "Benny", "Jemmy", "Herry", "Max", "Fredy",
                "Jootje", "Roy", "Deny", "Rommy",
            ),
            (
                "Meiske", "Novita", "Grace", "Olivia", "Deysi", "Silvana", "Vivi", "Stevani",
                "Jeanette", "Lenny", "Marlyn", "Christin", "Femmy", "Inggrid", "Juliana",
                "Vonny", "Sintje", "Feibe",
            ),
        ),
        KelompokNama("KATOLIK", 0.14, _BAPTIS_L, _BAPTIS_P, 0.3,
                     ("Johanis", "Albert", "Rikson", "Frans", "Servie"),
                     ("Maria", "Lusye", "Anastasia", "Veronica")),
        KelompokNama(
            "ISLAM",
            0.1,
            _MUSLIM_L,
            _MUSLIM_P,
            0.2,
            ("Ismail", "Rahman", "Hasan", "Rizal", "Fikri", "Ridwan"),
            ("Fatma", "Sartika", "Rahmawati", "Nurlela"),
            ("Pakaya", "Gobel", "Lamato", "Mohamad", "Hasan", "Mokodompit", "Paputungan"),
        ),
    ),
    (
        "Sumampouw", "Rumondor", "Lumempouw", "Pangemanan", "Tumbelaka", "Wenas", "Mandagi",
        "Rondonuwu", "Kaunang", "Sondakh", "Lumentut", "Wowor", "Tampi", "Lengkong", "Karundeng",
        "Tambayong", "Runtuwene", "Walangitan", "Supit", "Lasut", "Mamahit", "Rumengan",
    ),
    (
        "Sumampouw", "Rumondor", "Lumempouw", "Pangemanan", "Tumbelaka", "Wenas", "Mandagi",
        "Rondonuwu", "Kaunang", "Sondakh", "Lumentut", "Wowor", "Tampi", "Lengkong", "Mamahit",
    ),
    1.0,
    (
        "Manado", "Tomohon", "Bitung", "Tondano", "Airmadidi", "Amurang", "Kotamobagu",
        "Tahuna", "Gorontalo",
    ),
    (
        "Universitas Sam Ratulangi", "Universitas Negeri Manado",
        "Universitas Kristen Indonesia Tomohon", "Universitas De La Salle Manado",
    ),
)  # fmt: skip

MELAYU = Wilayah(
    "MELAYU",
    9.0,
    (
        KelompokNama(
            "ISLAM",
            0.98,
            _MUSLIM_L,
            _MUSLIM_P,
            0.25,
            (
                "Syahrial", "Zainal", "Syamsul", "Rusli", "Azhar", "Fadhil", "Hafiz", "Iskandar",
                "Khairul", "Faisal", "Ridwan", "Taufik", "Yusuf", "Ma'ruf", "Hasbi", "Zulkarnain",
                "Azmi", "Firdaus", "Rahmat", "Sya'ban", "Jamal", "Hafizullah", "Ikhwan",
            ),
            (
                "Nur'aini", "Nurul", "Aisyah", "Fatimah", "Khadijah", "Zulaikha", "Rahmah",
                "Hafsah", "Mariam", "Salmah", "Azizah", "Sarifah", "Zubaidah", "Ro'fiah",
                "Jum'atun", "Syarifah", "Halimah", "Nadia", "Wan Nurmala",
            ),
        ),
        KelompokNama("BUDDHA", 0.02, (), (), 0.0, ("Hendra", "Sugianto", "Rudy"),
                     ("Lili", "Meiliana", "Susi")),
    ),
    (
        "Hamzah", "Abdullah", "Ismail", "Ibrahim", "Yusuf", "Harun", "Rasyid", "Zakaria",
        "Salim", "Anwar", "Syahputra", "Hamid", "Rahim", "Idris",
    ),
    (
        "Hasanah", "Fitriani", "Rahmawati", "Wati", "Ningsih", "Handayani", "Sari", "Yanti",
        "Maisarah", "Khairani",
    ),
    0.6,
    (
        "Pekanbaru", "Tanjungpinang", "Batam", "Pontianak", "Sambas", "Bengkalis", "Dumai",
        "Jambi", "Palembang", "Bangkinang", "Siak", "Ketapang", "Mempawah",
    ),
    (
        "Universitas Riau", "Universitas Tanjungpura", "Universitas Jambi",
        "Universitas Sriwijaya", "Universitas Islam Riau", "Universitas Maritim Raja Ali Haji",
    ),
)  # fmt: skip

TIONGHOA = Wilayah(
    "TIONGHOA",
    1.5,
    (
        KelompokNama("BUDDHA", 0.42, (), (), 0.0,
                     ("Hendra", "Sugianto", "Rudy", "Hartono", "Budi", "Wiliam", "Tommy",
                      "Suryadi", "Jimmy", "Andi"),
                     ("Lili", "Meiliana", "Susi", "Lanny", "Mei Ling", "Herlina", "Yuliana",
                      "Fenny", "Lisa")),
        KelompokNama("KRISTEN", 0.24, (), (), 0.0,
                     ("Daniel", "Kevin", "Yohanes", "Steven", "Michael", "Hendry"),
                     ("Grace", "Vivian", "Yohana", "Cynthia", "Debby")),
        KelompokNama("KATOLIK", 0.22, (), (), 0.0,
                     ("Antonius", "Fransiskus", "Yosef", "Ignatius", "Vincent"),
                     ("Maria", "Theresia", "Agnes", "Caroline", "Monica")),
        KelompokNama("KONGHUCU", 0.12, (), (), 0.0,
                     ("Lie", "Bun", "Tjhin", "Ahok", "Akiong"),
                     ("Lie", "Mei", "Ai Ling", "Siu Lan")),
    ),
    (
        "Wijaya", "Gunawan", "Halim", "Santoso", "Tanjaya", "Kusuma", "Salim", "Lim", "Tan",
        "Setiawan", "Hartanto", "Sutanto", "Tanoto", "Widjaja", "Lukito",
    ),
    (
        "Wijaya", "Gunawan", "Halim", "Santoso", "Kusuma", "Salim", "Lim", "Tan", "Setiawati",
        "Hartanto", "Widjaja", "Lukito",
    ),
    1.0,
    ("Jakarta", "Medan", "Pontianak", "Singkawang", "Surabaya", "Semarang", "Makassar",
     "Pangkalpinang", "Kupang"),
    ("Universitas Tarumanagara", "Universitas Kristen Petra", "Universitas Bina Nusantara",
     "Universitas Katolik Parahyangan"),
)  # fmt: skip

WILAYAH: tuple[Wilayah, ...] = (JAWA, SUNDA, BATAK, MINANG, BUGIS, BALI, NTT, MANADO, MELAYU,
                                TIONGHOA)  # fmt: skip

# The province of the demo city (NIK province code 53) and the fictional NIK kab/kota code.
PROVINSI = "Nusa Tenggara Timur"
KODE_WILAYAH_NIK = "5371"

UNIVERSITAS_NASIONAL: tuple[str, ...] = (
    "Universitas Indonesia", "Universitas Gadjah Mada", "Universitas Airlangga",
    "Universitas Brawijaya", "Universitas Padjadjaran", "Universitas Hasanuddin",
    "Universitas Diponegoro", "Universitas Terbuka", "Universitas Negeri Jakarta",
    "Universitas Kristen Indonesia", "Universitas Katolik Atma Jaya", "Universitas Trisakti",
    "Universitas Muhammadiyah Malang", "Universitas Pancasila", "Universitas Nasional",
)  # fmt: skip

# Written with the city's name: "Universitas {kota}" etc.
UNIVERSITAS_SETEMPAT: tuple[str, ...] = (
    "Universitas {kota}", "Universitas Katolik {kota}", "Universitas Kristen {kota}",
    "Universitas Muhammadiyah {kota}", "Sekolah Tinggi Ilmu Ekonomi {kota}",
    "Sekolah Tinggi Ilmu Administrasi {kota}",
)  # fmt: skip

NAMA_JALAN: tuple[str, ...] = (
    "Jl. Jenderal Sudirman", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Gajah Mada",
    "Jl. Soekarno-Hatta", "Jl. El Tari", "Jl. W.J. Lalamentik", "Jl. Frans Seda",
    "Jl. Cak Doko", "Jl. Veteran", "Jl. Pahlawan", "Jl. Merdeka", "Jl. Sam Ratulangi",
    "Jl. Adisucipto", "Jl. Timor Raya", "Jl. Perintis Kemerdekaan", "Jl. Kartini",
    "Jl. Imam Bonjol", "Jl. R.A. Kartini", "Jl. Kenanga", "Jl. Flamboyan", "Jl. Cendana",
    "Jl. Bougenvil", "Jl. Anggrek", "Jl. Melati", "Jl. Mawar", "Jl. Nangka", "Jl. Mangga",
    "Jl. Palapa", "Jl. Bhayangkara", "Jl. Nusantara", "Jl. Teratai",
)  # fmt: skip

KODE_OPERATOR_HP: tuple[str, ...] = (
    "0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0857", "0858", "0877",
    "0878", "0881", "0882", "0895", "0896",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Education: study programmes and gelar per education family (rumpun)


class Prodi(NamedTuple):
    """A study programme and the title it gives."""

    jurusan: str
    gelar: str  # "" for none; gelar belakang, or a front title when ``depan``
    depan: bool = False  # the title goes in front (dr., Ns., apt., Dr.)
    simpan_s1: bool = True  # PROFESI: the S1 title is still written (Ns. ... S.Kep.)


class Rumpun(NamedTuple):
    """An education family: what people in one kind of job studied, per level."""

    kode: str
    slta: tuple[str, ...]
    d3: tuple[Prodi, ...]
    d4: tuple[Prodi, ...]
    s1: tuple[Prodi, ...]
    profesi: tuple[Prodi, ...]
    s2: tuple[Prodi, ...]
    institusi_khusus: tuple[str, ...] = ()  # schools typical for this family (D3/D4/S1)


_SLTA_UMUM = ("IPA", "IPS", "Bahasa")
_SLTA_SMK = ("Akuntansi", "Administrasi Perkantoran", "Teknik Komputer dan Jaringan",
             "Otomatisasi dan Tata Kelola Perkantoran", "Pemasaran")  # fmt: skip
_S2_ADM = (
    Prodi("Ilmu Administrasi Publik", "M.A.P."),
    Prodi("Ilmu Administrasi", "M.Si."),
    Prodi("Manajemen", "M.M."),
    Prodi("Ilmu Pemerintahan", "M.Si."),
)

RUMPUN: tuple[Rumpun, ...] = (
    Rumpun(
        "KEBIJAKAN",
        _SLTA_UMUM + _SLTA_SMK,
        (Prodi("Administrasi Perkantoran", "A.Md."), Prodi("Administrasi Bisnis", "A.Md.AB.")),
        (Prodi("Administrasi Publik", "S.Tr.AP."),),
        (
            Prodi("Ilmu Administrasi Negara", "S.Sos."),
            Prodi("Ilmu Administrasi Publik", "S.AP."),
            Prodi("Ilmu Pemerintahan", "S.IP."),
            Prodi("Sosiologi", "S.Sos."),
            Prodi("Ilmu Politik", "S.IP."),
            Prodi("Ilmu Komunikasi", "S.I.Kom."),
        ),
        (),
        _S2_ADM,
    ),
    Rumpun(
        "PEMERINTAHAN",
        _SLTA_UMUM,
        (Prodi("Pemerintahan", "A.Md."),),
        (
            Prodi("Manajemen Pemerintahan", "S.STP."),
            Prodi("Praktik Perpolisian Tata Pamong", "S.Tr.IP."),
        ),
        (Prodi("Ilmu Pemerintahan", "S.IP."), Prodi("Manajemen Pemerintahan", "S.STP.")),
        (),
        (Prodi("Ilmu Pemerintahan", "M.Si."), Prodi("Administrasi Publik", "M.A.P.")),
        ("Institut Pemerintahan Dalam Negeri", "Sekolah Tinggi Pemerintahan Dalam Negeri"),
    ),
    Rumpun(
        "EKONOMI",
        _SLTA_UMUM + _SLTA_SMK,
        (
            Prodi("Akuntansi", "A.Md.Ak."),
            Prodi("Keuangan dan Perbankan", "A.Md."),
            Prodi("Manajemen Keuangan", "A.Md."),
        ),
        (Prodi("Akuntansi Sektor Publik", "S.Tr.Ak."),),
        (
            Prodi("Akuntansi", "S.E."),
            Prodi("Akuntansi", "S.Ak."),
            Prodi("Manajemen", "S.E."),
            Prodi("Ekonomi Pembangunan", "S.E."),
        ),
        (),
        (Prodi("Manajemen", "M.M."), Prodi("Ilmu Ekonomi", "M.Si."), Prodi("Akuntansi", "M.Ak.")),
    ),
    Rumpun(
        "HUKUM",
        _SLTA_UMUM,
        (Prodi("Administrasi Perkantoran", "A.Md."),),
        (),
        (Prodi("Ilmu Hukum", "S.H."),),
        (),
        (Prodi("Ilmu Hukum", "M.H."), Prodi("Kenotariatan", "M.Kn.")),
    ),
    Rumpun(
        "KOMPUTER",
        ("IPA", "Teknik Komputer dan Jaringan", "Rekayasa Perangkat Lunak"),
        (Prodi("Manajemen Informatika", "A.Md.Kom."), Prodi("Teknik Komputer", "A.Md.Kom.")),
        (Prodi("Teknologi Rekayasa Perangkat Lunak", "S.Tr.Kom."),),
        (
            Prodi("Teknik Informatika", "S.Kom."),
            Prodi("Sistem Informasi", "S.Kom."),
            Prodi("Ilmu Komputer", "S.Kom."),
            Prodi("Teknik Informatika", "S.T."),
        ),
        (),
        (
            Prodi("Ilmu Komputer", "M.Kom."),
            Prodi("Teknik Informatika", "M.T."),
            Prodi("Sistem Informasi", "M.Kom."),
        ),
    ),
    Rumpun(
        "KOMUNIKASI",
        _SLTA_UMUM,
        (Prodi("Hubungan Masyarakat", "A.Md.I.Kom."),),
        (),
        (Prodi("Ilmu Komunikasi", "S.I.Kom."), Prodi("Ilmu Komunikasi", "S.Sos.")),
        (),
        (Prodi("Ilmu Komunikasi", "M.I.Kom."), Prodi("Ilmu Komunikasi", "M.Si.")),
    ),
    Rumpun(
        "SDM",
        _SLTA_UMUM + _SLTA_SMK,
        (Prodi("Administrasi Perkantoran", "A.Md."),),
        (Prodi("Manajemen Sumber Daya Manusia", "S.Tr.AP."),),
        (
            Prodi("Psikologi", "S.Psi."),
            Prodi("Ilmu Administrasi Negara", "S.Sos."),
            Prodi("Manajemen Sumber Daya Manusia", "S.E."),
            Prodi("Ilmu Administrasi Publik", "S.AP."),
        ),
        (),
        (
            Prodi("Manajemen Sumber Daya Manusia", "M.M."),
            Prodi("Psikologi", "M.Psi."),
            Prodi("Ilmu Administrasi Publik", "M.A.P."),
        ),
    ),
    Rumpun(
        "PERENCANAAN",
        _SLTA_UMUM,
        (Prodi("Statistika", "A.Md.Stat."),),
        (Prodi("Perencanaan Wilayah", "S.Tr.T."),),
        (
            Prodi("Ekonomi Pembangunan", "S.E."),
            Prodi("Perencanaan Wilayah dan Kota", "S.T."),
            Prodi("Statistika", "S.Stat."),
            Prodi("Ilmu Administrasi Negara", "S.Sos."),
        ),
        (),
        (
            Prodi("Perencanaan Pembangunan", "M.Si."),
            Prodi("Perencanaan Wilayah", "M.T."),
            Prodi("Ekonomi Pembangunan", "M.E."),
        ),
    ),
    Rumpun(
        "TEKNIK",
        ("IPA", "Teknik Bangunan", "Teknik Gambar Bangunan", "Teknik Mesin"),
        (
            Prodi("Teknik Sipil", "A.Md.T."),
            Prodi("Teknik Mesin", "A.Md.T."),
            Prodi("Teknik Listrik", "A.Md.T."),
        ),
        (Prodi("Teknik Perancangan Jalan dan Jembatan", "S.Tr.T."),),
        (
            Prodi("Teknik Sipil", "S.T."),
            Prodi("Arsitektur", "S.Ars."),
            Prodi("Teknik Sipil", "S.T."),
            Prodi("Perencanaan Wilayah dan Kota", "S.T."),
            Prodi("Teknik Elektro", "S.T."),
        ),
        (),
        (
            Prodi("Teknik Sipil", "M.T."),
            Prodi("Manajemen Konstruksi", "M.T."),
            Prodi("Magister Teknik", "M.Eng."),
        ),
        ("Politeknik Negeri {kota}",),
    ),
    Rumpun(
        "LINGKUNGAN",
        ("IPA",),
        (Prodi("Kesehatan Lingkungan", "A.Md.K.L."),),
        (),
        (
            Prodi("Teknik Lingkungan", "S.T."),
            Prodi("Biologi", "S.Si."),
            Prodi("Kimia", "S.Si."),
            Prodi("Ilmu Lingkungan", "S.Si."),
        ),
        (),
        (Prodi("Ilmu Lingkungan", "M.Si."), Prodi("Teknik Lingkungan", "M.T.")),
    ),
    Rumpun(
        "PERTANIAN",
        ("IPA", "Agribisnis Tanaman Pangan", "Agribisnis Ternak"),
        (
            Prodi("Budidaya Tanaman Pangan", "A.Md.P."),
            Prodi("Produksi Ternak", "A.Md.Pt."),
            Prodi("Perikanan", "A.Md.Pi."),
        ),
        (Prodi("Penyuluhan Pertanian", "S.Tr.P."),),
        (
            Prodi("Agroteknologi", "S.P."),
            Prodi("Agribisnis", "S.P."),
            Prodi("Peternakan", "S.Pt."),
            Prodi("Ilmu Kelautan", "S.Kel."),
            Prodi("Budidaya Perairan", "S.Pi."),
        ),
        (),
        (
            Prodi("Ilmu Pertanian", "M.P."),
            Prodi("Agribisnis", "M.Si."),
            Prodi("Ilmu Peternakan", "M.Si."),
        ),
        ("Politeknik Pertanian Negeri {kota}", "Politeknik Pembangunan Pertanian Malang"),
    ),
    Rumpun(
        "VETERINER",
        ("IPA", "Agribisnis Ternak"),
        (Prodi("Kesehatan Hewan", "A.Md.Vet."),),
        (),
        (Prodi("Kedokteran Hewan", "S.KH."),),
        (Prodi("Profesi Dokter Hewan", "drh.", depan=True, simpan_s1=False),),
        (Prodi("Kesehatan Masyarakat Veteriner", "M.Si."),),
    ),
    Rumpun(
        "SOSIAL",
        _SLTA_UMUM,
        (Prodi("Pekerjaan Sosial", "A.Md."),),
        (Prodi("Pekerjaan Sosial", "S.Tr.Sos."),),
        (
            Prodi("Ilmu Kesejahteraan Sosial", "S.Sos."),
            Prodi("Sosiologi", "S.Sos."),
            Prodi("Psikologi", "S.Psi."),
        ),
        (),
        (Prodi("Kesejahteraan Sosial", "M.Si."), Prodi("Sosiologi", "M.Si.")),
        ("Politeknik Kesejahteraan Sosial Bandung",),
    ),
    Rumpun(
        "ARSIP",
        _SLTA_UMUM + _SLTA_SMK,
        (Prodi("Kearsipan", "A.Md."), Prodi("Perpustakaan", "A.Md.")),
        (),
        (
            Prodi("Ilmu Perpustakaan", "S.I.Pust."),
            Prodi("Kearsipan", "S.Hum."),
            Prodi("Ilmu Sejarah", "S.Hum."),
        ),
        (),
        (Prodi("Ilmu Perpustakaan", "M.Hum."), Prodi("Ilmu Administrasi", "M.Si.")),
    ),
    Rumpun(
        "PENDIDIKAN",
        _SLTA_UMUM,
        (Prodi("Administrasi Perkantoran", "A.Md."),),
        (),
        (
            Prodi("Pendidikan Guru Sekolah Dasar", "S.Pd."),
            Prodi("Pendidikan Matematika", "S.Pd."),
            Prodi("Pendidikan Bahasa Indonesia", "S.Pd."),
            Prodi("Pendidikan Bahasa Inggris", "S.Pd."),
            Prodi("Pendidikan Biologi", "S.Pd."),
            Prodi("Pendidikan Fisika", "S.Pd."),
            Prodi("Pendidikan Ekonomi", "S.Pd."),
            Prodi("Pendidikan Sejarah", "S.Pd."),
            Prodi("Pendidikan Geografi", "S.Pd."),
            Prodi("Pendidikan Jasmani, Kesehatan dan Rekreasi", "S.Pd."),
            Prodi("Pendidikan Pancasila dan Kewarganegaraan", "S.Pd."),
            Prodi("Pendidikan Guru Sekolah Dasar", "S.Pd."),
            Prodi("Pendidikan Agama Islam", "S.Pd.I."),
            Prodi("Pendidikan Agama Kristen", "S.Pd.K."),
            Prodi("Bimbingan dan Konseling", "S.Pd."),
            Prodi("Pendidikan Seni", "S.Pd."),
        ),
        (),
        (
            Prodi("Manajemen Pendidikan", "M.Pd."),
            Prodi("Pendidikan Dasar", "M.Pd."),
            Prodi("Teknologi Pendidikan", "M.Pd."),
        ),
        (
            "Universitas Pendidikan Indonesia",
            "Universitas Negeri Yogyakarta",
            "Universitas Negeri Malang",
            "Universitas Terbuka",
        ),
    ),
    Rumpun(
        "PERAWAT",
        ("IPA",),
        (Prodi("Keperawatan", "A.Md.Kep."),),
        (Prodi("Keperawatan", "S.Tr.Kep."),),
        (Prodi("Ilmu Keperawatan", "S.Kep."),),
        (Prodi("Profesi Ners", "Ns.", depan=True),),
        (Prodi("Keperawatan", "M.Kep."), Prodi("Kesehatan Masyarakat", "M.Kes.")),
        (
            "Poltekkes Kemenkes {kota}",
            "Akademi Keperawatan {kota}",
            "STIKes {kota}",
            "Poltekkes Kemenkes Kupang",
            "Poltekkes Kemenkes Makassar",
        ),
    ),
    Rumpun(
        "BIDAN",
        ("IPA",),
        (Prodi("Kebidanan", "A.Md.Keb."),),
        (Prodi("Kebidanan", "S.Tr.Keb."), Prodi("Bidan Pendidik", "S.ST.")),
        (Prodi("Kebidanan", "S.Keb."),),
        (Prodi("Profesi Bidan", "Bdn.", depan=True),),
        (Prodi("Kebidanan", "M.Keb."), Prodi("Kesehatan Masyarakat", "M.Kes.")),
        ("Poltekkes Kemenkes {kota}", "Akademi Kebidanan {kota}", "STIKes {kota}"),
    ),
    Rumpun(
        "DOKTER",
        ("IPA",),
        (),
        (),
        (Prodi("Pendidikan Dokter", "S.Ked."),),
        (Prodi("Profesi Dokter", "dr.", depan=True, simpan_s1=False),),
        (
            Prodi("Ilmu Kesehatan Masyarakat", "M.Kes."),
            Prodi("Spesialis Penyakit Dalam", "Sp.PD."),
            Prodi("Spesialis Anak", "Sp.A."),
            Prodi("Spesialis Obstetri dan Ginekologi", "Sp.OG."),
            Prodi("Spesialis Bedah", "Sp.B."),
            Prodi("Spesialis Anestesiologi", "Sp.An."),
            Prodi("Spesialis Radiologi", "Sp.Rad."),
            Prodi("Manajemen Rumah Sakit", "M.M.R.S."),
        ),
    ),
    Rumpun(
        "DOKTER_GIGI",
        ("IPA",),
        (),
        (),
        (Prodi("Pendidikan Dokter Gigi", "S.K.G."),),
        (Prodi("Profesi Dokter Gigi", "drg.", depan=True, simpan_s1=False),),
        (Prodi("Ilmu Kesehatan Masyarakat", "M.Kes."), Prodi("Spesialis Ortodonti", "Sp.Ort.")),
    ),
    Rumpun(
        "FARMASI",
        ("IPA", "Farmasi"),
        (Prodi("Farmasi", "A.Md.Farm."),),
        (),
        (Prodi("Farmasi", "S.Farm."),),
        (Prodi("Profesi Apoteker", "apt.", depan=True),),
        (Prodi("Ilmu Farmasi", "M.Farm."), Prodi("Kesehatan Masyarakat", "M.Kes.")),
        ("Poltekkes Kemenkes {kota}", "Akademi Farmasi {kota}"),
    ),
    Rumpun(
        "ANALIS_KESEHATAN",
        ("IPA", "Analis Kesehatan"),
        (Prodi("Teknologi Laboratorium Medis", "A.Md.Kes."), Prodi("Analis Kesehatan", "A.Md.AK.")),
        (Prodi("Teknologi Laboratorium Medis", "S.Tr.Kes."),),
        (Prodi("Biologi", "S.Si."),),
        (),
        (Prodi("Ilmu Biomedik", "M.Biomed."),),
        ("Poltekkes Kemenkes {kota}", "Poltekkes Kemenkes Kupang"),
    ),
    Rumpun(
        "GIZI",
        ("IPA",),
        (Prodi("Gizi", "A.Md.Gz."),),
        (Prodi("Gizi dan Dietetika", "S.Tr.Gz."),),
        (Prodi("Ilmu Gizi", "S.Gz."),),
        (),
        (Prodi("Ilmu Gizi", "M.Gz."), Prodi("Kesehatan Masyarakat", "M.Kes.")),
        ("Poltekkes Kemenkes {kota}", "Poltekkes Kemenkes Kupang"),
    ),
    Rumpun(
        "SANITASI",
        ("IPA",),
        (Prodi("Kesehatan Lingkungan", "A.Md.K.L."), Prodi("Sanitasi", "A.Md.KL.")),
        (Prodi("Sanitasi Lingkungan", "S.Tr.K.L."),),
        (Prodi("Kesehatan Lingkungan", "S.K.M."),),
        (),
        (Prodi("Kesehatan Lingkungan", "M.Kes."),),
        ("Poltekkes Kemenkes {kota}",),
    ),
    Rumpun(
        "KESEHATAN_TEKNIS",
        ("IPA",),
        (
            Prodi("Rekam Medis dan Informasi Kesehatan", "A.Md.RMIK."),
            Prodi("Radiodiagnostik dan Radioterapi", "A.Md.Rad."),
            Prodi("Fisioterapi", "A.Md.Ft."),
            Prodi("Rekam Medis", "A.Md.Kes."),
        ),
        (Prodi("Fisioterapi", "S.Tr.Kes."),),
        (Prodi("Fisioterapi", "S.Ft."), Prodi("Kesehatan Masyarakat", "S.K.M.")),
        (),
        (Prodi("Kesehatan Masyarakat", "M.Kes."),),
        ("Poltekkes Kemenkes {kota}", "Poltekkes Kemenkes Semarang"),
    ),
    Rumpun(
        "KESMAS",
        ("IPA",),
        (Prodi("Kesehatan Masyarakat", "A.Md.Kes."),),
        (Prodi("Promosi Kesehatan", "S.Tr.Kes."),),
        (
            Prodi("Kesehatan Masyarakat", "S.K.M."),
            Prodi("Epidemiologi", "S.K.M."),
            Prodi("Administrasi Kebijakan Kesehatan", "S.K.M."),
        ),
        (),
        (
            Prodi("Kesehatan Masyarakat", "M.Kes."),
            Prodi("Administrasi Rumah Sakit", "M.A.R.S."),
            Prodi("Kesehatan Masyarakat", "M.K.M."),
        ),
    ),
    Rumpun(
        "KETERTIBAN",
        ("IPS", "IPA", "Teknik Kendaraan Ringan"),
        (Prodi("Administrasi Negara", "A.Md."), Prodi("Teknik Mesin", "A.Md.T.")),
        (Prodi("Praktik Perpolisian Tata Pamong", "S.Tr.IP."),),
        (Prodi("Ilmu Hukum", "S.H."), Prodi("Ilmu Administrasi Negara", "S.Sos.")),
        (),
        (Prodi("Ilmu Hukum", "M.H."),),
    ),
    Rumpun(
        "PARIWISATA",
        (*_SLTA_UMUM, "Usaha Perjalanan Wisata", "Perhotelan"),
        (Prodi("Usaha Perjalanan Wisata", "A.Md.Par."),),
        (Prodi("Manajemen Destinasi Pariwisata", "S.Tr.Par."),),
        (Prodi("Pariwisata", "S.Par."), Prodi("Manajemen", "S.E.")),
        (),
        (Prodi("Kajian Pariwisata", "M.Par."), Prodi("Manajemen", "M.M.")),
    ),
    Rumpun(
        "TRANSPORTASI",
        ("IPA", "Teknik Kendaraan Ringan", "Teknik Mesin"),
        (Prodi("Manajemen Transportasi Jalan", "A.Md.Tra."), Prodi("Teknik Mesin", "A.Md.T.")),
        (Prodi("Transportasi Darat", "S.Tr.Tra."),),
        (Prodi("Teknik Sipil", "S.T."), Prodi("Manajemen Transportasi", "S.E.")),
        (),
        (Prodi("Manajemen Transportasi", "M.T."),),
        ("Politeknik Keselamatan Transportasi Jalan", "Sekolah Tinggi Transportasi Darat"),
    ),
)

RUMPUN_BY_KODE: dict[str, Rumpun] = {r.kode: r for r in RUMPUN}

# S1 degrees up to this year were written as front titles (Drs./Dra./Ir.), before the titles of
# Kepmendikbud 036/U/1993 came into use.
TAHUN_GELAR_LAMA = 1994

# The old front title that replaced each S1 title (Dra. for women).
GELAR_S1_LAMA: dict[str, str] = {
    "S.Sos.": "Drs.", "S.IP.": "Drs.", "S.E.": "Drs.", "S.Ak.": "Drs.", "S.Pd.": "Drs.",
    "S.Pd.I.": "Drs.", "S.Pd.K.": "Drs.", "S.Psi.": "Drs.", "S.AP.": "Drs.", "S.I.Kom.": "Drs.",
    "S.Farm.": "Drs.", "S.Hum.": "Drs.", "S.Si.": "Drs.", "S.Stat.": "Drs.", "S.I.Pust.": "Drs.",
    "S.T.": "Ir.", "S.P.": "Ir.", "S.Pt.": "Ir.", "S.Ars.": "Ir.", "S.Kel.": "Ir.", "S.Pi.": "Ir.",
}  # fmt: skip

# Titles introduced later: before the year, graduates of the same programme got the older one.
GELAR_SEBELUM: dict[str, tuple[int, str]] = {
    "S.Ak.": (2014, "S.E."), "S.AP.": (2012, "S.Sos."), "S.I.Kom.": (2013, "S.Sos."),
    "S.Tr.AP.": (2016, "S.ST."), "S.Tr.Ak.": (2016, "S.ST."), "S.Tr.Kom.": (2016, "S.ST."),
    "S.Tr.T.": (2016, "S.ST."), "S.Tr.P.": (2016, "S.ST."), "S.Tr.Sos.": (2016, "S.ST."),
    "S.Tr.Kep.": (2016, "S.ST."), "S.Tr.Keb.": (2016, "S.ST."), "S.Tr.Kes.": (2016, "S.ST."),
    "S.Tr.Gz.": (2016, "S.ST."), "S.Tr.K.L.": (2016, "S.ST."), "S.Tr.Par.": (2016, "S.ST."),
    "S.Tr.Tra.": (2016, "S.SiT."), "S.Tr.IP.": (2016, "S.STP."), "A.Md.Kep.": (2017, "AMK"),
    "A.Md.Keb.": (2017, "Amd.Keb."), "S.Keb.": (2017, "S.ST."),
}  # fmt: skip

# Religious-education programmes: the one that goes with the person's religion.
PRODI_AGAMA: dict[str, tuple[str, str]] = {
    "ISLAM": ("Pendidikan Agama Islam", "S.Pd.I."),
    "KRISTEN": ("Pendidikan Agama Kristen", "S.Pd.K."),
    "KATOLIK": ("Pendidikan Keagamaan Katolik", "S.Ag."),
    "HINDU": ("Pendidikan Agama Hindu", "S.Pd.H."),
    "BUDDHA": ("Pendidikan Keagamaan Buddha", "S.Pd.B."),
}

# ---------------------------------------------------------------------------------------------
# Positions


class JenisFungsional(NamedTuple):
    """A jabatan fungsional and its usual spread over jenjang."""

    nama: str
    rumpun: str
    jenjang: tuple[tuple[str, float], ...]  # jenjang kode, weight
    pendidikan_min_terampil: str = "D3"  # keterampilan levels
    bup_tahun: int | None = None  # override (guru 60)
    nakes: bool = False  # health workers: a large share of PPPK


_AP, _AM, _AMD, _AU = "AHLI_PERTAMA", "AHLI_MUDA", "AHLI_MADYA", "AHLI_UTAMA"
_PM, _T, _MH, _PY = "PEMULA", "TERAMPIL", "MAHIR", "PENYELIA"

JABATAN_FUNGSIONAL: tuple[JenisFungsional, ...] = (
    JenisFungsional("Guru", "PENDIDIKAN", ((_AP, 0.36), (_AM, 0.3), (_AMD, 0.34)), bup_tahun=60),
    JenisFungsional(
        "Perawat",
        "PERAWAT",
        ((_T, 0.3), (_MH, 0.15), (_PY, 0.1), (_AP, 0.28), (_AM, 0.13), (_AMD, 0.04)),
        nakes=True,
    ),
    JenisFungsional(
        "Bidan", "BIDAN", ((_T, 0.35), (_MH, 0.2), (_PY, 0.1), (_AP, 0.25), (_AM, 0.1)), nakes=True
    ),
    JenisFungsional("Dokter", "DOKTER", ((_AP, 0.45), (_AM, 0.35), (_AMD, 0.2)), nakes=True),
    JenisFungsional(
        "Dokter Gigi", "DOKTER_GIGI", ((_AP, 0.5), (_AM, 0.35), (_AMD, 0.15)), nakes=True
    ),
    JenisFungsional("Apoteker", "FARMASI", ((_AP, 0.6), (_AM, 0.3), (_AMD, 0.1)), nakes=True),
    JenisFungsional("Asisten Apoteker", "FARMASI", ((_T, 0.6), (_MH, 0.3), (_PY, 0.1)), nakes=True),
    JenisFungsional(
        "Pranata Laboratorium Kesehatan",
        "ANALIS_KESEHATAN",
        ((_T, 0.5), (_MH, 0.3), (_PY, 0.1), (_AP, 0.1)),
        nakes=True,
    ),
    JenisFungsional("Nutrisionis", "GIZI", ((_T, 0.5), (_MH, 0.2), (_AP, 0.3)), nakes=True),
    JenisFungsional(
        "Tenaga Sanitasi Lingkungan", "SANITASI", ((_T, 0.5), (_MH, 0.2), (_AP, 0.3)), nakes=True
    ),
    JenisFungsional(
        "Perekam Medis", "KESEHATAN_TEKNIS", ((_T, 0.6), (_MH, 0.3), (_PY, 0.1)), nakes=True
    ),
    JenisFungsional(
        "Radiografer", "KESEHATAN_TEKNIS", ((_T, 0.6), (_MH, 0.3), (_AP, 0.1)), nakes=True
    ),
    JenisFungsional(
        "Fisioterapis", "KESEHATAN_TEKNIS", ((_T, 0.6), (_MH, 0.3), (_AP, 0.1)), nakes=True
    ),
    JenisFungsional(
        "Penyuluh Kesehatan Masyarakat", "KESMAS", ((_AP, 0.6), (_AM, 0.4)), nakes=True
    ),
    JenisFungsional("Epidemiolog Kesehatan", "KESMAS", ((_AP, 0.6), (_AM, 0.4)), nakes=True),
    JenisFungsional(
        "Administrator Kesehatan", "KESMAS", ((_AP, 0.5), (_AM, 0.4), (_AMD, 0.1)), nakes=True
    ),
    JenisFungsional(
        "Analis Sumber Daya Manusia Aparatur", "SDM", ((_AP, 0.5), (_AM, 0.35), (_AMD, 0.15))
    ),
    JenisFungsional(
        "Pranata Sumber Daya Manusia Aparatur", "SDM", ((_T, 0.6), (_MH, 0.3), (_PY, 0.1))
    ),
    JenisFungsional("Asesor Sumber Daya Manusia Aparatur", "SDM", ((_AP, 0.5), (_AM, 0.5))),
    JenisFungsional("Perencana", "PERENCANAAN", ((_AP, 0.45), (_AM, 0.4), (_AMD, 0.15))),
    JenisFungsional("Analis Kebijakan", "KEBIJAKAN", ((_AP, 0.4), (_AM, 0.45), (_AMD, 0.15))),
    JenisFungsional("Auditor", "EKONOMI", ((_AP, 0.4), (_AM, 0.4), (_AMD, 0.2))),
    JenisFungsional(
        "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
        "PEMERINTAHAN",
        ((_AP, 0.5), (_AM, 0.4), (_AMD, 0.1)),
    ),
    JenisFungsional(
        "Pranata Komputer", "KOMPUTER", ((_T, 0.3), (_MH, 0.2), (_AP, 0.3), (_AM, 0.2))
    ),
    JenisFungsional(
        "Pranata Hubungan Masyarakat", "KOMUNIKASI", ((_T, 0.2), (_AP, 0.45), (_AM, 0.35))
    ),
    JenisFungsional("Arsiparis", "ARSIP", ((_T, 0.4), (_MH, 0.2), (_AP, 0.25), (_AM, 0.15))),
    JenisFungsional("Pustakawan", "ARSIP", ((_T, 0.35), (_MH, 0.2), (_AP, 0.3), (_AM, 0.15))),
    JenisFungsional("Statistisi", "PERENCANAAN", ((_T, 0.2), (_AP, 0.5), (_AM, 0.3))),
    JenisFungsional("Sandiman", "KOMPUTER", ((_T, 0.2), (_AP, 0.5), (_AM, 0.3))),
    JenisFungsional(
        "Penyuluh Pertanian", "PERTANIAN", ((_T, 0.35), (_MH, 0.15), (_AP, 0.3), (_AM, 0.2))
    ),
    JenisFungsional("Medik Veteriner", "VETERINER", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Paramedik Veteriner", "VETERINER", ((_T, 0.6), (_MH, 0.4))),
    JenisFungsional(
        "Pengendali Organisme Pengganggu Tumbuhan", "PERTANIAN", ((_T, 0.5), (_AP, 0.5))
    ),
    JenisFungsional("Analis Ketahanan Pangan", "PERTANIAN", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Pengelola Produksi Perikanan Tangkap", "PERTANIAN", ((_T, 0.5), (_AP, 0.5))),
    JenisFungsional("Pekerja Sosial", "SOSIAL", ((_T, 0.3), (_AP, 0.5), (_AM, 0.2))),
    JenisFungsional("Penyuluh Sosial", "SOSIAL", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Polisi Pamong Praja",
        "KETERTIBAN",
        ((_PM, 0.1), (_T, 0.4), (_MH, 0.2), (_PY, 0.1), (_AP, 0.15), (_AM, 0.05)),
        pendidikan_min_terampil="SLTA",
    ),
    JenisFungsional(
        "Pemadam Kebakaran",
        "KETERTIBAN",
        ((_PM, 0.1), (_T, 0.5), (_MH, 0.25), (_PY, 0.15)),
        pendidikan_min_terampil="SLTA",
    ),
    JenisFungsional("Analis Kebakaran", "TEKNIK", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Penata Penanggulangan Bencana", "KEBIJAKAN", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Administrator Database Kependudukan", "KOMPUTER", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Penguji Kendaraan Bermotor", "TRANSPORTASI", ((_T, 0.5), (_MH, 0.3), (_AP, 0.2))
    ),
    JenisFungsional(
        "Teknik Jalan dan Jembatan", "TEKNIK", ((_T, 0.2), (_AP, 0.45), (_AM, 0.25), (_AMD, 0.1))
    ),
    JenisFungsional("Teknik Pengairan", "TEKNIK", ((_AP, 0.5), (_AM, 0.5))),
    JenisFungsional("Penata Ruang", "TEKNIK", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Teknik Tata Bangunan dan Perumahan", "TEKNIK", ((_T, 0.2), (_AP, 0.5), (_AM, 0.3))
    ),
    JenisFungsional("Pembina Jasa Konstruksi", "TEKNIK", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Pengendali Dampak Lingkungan", "LINGKUNGAN", ((_AP, 0.5), (_AM, 0.4), (_AMD, 0.1))
    ),
    JenisFungsional("Pengawas Lingkungan Hidup", "LINGKUNGAN", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Penera", "TEKNIK", ((_T, 0.5), (_MH, 0.3), (_AP, 0.2))),
    JenisFungsional("Pengawas Perdagangan", "EKONOMI", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Pengawas Koperasi", "EKONOMI", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Penggerak Swadaya Masyarakat", "SOSIAL", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Adyatama Kepariwisataan dan Ekonomi Kreatif", "PARIWISATA", ((_AP, 0.6), (_AM, 0.4))
    ),
    JenisFungsional("Mediator Hubungan Industrial", "HUKUM", ((_AP, 0.5), (_AM, 0.5))),
    JenisFungsional("Pengantar Kerja", "SDM", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Instruktur", "TEKNIK", ((_T, 0.4), (_AP, 0.4), (_AM, 0.2))),
    JenisFungsional("Penyuluh Keluarga Berencana", "KESMAS", ((_AP, 0.5), (_AM, 0.5))),
    JenisFungsional("Pengawas Sekolah", "PENDIDIKAN", ((_AM, 0.5), (_AMD, 0.5)), bup_tahun=60),
    JenisFungsional("Penilik", "PENDIDIKAN", ((_AP, 0.4), (_AM, 0.4), (_AMD, 0.2))),
    JenisFungsional("Pamong Belajar", "PENDIDIKAN", ((_AP, 0.5), (_AM, 0.5))),
    JenisFungsional("Pamong Budaya", "ARSIP", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional("Pengembang Teknologi Pembelajaran", "PENDIDIKAN", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Analis Keuangan Pusat dan Daerah", "EKONOMI", ((_AP, 0.5), (_AM, 0.4), (_AMD, 0.1))
    ),
    JenisFungsional("Pengelola Pengadaan Barang/Jasa", "EKONOMI", ((_AP, 0.6), (_AM, 0.4))),
    JenisFungsional(
        "Perancang Peraturan Perundang-undangan", "HUKUM", ((_AP, 0.5), (_AM, 0.4), (_AMD, 0.1))
    ),
    JenisFungsional("Analis Hukum", "HUKUM", ((_AP, 0.6), (_AM, 0.4))),
)

# JF that grew out of the 2021 penyetaraan (former pengawas/administrator became ahli muda/madya).
JF_PENYETARAAN: tuple[str, ...] = (
    "Analis Kebijakan", "Perencana", "Analis Sumber Daya Manusia Aparatur",
    "Analis Keuangan Pusat dan Daerah", "Penata Penanggulangan Bencana", "Penata Ruang",
    "Pengawas Perdagangan", "Penggerak Swadaya Masyarakat",
    "Adyatama Kepariwisataan dan Ekonomi Kreatif", "Analis Hukum", "Penyuluh Sosial",
    "Pengendali Dampak Lingkungan", "Administrator Kesehatan",
)  # fmt: skip


class Pelaksana(NamedTuple):
    """A jabatan pelaksana (KepmenPANRB 11/2024 nomenclature) and who usually holds it."""

    nama: str
    kelas: int
    pendidikan: tuple[tuple[str, float], ...]  # entry education, weight
    bobot: float  # weight among the pelaksana of a unit
    gol_maks: str  # highest golongan usually seen in the post


PELAKSANA: tuple[Pelaksana, ...] = (
    Pelaksana(
        "Pengadministrasi Perkantoran", 5, (("SLTA", 0.75), ("D3", 0.15), ("S1", 0.1)), 3.0, "III/b"
    ),
    Pelaksana(
        "Pengelola Umum Operasional", 6, (("SLTA", 0.6), ("D3", 0.25), ("S1", 0.15)), 2.0, "III/c"
    ),
    Pelaksana("Operator Layanan Operasional", 5, (("SLTA", 0.92), ("D3", 0.08)), 2.0, "III/b"),
    Pelaksana("Pengolah Data dan Informasi", 6, (("D3", 0.5), ("S1", 0.5)), 1.5, "III/d"),
    Pelaksana("Pengelola Layanan Operasional", 6, (("D3", 0.6), ("S1", 0.4)), 1.0, "III/d"),
    Pelaksana("Penata Layanan Operasional", 7, (("S1", 0.88), ("S2", 0.12)), 2.0, "III/d"),
    Pelaksana("Penelaah Teknis Kebijakan", 7, (("S1", 0.85), ("S2", 0.15)), 1.5, "III/d"),
    Pelaksana(
        "Penata Kelola Sistem dan Teknologi Informasi", 7, (("S1", 0.9), ("D3", 0.1)), 0.0, "III/d"
    ),
)

PELAKSANA_BY_NAMA: dict[str, Pelaksana] = {p.nama: p for p in PELAKSANA}


class Opd(NamedTuple):
    """A perangkat daerah with its sub-units and its usual jabatan fungsional."""

    nama: str
    singkatan: str
    kepala: str  # title of the head
    eselon: str
    sekretariat: tuple[str, ...]  # subbagian names under the Sekretariat; () = no Sekretariat
    bidang: tuple[str, ...]  # bidang (or bagian) names
    upt: tuple[str, ...]
    jf: tuple[tuple[str, float], ...]  # JF nama, weight
    bobot: float  # share of the OPD formation (schools, puskesmas and RSUD apart)
    rumpun: tuple[str, ...]  # education families of its structural and pelaksana staff
    p_pelaksana: float = 0.55  # pelaksana share of its non-structural formation
    pelaksana_khusus: tuple[str, ...] = ()  # extra pelaksana titles
    bidang_jenis: str = "BIDANG"
    bidang_eselon: str = "III.b"
    sekretariat_eselon: str = "III.a"
    sekretariat_nama: str = "Sekretariat"  # unit name; "Bagian Tata Usaha" in the RSUD


_SUB_DINAS = ("Subbagian Umum dan Kepegawaian", "Subbagian Perencanaan dan Keuangan")
_SUB_BADAN = ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan",
              "Subbagian Perencanaan, Evaluasi dan Pelaporan")  # fmt: skip

# Sekretariat Daerah: the Sekda (II.a), three Asisten (II.b), and the Bagian under each Asisten.
SETDA_NAMA = "Sekretariat Daerah"
SETDA_ASISTEN: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    (
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        (
            ("Bagian Pemerintahan", ("Subbagian Administrasi Pemerintahan",
                                     "Subbagian Otonomi Daerah dan Kerja Sama")),
            ("Bagian Hukum", ("Subbagian Perundang-undangan", "Subbagian Bantuan Hukum",
                              "Subbagian Dokumentasi dan Informasi Hukum")),
            ("Bagian Kesejahteraan Rakyat", ("Subbagian Bina Mental dan Spiritual",
                                             "Subbagian Kesejahteraan Sosial")),
        ),
    ),
    (
        "Asisten Perekonomian dan Pembangunan",
        (
            ("Bagian Perekonomian dan Sumber Daya Alam", ("Subbagian Perekonomian",
                                                          "Subbagian Sumber Daya Alam")),
            ("Bagian Administrasi Pembangunan", ("Subbagian Pengendalian Program",
                                                 "Subbagian Evaluasi dan Pelaporan")),
            ("Bagian Pengadaan Barang dan Jasa", ("Subbagian Pengelolaan Pengadaan",
                                                  "Subbagian Layanan Pengadaan Secara Elektronik")),
        ),
    ),
    (
        "Asisten Administrasi Umum",
        (
            ("Bagian Umum", ("Subbagian Tata Usaha Pimpinan", "Subbagian Rumah Tangga")),
            ("Bagian Organisasi", ("Subbagian Kelembagaan dan Analisis Jabatan",
                                   "Subbagian Reformasi Birokrasi dan Tata Laksana")),
            ("Bagian Protokol dan Komunikasi Pimpinan", ("Subbagian Protokol",
                                                         "Subbagian Komunikasi Pimpinan")),
            ("Bagian Perencanaan dan Keuangan", ("Subbagian Perencanaan",
                                                 "Subbagian Keuangan")),
        ),
    ),
)  # fmt: skip
SETDA_JF: tuple[tuple[str, float], ...] = (
    ("Analis Hukum", 1.0), ("Perancang Peraturan Perundang-undangan", 1.0),
    ("Pengelola Pengadaan Barang/Jasa", 1.5), ("Analis Kebijakan", 2.0),
    ("Pranata Hubungan Masyarakat", 1.0), ("Arsiparis", 0.5), ("Pranata Komputer", 0.5),
)  # fmt: skip
SETDA_BOBOT = 6.0
SETDA_RUMPUN = ("KEBIJAKAN", "PEMERINTAHAN", "HUKUM", "EKONOMI")

OPD: tuple[Opd, ...] = (
    Opd("Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", "Sekretaris DPRD", "II.b", (),
        ("Bagian Umum dan Keuangan", "Bagian Persidangan dan Perundang-undangan",
         "Bagian Fasilitasi Penganggaran dan Pengawasan"), (),
        (("Analis Kebijakan", 1.0), ("Perancang Peraturan Perundang-undangan", 0.5),
         ("Pranata Hubungan Masyarakat", 0.5)), 3.0, ("KEBIJAKAN", "HUKUM", "EKONOMI"),
        p_pelaksana=0.75, bidang_jenis="BAGIAN"),
    Opd("Inspektorat Daerah", "Inspektorat", "Inspektur", "II.b", _SUB_DINAS,
        ("Inspektorat Pembantu Wilayah I", "Inspektorat Pembantu Wilayah II",
         "Inspektorat Pembantu Wilayah III", "Inspektorat Pembantu Wilayah IV"), (),
        (("Auditor", 3.0), ("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", 2.0)),
        3.5, ("EKONOMI", "HUKUM", "KEBIJAKAN"), p_pelaksana=0.3, bidang_eselon="III.a"),
    Opd("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida",
        "Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "II.b", _SUB_BADAN,
        ("Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
         "Bidang Pemerintahan dan Pembangunan Manusia", "Bidang Perekonomian dan Sumber Daya Alam",
         "Bidang Infrastruktur dan Kewilayahan", "Bidang Riset dan Inovasi Daerah"), (),
        (("Perencana", 3.0), ("Analis Kebijakan", 1.0), ("Statistisi", 0.5)), 2.5,
        ("PERENCANAAN", "EKONOMI", "TEKNIK"), p_pelaksana=0.45),
    Opd("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD",
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah", "II.b", _SUB_BADAN,
        ("Bidang Anggaran", "Bidang Perbendaharaan", "Bidang Akuntansi", "Bidang Aset"), (),
        (("Analis Keuangan Pusat dan Daerah", 2.0), ("Pranata Komputer", 0.5)), 4.0,
        ("EKONOMI",), p_pelaksana=0.7),
    Opd("Badan Pendapatan Daerah", "Bapenda", "Kepala Badan Pendapatan Daerah", "II.b",
        _SUB_BADAN,
        ("Bidang Pendataan dan Penetapan", "Bidang Penagihan dan Keberatan",
         "Bidang Pengembangan dan Pengendalian Pendapatan"), ("UPT Pajak Daerah",),
        (("Analis Keuangan Pusat dan Daerah", 1.0), ("Pranata Komputer", 0.5)), 4.0,
        ("EKONOMI",), p_pelaksana=0.8),
    Opd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM",
        "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "II.b", _SUB_DINAS,
        ("Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", "Bidang Mutasi dan Promosi",
         "Bidang Pengembangan Kompetensi Aparatur", "Bidang Penilaian Kinerja dan Penghargaan"),
        (),
        (("Analis Sumber Daya Manusia Aparatur", 3.0),
         ("Pranata Sumber Daya Manusia Aparatur", 1.5),
         ("Asesor Sumber Daya Manusia Aparatur", 0.5), ("Pranata Komputer", 0.5),
         ("Arsiparis", 0.3)), 3.0, ("SDM", "KEBIJAKAN"), p_pelaksana=0.45),
    Opd("Dinas Pendidikan dan Kebudayaan", "Disdikbud",
        "Kepala Dinas Pendidikan dan Kebudayaan", "II.b", _SUB_BADAN,
        ("Bidang Pembinaan Sekolah Dasar", "Bidang Pembinaan Sekolah Menengah Pertama",
         "Bidang Pembinaan PAUD dan Pendidikan Nonformal", "Bidang Guru dan Tenaga Kependidikan",
         "Bidang Kebudayaan"), ("UPT Sanggar Kegiatan Belajar",),
        (("Pengawas Sekolah", 2.0), ("Penilik", 0.7), ("Pamong Belajar", 0.5),
         ("Pamong Budaya", 0.3), ("Pengembang Teknologi Pembelajaran", 0.3)), 3.0,
        ("PENDIDIKAN", "KEBIJAKAN"), p_pelaksana=0.5),
    Opd("Dinas Kesehatan", "Dinkes", "Kepala Dinas Kesehatan", "II.b", _SUB_BADAN,
        ("Bidang Kesehatan Masyarakat", "Bidang Pencegahan dan Pengendalian Penyakit",
         "Bidang Pelayanan dan Sumber Daya Kesehatan"),
        ("UPT Laboratorium Kesehatan Daerah", "UPT Instalasi Farmasi"),
        (("Administrator Kesehatan", 1.5), ("Epidemiolog Kesehatan", 1.0),
         ("Penyuluh Kesehatan Masyarakat", 0.5), ("Pranata Laboratorium Kesehatan", 1.0),
         ("Apoteker", 0.6), ("Asisten Apoteker", 0.6), ("Nutrisionis", 0.4)), 3.0,
        ("KESMAS", "DOKTER"), p_pelaksana=0.4),
    Opd("Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "II.b", _SUB_BADAN,
        ("Bidang Bina Marga", "Bidang Sumber Daya Air", "Bidang Cipta Karya",
         "Bidang Penataan Ruang", "Bidang Bina Konstruksi"), ("UPT Peralatan dan Perbekalan",),
        (("Teknik Jalan dan Jembatan", 2.0), ("Teknik Pengairan", 1.0), ("Penata Ruang", 1.0),
         ("Teknik Tata Bangunan dan Perumahan", 1.0), ("Pembina Jasa Konstruksi", 0.6)), 6.0,
        ("TEKNIK",), p_pelaksana=0.65),
    Opd("Dinas Perumahan dan Kawasan Permukiman", "Disperkim",
        "Kepala Dinas Perumahan dan Kawasan Permukiman", "II.b", _SUB_DINAS,
        ("Bidang Perumahan", "Bidang Kawasan Permukiman", "Bidang Pertamanan dan Penerangan Jalan"),
        ("UPT Pemakaman",), (("Teknik Tata Bangunan dan Perumahan", 1.5), ("Penata Ruang", 0.5)),
        3.5, ("TEKNIK", "LINGKUNGAN"), p_pelaksana=0.8),
    Opd("Satuan Polisi Pamong Praja", "Satpol PP", "Kepala Satuan Polisi Pamong Praja", "II.b",
        _SUB_DINAS,
        ("Bidang Penegakan Peraturan Daerah", "Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
         "Bidang Perlindungan Masyarakat"), (),
        (("Polisi Pamong Praja", 5.0),), 7.0, ("KETERTIBAN", "HUKUM", "PEMERINTAHAN"),
        p_pelaksana=0.25),
    Opd("Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar",
        "Kepala Dinas Pemadam Kebakaran dan Penyelamatan", "II.b", _SUB_DINAS,
        ("Bidang Pencegahan dan Penanggulangan Kebakaran", "Bidang Penyelamatan dan Sarana"),
        ("UPT Pos Pemadam Kebakaran Wilayah Timur",),
        (("Pemadam Kebakaran", 5.0), ("Analis Kebakaran", 0.5)), 4.0, ("KETERTIBAN", "TEKNIK"),
        p_pelaksana=0.3),
    Opd("Dinas Sosial", "Dinsos", "Kepala Dinas Sosial", "II.b", _SUB_DINAS,
        ("Bidang Perlindungan dan Jaminan Sosial", "Bidang Rehabilitasi Sosial",
         "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin"), (),
        (("Pekerja Sosial", 2.0), ("Penyuluh Sosial", 1.0)), 2.5, ("SOSIAL", "KEBIJAKAN")),
    Opd("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil", "II.b", _SUB_DINAS,
        ("Bidang Pelayanan Pendaftaran Penduduk", "Bidang Pelayanan Pencatatan Sipil",
         "Bidang Pengelolaan Informasi Administrasi Kependudukan",
         "Bidang Pemanfaatan Data dan Inovasi Pelayanan"), (),
        (("Administrator Database Kependudukan", 1.5), ("Pranata Komputer", 0.5),
         ("Arsiparis", 0.3)), 3.5, ("KEBIJAKAN", "KOMPUTER"), p_pelaksana=0.75),
    Opd("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP",
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "II.b", _SUB_DINAS,
        ("Bidang Penanaman Modal", "Bidang Pelayanan Perizinan",
         "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan"), (),
        (("Analis Kebijakan", 1.0), ("Pranata Komputer", 0.5)), 2.5,
        ("KEBIJAKAN", "EKONOMI", "HUKUM"), p_pelaksana=0.7),
    Opd("Dinas Komunikasi dan Informatika", "Diskominfo",
        "Kepala Dinas Komunikasi dan Informatika", "II.b", _SUB_DINAS,
        ("Bidang Informasi dan Komunikasi Publik", "Bidang Aplikasi Informatika",
         "Bidang Statistik dan Persandian", "Bidang Infrastruktur Teknologi Informasi"), (),
        (("Pranata Komputer", 3.0), ("Pranata Hubungan Masyarakat", 1.5), ("Statistisi", 0.5),
         ("Sandiman", 0.5)), 3.0, ("KOMPUTER", "KOMUNIKASI"), p_pelaksana=0.45,
        pelaksana_khusus=("Penata Kelola Sistem dan Teknologi Informasi",)),
    Opd("Dinas Perhubungan", "Dishub", "Kepala Dinas Perhubungan", "II.b", _SUB_DINAS,
        ("Bidang Lalu Lintas", "Bidang Angkutan", "Bidang Sarana dan Prasarana"),
        ("UPT Pengujian Kendaraan Bermotor", "UPT Perparkiran"),
        (("Penguji Kendaraan Bermotor", 2.0),), 5.0, ("TRANSPORTASI", "TEKNIK"),
        p_pelaksana=0.8),
    Opd("Dinas Lingkungan Hidup", "DLH", "Kepala Dinas Lingkungan Hidup", "II.b", _SUB_DINAS,
        ("Bidang Tata Lingkungan", "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
         "Bidang Pengelolaan Sampah dan Limbah B3"), ("UPT Tempat Pemrosesan Akhir Sampah",),
        (("Pengendali Dampak Lingkungan", 1.5), ("Pengawas Lingkungan Hidup", 1.0)), 7.0,
        ("LINGKUNGAN", "TEKNIK"), p_pelaksana=0.85),
    Opd("Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop UKM",
        "Kepala Dinas Koperasi, Usaha Kecil dan Menengah", "II.b", _SUB_DINAS,
        ("Bidang Koperasi", "Bidang Usaha Mikro", "Bidang Pengawasan Koperasi"), (),
        (("Pengawas Koperasi", 1.0), ("Penggerak Swadaya Masyarakat", 0.5)), 2.0,
        ("EKONOMI",)),
    Opd("Dinas Perdagangan", "Disdag", "Kepala Dinas Perdagangan", "II.b", _SUB_DINAS,
        ("Bidang Perdagangan Dalam Negeri", "Bidang Pengelolaan Pasar",
         "Bidang Perlindungan Konsumen"), ("UPT Metrologi Legal", "UPT Pasar Induk"),
        (("Penera", 1.0), ("Pengawas Perdagangan", 1.0)), 3.5, ("EKONOMI",), p_pelaksana=0.8),
    Opd("Dinas Perindustrian", "Disperin", "Kepala Dinas Perindustrian", "II.b", _SUB_DINAS,
        ("Bidang Industri Agro dan Kimia", "Bidang Industri Logam, Mesin dan Aneka"), (),
        (("Analis Kebijakan", 0.5), ("Instruktur", 0.5)), 1.5, ("EKONOMI", "TEKNIK")),
    Opd("Dinas Ketahanan Pangan", "DKP", "Kepala Dinas Ketahanan Pangan", "II.b", _SUB_DINAS,
        ("Bidang Ketersediaan dan Distribusi Pangan", "Bidang Konsumsi dan Keamanan Pangan"), (),
        (("Analis Ketahanan Pangan", 1.5),), 2.0, ("PERTANIAN",)),
    Opd("Dinas Pertanian", "Distan", "Kepala Dinas Pertanian", "II.b", _SUB_DINAS,
        ("Bidang Tanaman Pangan dan Hortikultura", "Bidang Peternakan dan Kesehatan Hewan",
         "Bidang Prasarana dan Sarana Pertanian"), ("UPT Rumah Potong Hewan",),
        (("Penyuluh Pertanian", 3.0), ("Medik Veteriner", 0.6), ("Paramedik Veteriner", 0.8),
         ("Pengendali Organisme Pengganggu Tumbuhan", 0.6)), 4.0, ("PERTANIAN",),
        p_pelaksana=0.4),
    Opd("Dinas Perikanan", "Diskan", "Kepala Dinas Perikanan", "II.b", _SUB_DINAS,
        ("Bidang Perikanan Tangkap", "Bidang Perikanan Budidaya"), ("UPT Pelabuhan Perikanan",),
        (("Pengelola Produksi Perikanan Tangkap", 1.0),), 2.0, ("PERTANIAN",)),
    Opd("Dinas Pariwisata dan Ekonomi Kreatif", "Disparekraf",
        "Kepala Dinas Pariwisata dan Ekonomi Kreatif", "II.b", _SUB_DINAS,
        ("Bidang Destinasi Pariwisata", "Bidang Pemasaran Pariwisata", "Bidang Ekonomi Kreatif"),
        (), (("Adyatama Kepariwisataan dan Ekonomi Kreatif", 1.5),), 2.0,
        ("PARIWISATA", "EKONOMI")),
    Opd("Dinas Pemuda dan Olahraga", "Dispora", "Kepala Dinas Pemuda dan Olahraga", "II.b",
        _SUB_DINAS, ("Bidang Kepemudaan", "Bidang Olahraga", "Bidang Sarana dan Prasarana"),
        ("UPT Pengelolaan Gelanggang Olahraga",), (("Analis Kebijakan", 0.5),), 2.0,
        ("PENDIDIKAN", "KEBIJAKAN"), p_pelaksana=0.8),
    Opd("Dinas Tenaga Kerja", "Disnaker", "Kepala Dinas Tenaga Kerja", "II.b", _SUB_DINAS,
        ("Bidang Pelatihan dan Penempatan Tenaga Kerja", "Bidang Hubungan Industrial"),
        ("UPT Balai Latihan Kerja",),
        (("Mediator Hubungan Industrial", 1.0), ("Pengantar Kerja", 1.0), ("Instruktur", 1.0)),
        2.0, ("SDM", "HUKUM", "TEKNIK")),
    Opd("Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan "
        "Keluarga Berencana", "DP3AP2KB",
        "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan "
        "Keluarga Berencana", "II.b", _SUB_DINAS,
        ("Bidang Pemberdayaan Perempuan", "Bidang Perlindungan Anak",
         "Bidang Pengendalian Penduduk", "Bidang Keluarga Berencana"),
        ("UPT Perlindungan Perempuan dan Anak",),
        (("Penyuluh Keluarga Berencana", 2.0), ("Pekerja Sosial", 0.5),
         ("Analis Kebijakan", 0.5)), 3.0, ("SOSIAL", "KESMAS")),
    Opd("Dinas Perpustakaan dan Kearsipan", "Dispusip", "Kepala Dinas Perpustakaan dan Kearsipan",
        "II.b", _SUB_DINAS, ("Bidang Layanan Perpustakaan", "Bidang Pengembangan Koleksi",
                             "Bidang Kearsipan"), (),
        (("Pustakawan", 2.0), ("Arsiparis", 1.5)), 2.5, ("ARSIP",), p_pelaksana=0.45),
    Opd("Badan Penanggulangan Bencana Daerah", "BPBD", "Kepala Pelaksana BPBD", "II.b",
        _SUB_DINAS, ("Bidang Pencegahan dan Kesiapsiagaan", "Bidang Kedaruratan dan Logistik",
                     "Bidang Rehabilitasi dan Rekonstruksi"), (),
        (("Penata Penanggulangan Bencana", 1.5),), 2.5, ("KEBIJAKAN", "TEKNIK"),
        p_pelaksana=0.7),
    Opd("Badan Kesatuan Bangsa dan Politik", "Kesbangpol",
        "Kepala Badan Kesatuan Bangsa dan Politik", "II.b", ("Subbagian Umum dan Kepegawaian",),
        ("Bidang Ideologi dan Wawasan Kebangsaan", "Bidang Politik Dalam Negeri",
         "Bidang Ketahanan Ekonomi, Sosial, Budaya dan Organisasi Kemasyarakatan"), (),
        (("Analis Kebijakan", 1.0),), 1.5, ("PEMERINTAHAN", "KEBIJAKAN")),
    Opd("Rumah Sakit Umum Daerah {kota}", "RSUD", "Direktur Rumah Sakit Umum Daerah {kota}",
        "II.b", ("Subbagian Umum dan Kepegawaian", "Subbagian Keuangan"),
        ("Bidang Pelayanan Medik", "Bidang Keperawatan", "Bidang Penunjang"), (),
        (("Perawat", 40.0), ("Bidan", 7.0), ("Dokter", 9.0), ("Dokter Gigi", 1.0),
         ("Apoteker", 2.0), ("Asisten Apoteker", 4.0), ("Pranata Laboratorium Kesehatan", 4.0),
         ("Radiografer", 2.0), ("Nutrisionis", 2.0), ("Fisioterapis", 1.5),
         ("Perekam Medis", 3.0), ("Tenaga Sanitasi Lingkungan", 1.0),
         ("Administrator Kesehatan", 1.5)), 0.0, ("KESMAS", "DOKTER", "EKONOMI"),
        p_pelaksana=0.12, sekretariat_eselon="III.b", sekretariat_nama="Bagian Tata Usaha"),
)  # fmt: skip

RSUD_SINGKATAN = "RSUD"


class Kecamatan(NamedTuple):
    nama: str
    kelurahan: tuple[str, ...]


KECAMATAN: tuple[Kecamatan, ...] = (
    Kecamatan("Kota Lama", ("Kenanga", "Melati", "Pasar Lama", "Tanjung Harapan", "Air Mata")),
    Kecamatan("Pelabuhan", ("Nelayan", "Tanah Merah", "Pantai Indah", "Teluk Mas", "Bahari",
                            "Karang Anyar")),
    Kecamatan("Bukit Kenanga", ("Bukit Indah", "Sukamaju", "Sukajadi", "Cempaka Putih",
                                "Flamboyan")),
    Kecamatan("Teluk Melati", ("Melati Indah", "Pasir Putih", "Batu Karang", "Oesapa Baru",
                               "Lopo Indah")),
    Kecamatan("Sungai Cempaka", ("Cempaka", "Sungai Jernih", "Bumi Asri", "Kampung Baru",
                                 "Padang Rumput", "Harapan Jaya")),
    Kecamatan("Tanjung Anggrek", ("Anggrek", "Tanjung Batu", "Mawar", "Sumber Rejeki",
                                  "Bukit Hijau")),
)  # fmt: skip

KECAMATAN_SEKSI: tuple[str, ...] = (
    "Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum",
    "Seksi Pemberdayaan Masyarakat dan Kelurahan",
)  # fmt: skip
KECAMATAN_SUBBAGIAN: tuple[str, ...] = ("Subbagian Umum dan Kepegawaian",)
KELURAHAN_KASI: tuple[str, ...] = (
    "Kepala Seksi Pemerintahan dan Ketenteraman", "Kepala Seksi Pemberdayaan Masyarakat",
)  # fmt: skip
KECAMATAN_JF: tuple[tuple[str, float], ...] = (
    ("Penggerak Swadaya Masyarakat", 0.5), ("Analis Kebijakan", 0.5),
)  # fmt: skip
KECAMATAN_BOBOT = 2.5  # per kecamatan, kelurahan included
KECAMATAN_RUMPUN = ("PEMERINTAHAN", "KEBIJAKAN", "SOSIAL")

# Schools and puskesmas: positions per unit (JF nama or pelaksana nama, expected seats).
SD_FORMASI: tuple[tuple[str, float], ...] = (
    ("Guru", 9.0), ("Pengelola Umum Operasional", 0.6), ("Operator Layanan Operasional", 0.4),
)  # fmt: skip
SMP_FORMASI: tuple[tuple[str, float], ...] = (
    ("Guru", 26.0), ("Pengadministrasi Perkantoran", 1.5), ("Pengelola Layanan Operasional", 1.0),
    ("Operator Layanan Operasional", 1.0), ("Pustakawan", 0.4),
)  # fmt: skip
PUSKESMAS_FORMASI: tuple[tuple[str, float], ...] = (
    ("Dokter", 2.2), ("Dokter Gigi", 0.8), ("Perawat", 6.0), ("Bidan", 5.0), ("Apoteker", 0.6),
    ("Asisten Apoteker", 1.0), ("Pranata Laboratorium Kesehatan", 1.0), ("Nutrisionis", 1.0),
    ("Tenaga Sanitasi Lingkungan", 1.0), ("Penyuluh Kesehatan Masyarakat", 1.0),
    ("Epidemiolog Kesehatan", 0.4), ("Administrator Kesehatan", 0.6), ("Perekam Medis", 0.8),
    ("Pengadministrasi Perkantoran", 1.2), ("Operator Layanan Operasional", 0.8),
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Training (riwayat_diklat)

PENYELENGGARA_UMUM: tuple[str, ...] = (
    "BKPSDM {kota}", "BPSDM Provinsi " + PROVINSI, "Lembaga Administrasi Negara",
    "BPSDM Kementerian Dalam Negeri",
)  # fmt: skip
PENYELENGGARA_LATSAR: tuple[str, ...] = ("BPSDM Provinsi " + PROVINSI, "BKPSDM {kota}")
PENYELENGGARA_PIM: tuple[str, ...] = (
    "BPSDM Provinsi " + PROVINSI, "Lembaga Administrasi Negara",
    "BPSDM Kementerian Dalam Negeri", "Puslatbang KDOD LAN Makassar",
)  # fmt: skip

DIKLAT_TEKNIS_UMUM: tuple[tuple[str, int], ...] = (
    ("Bimbingan Teknis Penyusunan Sasaran Kinerja Pegawai", 16),
    ("Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", 40),
    ("Bimbingan Teknis Sistem Informasi Pemerintahan Daerah (SIPD)", 24),
    ("Pelatihan Pelayanan Prima", 24),
    ("Bimbingan Teknis Tata Naskah Dinas", 16),
    ("Pelatihan Analisis Jabatan dan Analisis Beban Kerja", 32),
    ("Pelatihan Penulisan Laporan dan Notulensi", 16),
    ("Pelatihan Pengelolaan Barang Milik Daerah", 32),
    ("Bimbingan Teknis Pengelolaan Keuangan Daerah", 32),
    ("Pelatihan Public Speaking", 16),
    ("Pelatihan Microsoft Office untuk Perkantoran", 24),
    ("Sosialisasi Core Values ASN BerAKHLAK", 8),
    ("Pelatihan Manajemen Risiko Sektor Publik", 24),
    ("Pelatihan Penyusunan Standar Operasional Prosedur", 16),
    ("Bimbingan Teknis Sistem Akuntabilitas Kinerja Instansi Pemerintah", 24),
)  # fmt: skip

DIKLAT_TEKNIS_RUMPUN: dict[str, tuple[tuple[str, int], ...]] = {
    "PENDIDIKAN": (("Pelatihan Implementasi Kurikulum Merdeka", 32),
                   ("Pelatihan Asesmen Pembelajaran", 24),
                   ("Pendidikan Guru Penggerak", 120),
                   ("Pelatihan Pembelajaran Berdiferensiasi", 24)),
    "PERAWAT": (("Pelatihan Basic Trauma Cardiac Life Support", 40),
                ("Pelatihan Pencegahan dan Pengendalian Infeksi", 32),
                ("Pelatihan Asuhan Keperawatan Kritis", 40)),
    "BIDAN": (("Pelatihan Asuhan Persalinan Normal", 40),
              ("Pelatihan Penanganan Kegawatdaruratan Maternal Neonatal", 40)),
    "DOKTER": (("Pelatihan Advanced Cardiac Life Support", 40),
               ("Pelatihan Tata Laksana Tuberkulosis", 24),
               ("Pelatihan Manajemen Puskesmas", 40)),
    "KESMAS": (("Pelatihan Surveilans Epidemiologi", 40), ("Pelatihan Manajemen Puskesmas", 40),
               ("Pelatihan Promosi Kesehatan", 24)),
    "KOMPUTER": (("Pelatihan Keamanan Informasi", 32), ("Pelatihan Administrasi Jaringan", 40),
                 ("Pelatihan Pengembangan Aplikasi Web", 40)),
    "KETERTIBAN": (("Pelatihan Dasar Polisi Pamong Praja", 80),
                   ("Pelatihan Penyidik Pegawai Negeri Sipil", 120),
                   ("Pelatihan Teknis Pemadaman Kebakaran", 60)),
    "TEKNIK": (("Pelatihan Ahli Teknik Jalan", 40), ("Pelatihan Pengawasan Konstruksi", 32),
               ("Pelatihan Perencanaan Teknis Bangunan Gedung", 32)),
    "EKONOMI": (("Pelatihan Akuntansi Berbasis Akrual", 40),
                ("Pelatihan Audit Kinerja", 40), ("Pelatihan Penatausahaan Keuangan Daerah", 32)),
    "SDM": (("Pelatihan Manajemen ASN", 32), ("Bimbingan Teknis Aplikasi SIASN", 16),
            ("Pelatihan Assessor Kompetensi", 40)),
    "ARSIP": (("Pelatihan Pengelolaan Arsip Dinamis", 32),
              ("Pelatihan Pengelolaan Perpustakaan", 32)),
    "PERTANIAN": (("Pelatihan Penyuluhan Pertanian", 40), ("Pelatihan Kesehatan Hewan", 32)),
    "HUKUM": (("Pelatihan Legal Drafting", 40), ("Pelatihan Mediasi", 32)),
    "PERENCANAAN": (("Pelatihan Perencanaan Pembangunan Daerah", 40),
                    ("Pelatihan Monitoring dan Evaluasi", 32)),
}  # fmt: skip
