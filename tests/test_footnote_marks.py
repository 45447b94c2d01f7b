"""ingest/footnote_marks.py and the pipeline's use of it: notes whose marks OCR damaged find the sentence
that carries their mark. Every figure below is invented."""
from pathlib import Path

from tracuu.config import Config
from tracuu.ingest.footnote_marks import damaged_marks
from tracuu.ingest.pipeline import ingest_file
from tracuu.ingest.structure import build_paragraphs

# a scanned page: marks read as symbols ('tinh®', 'dinh’', 'sa0®'), the first note's number misread ('8' for
# 6), then a later block after a note OCR did not see as one ('11 54n pham ...' for '¹¹ Sản phẩm ...')
PAGE = """UBND TINH BAC KAN
BAO CAO
Tinh hinh kinh te - xa hoi 6 thang dau nam 2024

1. Nong nghiep
Tong dien tich gieo trong uoc dat 21.450 ha, dat 97,2% ke hoach, bang 99,1% cung ky*.

4 Trong do: Lua 9.120 ha; ngo 6.480 ha.

Tiep tuc thuc hien chinh sach ho tro phat trien hop tac xa nong nghiep tren dia ban tinh®.
Danh gia phan hang san pham theo quy dinh’; trong 6 thang danh gia 05 san pham OCOP dat 03 sa0®,
luy ke co 64 san pham OCOP duoc xep hang?®; ho tro xay dung 02 chuoi lien ket*°.
Cap 03 giay xac nhan ma so vung trong'2, nang tong so len 96 ma vung trong™.

8 Trong 6 thang, ho tro thanh lap 09 hop tac xa (180 trieu dong).

7 Quyet dinh so 148/QD-TTg ve bo tieu chi OCOP.

8 Trong do huyen Na Ri 02 san pham; huyen Cho Moi 03 san pham.

9 Trong do 50 san pham 03 sao; 14 san pham 04 sao.

10 Chuoi lien ket mien dong va chuoi lien ket cam sanh.

11 54n pham mien dong tai xa Con Minh.

12 Trong do: vung trong xuat khau 88 ma; vung trong tieu thu noi dia 08 ma.
"""


def _ingest(tmp_path: Path):
    path = tmp_path / "bk_6t2024.txt"
    path.write_text(PAGE, encoding="utf-8")
    return ingest_file(path, Config(home=tmp_path / "home"))


def test_each_note_of_a_block_takes_the_mark_in_its_order():
    paras = build_paragraphs(PAGE.splitlines(), {})
    marks = damaged_marks(paras)
    by_note = {paras[n].lines[0][1][:12]: token for n, (_, _, token) in marks.items()}
    assert by_note["8 Trong 6 th"].endswith("tinh®")  # its number misread: its place in the block counts
    assert by_note["7 Quyet dinh"].endswith("quy dinh’")
    assert by_note["8 Trong do h"].endswith("sa0®")
    assert by_note["9 Trong do 5"].endswith("hang?®")
    # after '11 54n pham ...' ended the block early, note 12 skips the mark of 11 and takes the next
    assert by_note["12 Trong do:"].endswith("trong™")


def test_a_note_speaks_of_the_sentence_carrying_its_mark(tmp_path):
    _, passages = _ingest(tmp_path)
    notes = {p.text[:12]: p for p in passages if p.kind == "footnote"}
    byid = {p.id: p for p in passages}
    coop = notes["8 Trong 6 th"]
    assert "chinh sach ho tro phat trien hop tac xa" in coop.marked_by and coop.marked_by.endswith("tinh®.")
    assert "tinh®" in byid[coop.footnote_of].text
    assert notes["12 Trong do:"].marked_by.endswith("96 ma vung trong™.")
    # a mark read as it was printed still wins: '... cung ky*' is note 4's
    assert notes["4 Trong do: "].marked_by.startswith("Tong dien tich gieo trong")


def test_a_note_missing_inside_a_block_skips_its_mark():
    page = PAGE.replace("\n\n11 54n pham mien dong tai xa Con Minh.\n", "\n")
    paras = build_paragraphs(page.splitlines(), {})
    by_note = {paras[n].lines[0][1][:12]: token for n, (_, _, token) in damaged_marks(paras).items()}
    assert by_note["10 Chuoi lie"].endswith("ket*°") and by_note["12 Trong do:"].endswith("trong™")


# a page whose first note's mark OCR did not see at all, and a count read as a mark ('33° de tai' is '33⁹ đề
# tài'): counted in order, note 6 would take the rice sentence's mark and note 7 the count's
MISSED = """UBND TINH CAO BANG
BAO CAO
Tinh hinh kinh te - xa hoi thang 01 nam 2026

1. An sinh xa hoi
So nguoi nop ho so huong bao hiem that nghiep trong thang tiep tuc giam so voi cung ky.
UBND tinh de xuat ho tro gao cho nguoi dan trong dip Tet Nguyen dan Binh Ngo va thoi ky giap hat nam 2026
cho 6.100 ho voi 21.400 nhan khau, voi so luong gao can ho tro 412.500 kg’. Quan ly va theo doi thuc hien
27° de tai, du an nghien cuu khoa hoc.

6 So nguoi nop ho so huong BHTN la 214 nguoi, giam 3,1% so voi cung ky.

7 Trong do ho tro dip Tet Nguyen dan Binh Ngo nam 2026 la 150.300 kg (2.950 ho, 9.800 nhan khau); ho tro
thoi diem giap hat dau nam 2026 la 262.200 kg (3.150 ho, 11.600 nhan khau).

9 Trong do co 12 nhiem vu thuoc linh vuc nong nghiep.
"""


def test_a_note_takes_the_mark_whose_sentence_it_retells_when_counting_would_shift():
    paras = build_paragraphs(MISSED.splitlines(), {})
    by_note = {paras[n].lines[0][1][:12]: token for n, (_, _, token) in damaged_marks(paras).items()}
    assert by_note["7 Trong do h"].endswith("kg’")  # 'dip Tet Nguyen dan Binh Ngo ... nhan khau': its sentence
    assert by_note["9 Trong do c"].endswith("27°")
    assert by_note["6 So nguoi n"] is None  # its mark was not printed: no sentence is guessed for it
