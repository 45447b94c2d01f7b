"""Document metadata read from the text of every layout in the generality corpus (figures invented)."""
import json
import re
from pathlib import Path

import pytest

from tracuu.ingest.loaders import load
from tracuu.ingest.metadata import extract
from tracuu.ingest.places import provinces
from tracuu.ingest.textnorm import fold_ocr
from tracuu.ingest.types import Period

GEN = Path(__file__).parent / "data" / "generality"
MANIFEST = [json.loads(line) for f in sorted(GEN.glob("manifest_*.jsonl")) for line in f.read_text("utf-8").splitlines()
            if line.strip()]


def _meta(name: str) -> dict:
    src = load(GEN / "docs" / name, 50 << 20)
    return extract(src.lines, "fallback", filename=name, hints=src.hints)


def _period(d: dict) -> Period:
    kind, index = d["kind"], d.get("index")
    # a five-year review is read up to its last year, a Tết report as the year that Tết opens (no span or season kind)
    if kind in ("year", "nine_months", "multi_year", "season"):
        kind = "year" if kind in ("multi_year", "season") else kind
        index = None
    if kind == "months":  # the manifest names cumulative months; tracuu names 3/6/9 by their usual names
        kind, index = {3: ("quarter", 1), 6: ("half", 1), 9: ("nine_months", None)}.get(index, ("months", index))
    if kind == "half" and index is None:  # (sets DG, DH write the first half year with no index)
        index = 1
    return Period(kind, d["year"], index)


def test_a_letterhead_saved_as_a_markdown_table_is_read_as_a_letterhead():
    """A Word report saved as Markdown keeps its letterhead as a table ('| UBND TỈNH SƠN LA<br>**SỞ KẾ HOẠCH VÀ ĐẦU
    TƯ** | **CỘNG HÒA ...**', set DG): read as the two-column letterhead it is, its province the letterhead's, its
    title without the bold marks."""
    meta = _meta("DG_Son_La_SKHDT_9T_2024.txt")
    assert meta["province"] == "Sơn La" and meta["province_source"] == "letterhead"
    assert meta["title"].startswith("Tình hình thực hiện kế hoạch") and "*" not in meta["title"]
    lines = load(GEN / "docs" / "DG_Son_La_SKHDT_9T_2024.txt", 50 << 20).lines
    # (each cell's second line on the rule's line under it, as in text: the office under its superior speaks)
    assert lines[0] == "UBND TỈNH SƠN LA   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[1] == "SỞ KẾ HOẠCH VÀ ĐẦU TƯ   Độc lập - Tự do - Hạnh phúc"
    assert meta["issuer"] == "Sở Kế hoạch và Đầu tư tỉnh Sơn La"
    assert not any(x.startswith("Bảng") and "SƠN LA" in x for x in lines[:4])  # not rendered as a table's rows


def test_manifest_covers_the_layouts():
    layouts = {d["layout"] for d in MANIFEST}
    assert len(MANIFEST) >= 40 and len({d["province"] for d in MANIFEST}) >= 10
    assert {"stats_release", "ubnd_report", "press_release", "news", "department_report", "ocr_degraded"} <= layouts


# where the manifests' writers disagree with each other, and tracuu follows the title (each with the reason)
DISPUTED = {
    # titled 'Tình hình kinh tế - xã hội tháng 8, nhiệm vụ trọng tâm tháng 9': set V's manifest reads the month report
    # as its running total ('8 tháng năm 2024'), set T's writer read the same kind of title as the month; tracuu reads
    # the month, and answers '8 tháng' questions from the running totals the report states (a contained period)
    "v_caobang_scan_t8-2024.txt": Period("month", 2024, 8),
    # titled 'tháng 5, 5 tháng đầu năm 2025': the title names the month and its running total; set Z's writer read
    # the month, tracuu reads the running total as sets A and B's manifests do ('tháng 8 và 8 tháng năm 2024'), and
    # answers the month's questions from the month's figures the report states (a contained period)
    "z_sonla_scan_t5-2025.txt": Period("months", 2025, 5),
    # 'tháng 4 và 4 tháng năm 2024' (set DK's Bình Phước department): the same reading, set DK's writer the month
    "DK_Binh_Phuoc_SCT_T4-2024.txt": Period("months", 2024, 4),
    # no period in the title; the lead says 'Trong tháng 8 năm 2025 ... (số liệu trong tháng và lũy kế từ đầu năm)': set
    # AE's writer read the running total, tracuu reads the month and each figure's own 'trong tháng' / 'lũy kế từ đầu
    # năm' (reading the report as the running total lost two of the set's month questions, measured)
    "ae_bc_3214_ubnd_dienbien_t8-2025.txt": Period("month", 2025, 8),
    # titled 'TÌNH HÌNH KINH TẾ - XÃ HỘI QUÝ III VÀ 9 THÁNG NĂM 2024': set AF's writer read the quarter, tracuu reads the
    # running total the title names last (as for 'tháng 5, 5 tháng đầu năm 2025' above) and answers the quarter's
    # questions from the quarter's figures the release states (a contained period)
    "af_cantho_tk_q3-2024.txt": Period("nine_months", 2024),
    # titled 'Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2025': set AG's writer read the month, tracuu the
    # running total (as for set Z's 'tháng 5, 5 tháng đầu năm 2025')
    "ag_hanoi_tk_t11-2025.txt": Period("months", 2025, 11),
    # set AH: 'quý III và 9 tháng năm 2024' (a Sở Tài chính report) and 'tháng 8 và 8 tháng năm 2025' (an OCR'd UBND
    # report): the writer read the quarter and the month, tracuu the running total, as above
    "ah_stc_haugiang_q3-2024.txt": Period("nine_months", 2024),
    "ah_ninhbinh_scan_t8-2025.txt": Period("months", 2025, 8),
    # set AK: a Sở Công Thương report on 'quý III và 9 tháng năm 2024', as above
    "ak_sct_quangbinh_q3-2024.txt": Period("nine_months", 2024),
    # titled 'Chỉ số giá tiêu dùng ... tháng 8 năm 2024' under 'THÔNG BÁO': set T's writer read the running total (its
    # lead gives 'tính chung 8 tháng'), tracuu reads the month its title names, as for set V's report above
    "t_quangngai_cpi_t8-2024.md": Period("month", 2024, 8),
    # set AM: a statistics office's 'tháng 8 và 8 tháng năm 2024', as above
    "am_ctk_ninhthuan_t8-2024.txt": Period("months", 2024, 8),
    # set CK: a paper's 'Họp báo định kỳ tháng 10: Thu ngân sách 10 tháng gần về đích': the writer read the month,
    # tracuu the running total the headline names, as above
    "CK_binhthuan_baobt_10thang_2022.txt": Period("months", 2022, 10),
    # sets CK and CL: 'tháng 11 và 11 tháng năm 2023' (a Sở KH&ĐT report) and 'tháng 8 và 8 tháng năm 2026' (a
    # statistics release): the writers read the month, tracuu the running total, as above
    "CK_daklak_skhdt_11thang_2023.txt": Period("months", 2023, 11),
    "CL_angiang_tk_thang8_2026.txt": Period("months", 2026, 8),
    # sets CM and CN: 'tháng 10 và 10 tháng năm 2026' (a statistics release, a UBND report) and 'quý III và 9 tháng
    # năm 2024' (a Sở KH&ĐT report): the writers read the month and the quarter, tracuu the running total, as above
    "CM_tayninh_tk_thang10_2026.txt": Period("months", 2026, 10),
    "CN_gialai_ubnd_thang10_2026.txt": Period("months", 2026, 10),
    "CN_hungyen_skhdt_quy3_2024.txt": Period("nine_months", 2024),
    # set CN's manifest wrote '6 tháng đầu năm 2021' with no index: the first half
    "CN_bentre_stc_6thang_2021.txt": Period("half", 2021, 1),
    # set CP's manifest the same for Bắc Ninh's '6 tháng đầu năm 2021'
    "CP_bacninh_baobn_6thang_2021.txt": Period("half", 2021, 1),
    # sets CQ and CR: 'tháng 10 và 10 tháng năm 2021', 'tháng 11 và 11 tháng năm 2026' (statistics releases): the
    # writers read the month, tracuu the running total, as above
    "CQ_haugiang_ctk_thang10_2021.txt": Period("months", 2021, 10),
    "CR_daklak_tk_thang11_2026.txt": Period("months", 2026, 11),
    # sets CS and CT: 'quý III và 9 tháng năm 2026', 'tháng 11 và 11 tháng năm 2021', 'tháng 5 và 5 tháng năm 2025',
    # 'tháng 11 và 11 tháng năm 2023' and 'quý IV và năm 2024': the writers read the month or quarter, tracuu the running
    # total (the year for the fourth quarter's report), as above
    "CS_phutho_tk_quy3_2026.txt": Period("nine_months", 2026),
    "CS_namdinh_ctk_thang11_2021.txt": Period("months", 2021, 11),
    "CS_longan_baolongan_thang5_2025.txt": Period("months", 2025, 5),
    "CT_laocai_baolaocai_thang11_2023.txt": Period("months", 2023, 11),
    "CT_binhduong_sct_quy4_2024.txt": Period("year", 2024),
    # set CU: 'tháng 4 và 4 tháng năm 2025' (a statistics release) and a paper's 'GRDP quý IV/2023 tăng 9,14%, cả năm
    # Thanh Hóa tăng trưởng 6,62%': the writer read the month and the quarter, tracuu the running total and the year (the
    # quarter ending the year the headline names whole), as above
    "CU_soctrang_tk_thang4_2025.txt": Period("months", 2025, 4),
    "CU_thanhhoa_baothanhhoa_quy4_2023.txt": Period("year", 2023),
    # sets CW and CX: 'tháng 11 và 11 tháng năm 2026', 'quý IV và năm 2021', 'tháng 10 và 10 tháng năm 2024': the writers
    # read the month or quarter, tracuu the running total and the year, as above
    "CW_thainguyen_tktinh_thang11_2026.txt": Period("months", 2026, 11),
    "CX_caobang_ctk_quy4_2021.txt": Period("year", 2021),
    "CX_hungyen_sct_thang10_2024.txt": Period("months", 2024, 10),
    # set AN: 'quý III và 9 tháng năm 2024' (a Sở KH&ĐT report), a title of no period whose lead reads 'tháng 9 và 9 tháng
    # năm 2025', and 'tháng 7' titled over a first heading 'THÁNG 7 VÀ 7 THÁNG NĂM 2023': the writer read the quarter and
    # the months, tracuu the running total, as above
    "an_skhdt_thaibinh_q3-2024.txt": Period("nine_months", 2024),
    "an_bc_ubnd_dongnai_t9-2025.txt": Period("nine_months", 2025),
    "an_scan_hanam_t7-2023.txt": Period("months", 2023, 7),
    # set AO: a statistics office's 'THÁNG 4 VÀ 4 THÁNG ĐẦU NĂM 2024', as above
    "ao_ctk_haiphong_t4-2024.md": Period("months", 2024, 4),
    # set AP: 'QUÝ III VÀ 9 THÁNG NĂM 2023' (a statistics office's GRDP release) and 'tháng 10 và 10 tháng năm 2024' (a Sở
    # Công Thương report), as above
    "ap_ctk_hanoi_q3-2023.txt": Period("nine_months", 2023),
    "ap_sct_binhduong_t10-2024.txt": Period("months", 2024, 10),
    # sets AR: 'THÁNG 8 VÀ 8 THÁNG NĂM 2023', 'QUÝ III VÀ 9 THÁNG NĂM 2025', 'tháng 11 và 11 tháng năm 2022': as above
    "ar_ctk_binhdinh_t8-2023.txt": Period("months", 2023, 8),
    "ar_tcbc_khanhhoa_q3-2025.txt": Period("nine_months", 2025),
    "ar_skhdt_tayninh_t11-2022.txt": Period("months", 2022, 11),
    # sets AS, AT: 'tháng 6 và 6 tháng đầu năm 2024', 'tháng 11 và 11 tháng năm 2025' titles, and a TV news bulletin of
    # 30/10/2023 on the 10 months' results: as above, tracuu reads the running total, the writers the month
    "at_sct_dongnai_t6-2024.txt": Period("half", 2024, 1),
    "at_hopbao_camau_t11-2025.txt": Period("months", 2025, 11),
    "as_banghi-thoisu-trt_thuathienhue_t10-2023.txt": Period("months", 2023, 10),
    # set AQ: an open-data page 'Chỉ tiêu kinh tế - xã hội chủ yếu hằng tháng năm 2023' whose file holds the year's
    # months so far (each row names its own month or running total): its writer read the last month, tracuu the year
    "aq_csv-dulieumo_caobang_t8-2023.txt": Period("year", 2023),
    # an HĐND question-time report (Kỳ họp thứ Tám, December 2022) whose title names no period: its writer read the
    # running total its figures are counted to (30/11/2022), tracuu the year the body speaks of
    "aq_chatvan-hdnd_bacninh_11t-2022.txt": Period("year", 2022),
    # sets AU, AV: a statistics office's 'THÁNG 10 VÀ 10 THÁNG NĂM 2023' and a tax department's 'tháng 4 và 4 tháng đầu
    # năm 2023': as above, tracuu reads the running total, the writers the month
    "au_yenbai_ctk_thang10_2023.txt": Period("months", 2023, 10),
    "av_baclieu_cucthue-t4-2023.txt": Period("months", 2023, 4),
    # set AW: a statistics office's 'THÁNG TÁM VÀ 8 THÁNG NĂM 2025', as above
    "aw_hanoi_thongke_t8_2025.txt": Period("months", 2025, 8),
    # sets AY, AZ: a statistics office's 'THÁNG 9 VÀ 9 THÁNG NĂM 2024' annex and 'Tình hình kinh tế - xã hội tháng 7 và 7
    # tháng năm 2023': as above, tracuu reads the running total, the writers the month
    "AY_tiengiang_thang9_2024.txt": Period("nine_months", 2024),
    "AZ_dongthap_thang7_2023.txt": Period("months", 2023, 7),
    # sets BA, BB: 'THÁNG 8 VÀ 8 THÁNG NĂM 2025', 'tháng 8 và 8 tháng năm 2022': as above
    "BA_hatinh_thongke_t8_2025.txt": Period("months", 2025, 8),
    "BB_sonla_socongthuong_thang8_2022.txt": Period("months", 2022, 8),
    # sets BC, BD: 'tháng 5 và 5 tháng (đầu) năm 2023/2025' (a statistics office's and a Sở Công Thương's): as above
    "BC_quangninh_t5_2023.txt": Period("months", 2023, 5),
    "BD_angiang_sct_thang5_2025.txt": Period("months", 2025, 5),
    # set BF: 'THÁNG 8 VÀ 8 THÁNG NĂM 2024' (a statistics office's release): as above
    "BF_hcm_cts_thang8_2024.txt": Period("months", 2024, 8),
    # set BH: a statistics office's 'tháng 5 và 5 tháng năm 2022': as above
    "BH_tayninh_ctk_thang5_2022.txt": Period("months", 2022, 5),
    # sets BI, BJ: statistics offices' 'tháng 8 và 8 tháng năm 2024', 'tháng 10 và 10 tháng năm 2024': as above
    "BI_binhthuan_ctk_thang8_2024.txt": Period("months", 2024, 8),
    "BJ_hagiang_ctk_thang10_2024.txt": Period("months", 2024, 10),
    # sets BK, BL: statistics offices' 'tháng 10 và 10 tháng năm 2023', 'tháng 8 và 8 tháng năm 2024': as above
    "BK_laichau_ctk_thang10_2023.txt": Period("months", 2023, 10),
    "BL_tiengiang_ctk_thang8_2024.txt": Period("months", 2024, 8),
    # sets BM, BN: 'tháng 5 và 5 tháng năm 2025', 'tháng 10 và 10 tháng năm 2023': as above
    "BM_hanam_cctk_thang5_2025.txt": Period("months", 2025, 5),
    "BN_daklak_ctk_thang10_2023.txt": Period("months", 2023, 10),
    # sets BO, BP: statistics offices' 'tháng 10 và 10 tháng năm 2023': as above
    "BO_longan_ctk_thang10_2023.txt": Period("months", 2023, 10),
    "BP_bacgiang_ctk_thang10_2023.txt": Period("months", 2023, 10),
    # set BR: a statistics office's 'tháng 8 và 8 tháng năm 2025' (its manifest reads the month): as above
    "BR_lamdong_tk_thang8_2025.txt": Period("months", 2025, 8),
    # sets BS, BT: statistics offices' 'tháng 11 và 11 tháng năm 2024', 'tháng 8 và 8 tháng năm 2025': as above
    "BS_hagiang_ctk_thang11_2024.txt": Period("months", 2024, 11),
    "BT_dongthap_tk_thang8_2025.txt": Period("months", 2025, 8),
    # set BV: a statistics office's 'tháng 5 và 5 tháng năm 2025' (its manifest reads the month): as above
    "BV_quangbinh_cctk_thang5_2025.txt": Period("months", 2025, 5),
    # sets BW, BX: statistics offices' 'tháng 4 và 4 tháng năm 2026', 'tháng 11 và 11 tháng năm 2025': as above
    "BW_quangtri_tk_thang4_2026.txt": Period("months", 2026, 4),
    "BX_vinhlong_tk_thang11_2025.txt": Period("months", 2025, 11),
    # set BW: 'Kết quả hoạt động du lịch quý IV và năm 2023' (its manifest reads the quarter): the year, the wider of the
    # two it reports, as 'tháng 11 và 11 tháng' is read as the running total; quý IV questions are answered from the
    # quarter's column and sentences (a contained period)
    "BW_bariavungtau_sdl_quy4_2023.txt": Period("year", 2023),
    # sets BY, BZ: statistics offices' 'tháng 7 và 7 tháng năm 2026', 'tháng 11 và 11 tháng năm 2023': as above; a
    # 'quý II và 6 tháng đầu năm 2025' report (its manifest reads the quarter): the half year, the wider, as above
    "BY_gialai_tk_thang7_2026.txt": Period("months", 2026, 7),
    "BZ_haiphong_ctk_thang11_2023.txt": Period("months", 2023, 11),
    "BY_kontum_stc_quy2_2025.txt": Period("half", 2025, 1),
    # sets CA, CB: 'tháng 5 và 5 tháng năm 2025', 'tháng 11 và 11 tháng năm 2022/2026' read as the running totals, as above
    "CA_namdinh_cctk_thang5_2025.txt": Period("months", 2025, 5),
    "CA_binhthuan_baodientu_11thang_2022.txt": Period("months", 2022, 11),
    "CB_khanhhoa_tk_thang11_2026.txt": Period("months", 2026, 11),
    # sets CC, CD: the same ('tháng 5 và 5 tháng năm 2025'); set CC's Quảng Nam manifest gives its half year no index
    "CC_soctrang_tk_thang5_2025.txt": Period("months", 2025, 5),
    "CD_binhdinh_baobd_5thang_2025.txt": Period("months", 2025, 5),
    "CC_quangnam_cttdt_6thang_2025.txt": Period("half", 2025, 1),
    # sets CE, CF: the same; 'quý III và 9 tháng năm 2026/2021' (their manifests read the quarter): the 9 months, the
    # wider of the two, as for 'quý II và 6 tháng' above
    "CE_nghean_tbxunghe_thang11_2023.txt": Period("months", 2023, 11),
    "CF_dongnai_tk_thang8_2026.txt": Period("months", 2026, 8),
    "CE_thainguyen_tk_quy3_2026.txt": Period("nine_months", 2026),
    "CF_kontum_ctk_quy3_2021.txt": Period("nine_months", 2021),
    # sets CG, CH: the same ('tháng 8 và 8 tháng năm 2026', 'tháng 5 và 5 tháng năm 2026'; 'quý II, 6 tháng đầu năm
    # 2025': the half year)
    "CG_laocai_tk_thang8_2026.txt": Period("months", 2026, 8),
    "CH_quangngai_tk_thang5_2026.txt": Period("months", 2026, 5),
    "CH_quangbinh_sct_quy2_2025.txt": Period("half", 2025, 1),
    # sets CI, CJ: the same ('quý III và 9 tháng năm 2026/2022': the 9 months; 'tháng 7 và 7 tháng năm 2026')
    "CI_cantho_tk_quy3_2026.txt": Period("nine_months", 2026),
    "CJ_tayninh_baotn_quy3_2022.txt": Period("nine_months", 2022),
    "CJ_haiphong_tk_thang7_2026.txt": Period("months", 2026, 7),
    # set DH: the same ('tháng 10 và 10 tháng năm 2023': the 10 months; 'quý II và 6 tháng đầu năm 2024': the half)
    "DH_Nam_Dinh_CongTTDT_T10_2023.txt": Period("months", 2023, 10),
    "DH_Khanh_Hoa_UBND_Q2_2024.txt": Period("half", 2024, 1),
    # 'quý III năm 2022 (kèm số liệu lũy kế 9 tháng năm 2022)': the running total, as 'tháng 11 và 11 tháng' is read
    "DR_Dong_Nai_UBND_Q3-2022.txt": Period("nine_months", 2022),
}


@pytest.mark.parametrize("entry", MANIFEST, ids=[d["doc"] for d in MANIFEST])
def test_period_and_province_of_every_layout(entry):
    meta = _meta(entry["doc"])
    expected = DISPUTED.get(entry["doc"]) or _period(entry["period"])
    # a document dated before its period begins (a resolution on next year's plan) plans that period (and reports on
    # the year before when its body reviews that year)
    assert meta["period"] == expected or meta["next_period"] == expected and (
        meta["period"] is None or meta["period"] == Period("year", expected.year - 1)), meta["title"]
    # a two-province article: either; a former name ('Thừa Thiên Huế') is read as today's ('Huế')
    # the manifest may write the city with its title ('TP. Hồ Chí Minh'): the name is what counts
    names = [re.sub(r"^(?:tp\.?|thanh pho|tinh)\s+", "", fold_ocr(p)) for p in entry["province"].split(", ")]
    # a region's bulletin, one line per province, is of none of them: each question picks its line
    regional = [None] if len(names) >= 3 else []
    assert meta["province"] in [provinces().get(n, n) for n in names] + regional
    assert meta["period_source"] in ("title", "heading", "body")  # never the file name when the text says it
    assert meta["province_source"] in ("letterhead", "title", "body", *regional)
    assert meta["title"] and meta["title"] != "fallback"



def test_a_portal_page_s_headline_under_its_posting_time_is_its_title_not_the_site_s_notice():
    """A portal page copied whole (invented figures): the site's name, a tool line, a menu of items set apart by runs
    of spaces, the section path, a running notice naming a month, the posting time, the page's tools, then the
    headline. The headline is the title and gives the period (the notice's 'tháng 12/2027' is no period of the
    story's); a headline above the posting time stays the title (set CL's Lai Châu)."""
    lines = ["Cổng Thông tin điện tử tỉnh Lai Châu", "Đăng nhập | Sơ đồ cổng | English | Tìm kiếm...",
             "Trang chủ   Giới thiệu   Tin tức - Sự kiện   Chính quyền   Văn bản - Chỉ đạo điều hành   Liên hệ",
             "Trang chủ > Tin tức - Sự kiện > Tin Chính trị",
             "Thông báo: Lịch tiếp công dân định kỳ tháng 12/2027 của Chủ tịch UBND tỉnh",
             "Thứ ba, 10/12/2027 16:42", "Cỡ chữ: A-  A  A+   |   In bài   |   Gửi email",
             "Khai mạc Kỳ họp thứ mười, HĐND tỉnh: Năm 2027 có 11/13 chỉ tiêu chủ yếu đạt và vượt kế hoạch", "",
             "(laichau.gov.vn) - Sáng 10/12, HĐND tỉnh khai mạc kỳ họp thường lệ cuối năm 2027.",
             "Tổng thu ngân sách nhà nước trên địa bàn năm 2027 ước đạt 2.856 tỷ đồng."]
    meta = extract(lines, "fallback", filename="tin.txt")
    assert meta["title"].startswith("Khai mạc Kỳ họp thứ mười") and meta["period"] == Period("year", 2027)
    assert meta["kind"] == "tin bài" and meta["issuer"] == "Cổng Thông tin điện tử tỉnh Lai Châu"
    above = lines[:4] + ["Lai Châu: Tăng trưởng kinh tế 6 tháng đầu năm 2027 ước đạt 7,92%", "Thứ ba, 04/07/2027 08:30",
                         "(laichau.gov.vn) - Sáng 4/7, UBND tỉnh tổ chức hội nghị sơ kết 6 tháng đầu năm 2027,"]
    meta = extract(above, "fallback", filename="tin.txt")
    assert meta["title"].startswith("Lai Châu: Tăng trưởng") and meta["period"] == Period("half", 2027, 1)


def test_a_paper_s_headline_under_its_posting_time_and_section_path_is_its_title():
    """A paper's page whose posting time stands at its top (the fourth line), then the section path, an advert's
    label and the headline (set CP's Bắc Ninh, figures invented): the headline is the title, not the section path."""
    lines = ["Báo Bắc Ninh điện tử - Cơ quan của Đảng bộ, chính quyền và nhân dân tỉnh Bắc Ninh",
             "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội", "Đăng nhập | Đăng ký | Tìm kiếm...",
             "Thứ Sáu, 02/07/2027 - 16:45 (GMT+7)", "Trang chủ > Kinh tế > Kinh tế - Đầu tư", "Quảng cáo", "",
             "Bắc Ninh: GRDP 6 tháng đầu năm 2027 tăng 7,16%, xuất khẩu vượt 20 tỷ USD",
             "Cập nhật: 02/07/2027 16:45 | Tác giả: Thu Hằng", "",
             "(BBN) - Chiều 2/7, UBND tỉnh tổ chức họp báo thông tin kinh tế - xã hội 6 tháng đầu năm 2027."]
    meta = extract(lines, "fallback", filename="tin.txt")
    assert meta["title"].startswith("Bắc Ninh: GRDP 6 tháng") and meta["period"] == Period("half", 2027, 1)


def test_a_headline_s_kicker_ending_in_a_colon_goes_on_in_the_line_under_it():
    """'HỌP BÁO KINH TẾ - XÃ HỘI QUÝ I/2027:' over the headline (CR's Bà Rịa - Vũng Tàu page, figures invented): the two
    lines are the title (the page's 'Đăng nhập | Đăng ký' line had been); the paper's name holds 'Báo điện tử'."""
    lines = ["BRVT ONLINE - Báo điện tử tỉnh Bà Rịa - Vũng Tàu", "Thứ Sáu, 02/04/2027 | 21:15 GMT+7",
             "Đăng nhập | Đăng ký | RSS | English", "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội", "Tìm kiếm...",
             "", "Trang chủ > Kinh tế > Kinh tế - Đầu tư", "", "Cập nhật: 18:42 ngày 02/04/2027", "Lượt xem: 2.847", "",
             "HỌP BÁO KINH TẾ - XÃ HỘI QUÝ I/2027:", "GRDP không kể dầu khí tăng 3,54%, thu ngân sách đạt gần 26% dự toán",
             "", "(BRVT) - Chiều 2/4, UBND tỉnh tổ chức họp báo thông tin kinh tế - xã hội quý I/2027."]
    meta = extract(lines, "fallback", filename="tin.txt")
    assert meta["title"] == ("HỌP BÁO KINH TẾ - XÃ HỘI QUÝ I/2027: GRDP không kể dầu khí tăng 3,54%, thu ngân sách đạt "
                             "gần 26% dự toán")
    assert meta["period"] == Period("quarter", 2027, 1) and meta["issuer"].startswith("BRVT ONLINE")


def test_a_title_saved_from_pdf_ends_where_its_lead_begins():
    """No blank line between a wrapped title and the lead (a text saved from PDF, invented): the lead's long sentence
    and the addressee are not the title's."""
    lines = ["UBND TỈNH ĐẮK LẮK", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Số: 3867/BC-SKHĐT", "BÁO CÁO",
             "Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2027;", "một số nhiệm vụ trọng tâm tháng 12 năm 2027",
             "Thực hiện Quyết định số 34/QĐ-UBND ngày 06/01/2027 của UBND tỉnh ban hành kế hoạch thực",
             "hiện các nghị quyết của HĐND tỉnh, Sở Kế hoạch và Đầu tư báo cáo như sau:"]
    meta = extract(lines, "fallback", filename="bc.txt")
    assert meta["title"] == ("Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2027; một số nhiệm vụ trọng tâm "
                             "tháng 12 năm 2027")
    lines[4:8] = ["Tình hình thực hiện dự toán thu, chi ngân sách 9 tháng năm 2027", "Kính gửi: Ủy ban nhân dân tỉnh."]
    assert extract(lines, "fallback", filename="bc.txt")["title"].endswith("9 tháng năm 2027")

def test_kinds_and_issuers():
    news = _meta("a_tin_20230714.txt")
    assert news["kind"] == "tin bài" and news["issuer"] == "Báo Quảng Nam"
    stats = _meta("a_dongnai_ktxh_thang-10-2022.txt")
    assert stats["issuer"] == "Cục Thống kê tỉnh Đồng Nai" and stats["title"].startswith("TÌNH HÌNH KINH TẾ")
    dept = _meta("b_sct_hp_0707.txt")  # two-column letterhead: the department, not 'Độc lập ...'
    assert dept["issuer"] == "Sở Công Thương thành phố Hải Phòng" and dept["number"] == "1856/BC-SCT"
    assert _meta("b_haiphong_tcbc_quy1_2024.txt")["kind"] == "thông cáo báo chí"
    assert _meta("a_bieu_cantho_nam-2023.md")["kind"] == "biểu số liệu"
    # a provincial capital's committee, on one letterhead line: a unit below Bạc Liêu province, not the province
    city = _meta("s_tp_baclieu_9t-2024.pdf")
    assert city["issuer"] == "UBND thành phố Bạc Liêu" and city["province"] == "Bạc Liêu"
    assert _meta("s_bantin_taynguyen_2022.txt")["province"] is None  # five provinces' lines: none of them
    # a PDF's text joined the letterhead's two columns with one space (or a dash): the national heading is not part
    # of the department's name
    joined = ["UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ Độc lập - Tự do - Hạnh phúc",
              "Số: 12/BC-SKHĐT Lâm Đồng, ngày 05 tháng 12 năm 2022", "BÁO CÁO", "Tình hình kinh tế - xã hội tháng 11"]
    assert extract(joined, "x", filename="x.txt")["issuer"] == "Sở Kế hoạch và Đầu tư tỉnh Lâm Đồng"
    dashed = ["UBND TỈNH ĐẮK LẮK — CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG — Độc lập - Tự do - Hạnh phúc", "BÁO CÁO", "Kết quả sản xuất năm 2025"]
    assert extract(dashed, "x", filename="x.txt")["issuer"] == "Sở Nông nghiệp và môi trường tỉnh Đắk Lắk"


def test_month_and_running_total_release_covers_the_running_total():
    # 'tháng 3 và quý I năm 2023': the release gives both; the quarter holds the month
    assert _meta("a_binhduong_ktxh_quy-1-2023.txt")["period"] == Period("quarter", 2023, 1)
    # '9 tháng năm 2023 và ước thực hiện cả năm 2023': the year is an estimate, not the period covered
    meta = _meta("b_stc_khanhhoa_9t2023.txt")
    assert meta["period"] == Period("nine_months", 2023) and meta["next_period"] == Period("year", 2023)


def test_period_from_lead_sentence_then_body_then_file_name():
    lead = ["Khánh Hòa: khách quốc tế tăng mạnh", "", "Trong 11 tháng năm 2023, tỉnh đón 2,4 triệu lượt khách."]
    meta = extract(lead, "x", filename="tin.txt")
    assert meta["period"] == Period("months", 2023, 11) and meta["period_source"] in ("heading", "body")
    bare = ["Một vài con số", "", *["x"] * 30, "Thu ngân sách quý II năm 2024 đạt 1.200 tỷ đồng.",
            "Chi ngân sách quý II năm 2024 là 900 tỷ đồng.", "So với năm 2020 tăng."]
    meta = extract(bare, "x", filename="a.txt")
    assert meta["period"] == Period("quarter", 2024, 2) and meta["period_source"] == "body"
    meta = extract(["Ghi chép", "", "Không có kỳ nào."], "x", filename="dong-nai_thang-10-2022.txt")
    assert meta["period"] == Period("month", 2022, 10) and meta["period_source"] == "filename"
    assert meta["province"] == "Đồng Nai" and meta["province_source"] == "filename"


def test_a_meeting_month_in_the_lead_widens_to_the_running_total_it_reviews():
    # invented texts: the meeting is monthly, what it reviews is the running total to that month
    speech = ["KẾT LUẬN CỦA CHỦ TỊCH", "tại Hội nghị giao ban tháng 9 năm 2023",
              "(đánh giá kết quả 9 tháng đầu năm và nhiệm vụ quý IV năm 2023)", "", "Thưa các đồng chí, ..."]
    assert extract(speech, "x", filename="kl.txt")["period"] == Period("nine_months", 2023)
    # a month whose running total comes only later in the body stays the month
    monthly = ["THÔNG TIN NHANH", "Kết quả thu ngân sách tháng 6 năm 2023", "", "Thu nội địa tăng.", "Thu khác giảm.",
               "Lũy kế 6 tháng đầu năm 2023 thu 4.000 tỷ đồng."]
    assert extract(monthly, "x", filename="t.txt")["period"] == Period("month", 2023, 6)


@pytest.mark.parametrize("name, paper, headline", [
    ("c_tin_hatinh_20241210.txt", "BÁO ĐIỆN TỬ KINH TẾ MIỀN TRUNG", "Hà Tĩnh: Tăng trưởng GRDP năm 2024"),
    ("d_tin_gialai_20240712.txt", "BÁO ĐIỆN TỬ PHỐ NÚI", "Gia Lai: Tăng trưởng kinh tế 6 tháng"),
    ("c_tin_thuysan_20240115.txt", "NÔNG THÔN NGÀY NAY ĐIỆN TỬ", "Kiên Giang và Bình Định: Sản lượng"),
])
def test_an_online_paper_head_names_the_paper_and_the_headline_is_the_title(name, paper, headline):
    meta = _meta(name)  # masthead, section path, posting time; then the headline
    assert meta["kind"] == "tin bài" and meta["issuer"] == paper and meta["title"].startswith(headline)
    assert _meta("a_tin_20230714.txt")["title_lines"] == range(0, 1)  # a bare headline on the first line


def test_a_portal_s_name_and_posting_line_are_no_title():
    """A ministry portal's or paper's name over its page, and the line saying when and where it was posted, are not
    what the page is about: the headline under them is (invented text; set AI's two-province bulletin)."""
    page = ["BỘ NÔNG NGHIỆP", "CỔNG THÔNG TIN ĐIỆN TỬ - TIN ĐỊA PHƯƠNG", "",
            "Ngày đăng: 05/10/2024 | Chuyên mục: Thủy sản", "",
            "THỦY SẢN 9 THÁNG NĂM 2024: AN HÒA VÀ BÌNH LÂM CÙNG TĂNG", "", "Sản lượng thủy sản của An Hòa ..."]
    meta = extract(page, "fallback", filename="tin.txt")
    assert meta["title"].startswith("THỦY SẢN 9 THÁNG NĂM 2024") and meta["period_source"] == "title"
    talk = ["BÁO VĂN HÓA MIỀN NÚI", "Chuyên mục: Đối thoại", "Đăng ngày 15/01/2025", "",
            "Giám đốc Sở Du lịch: \"Năm 2024 du lịch tăng trưởng mạnh\"", "", "Năm 2024, ..."]
    assert extract(talk, "fallback", filename="tin.txt")["title"].startswith("Giám đốc Sở Du lịch")
    # a report's title opening 'Báo cáo' or a ministry's own field is still the title
    assert extract(["Báo cáo tình hình kinh tế - xã hội tháng 9"], "x", filename="b.txt")["title"].startswith("Báo cáo")


def test_a_second_province_of_a_bulletin_s_headline_is_answered_from_it(wide_engine):
    ans = wide_engine.ask("Riêng tháng 10/2024, Nam Định xuất khẩu được bao nhiêu?")
    assert ans.answered and ans.figures[0].value == "368,4", ans.answer


def test_a_news_lead_s_bracketed_source_or_a_posting_time_makes_a_news_page():
    """'(Báo X) - Dù ...', '(KTCN) - Theo báo cáo ...' open a news lead; 'Thứ Hai, 08/01/2024 - 06:45' is a page
    posted at a time of day: news, with or without a paper's name (invented texts)."""
    lead = ["An Hòa: Thu ngân sách năm 2024 vượt dự toán", "", "(Báo Kinh tế Duyên Hải) - Dù xuất khẩu gặp khó, "
            "thu ngân sách năm 2024 của tỉnh An Hòa ước đạt 9.120 tỷ đồng."]
    meta = extract(lead, "fallback", filename="tin.txt")
    assert meta["kind"] == "tin bài" and meta["issuer"] == "Báo Kinh tế Duyên Hải"
    posted = ["Kinh tế - Thời sự | Thứ Hai, 08/01/2024 - 06:45", "An Hòa: Tăng trưởng năm 2023 đạt 6,1%",
              "Kinh tế An Hòa năm 2023 tăng trưởng khá."]
    assert extract(posted, "fallback", filename="tin.txt")["kind"] == "tin bài"
    # a numbered footnote or a bracketed note is no source; a report stays a report
    report = ["Tình hình kinh tế - xã hội năm 2023 của tỉnh An Hòa", "(1) - Số liệu ước tính.",
              "Tổng sản phẩm trên địa bàn tăng 6,1%."]
    assert extract(report, "fallback", filename="bc.txt")["kind"] != "tin bài"


def test_a_year_counted_to_a_month_end_in_the_title_is_the_running_total():
    title = ["UBND TỈNH AN HÒA", "BÁO CÁO",
             "Tình hình giải ngân kế hoạch vốn đầu tư công năm 2024 (số liệu đến hết ngày 30/6/2024)"]
    meta = extract(title + ["Nội dung báo cáo."], "fallback", filename="bc.txt")
    assert meta["period"] == Period("half", 2024, 1)
    whole = extract(["BÁO CÁO", "Tình hình giải ngân vốn đầu tư công năm 2024 (số liệu đến ngày 31/12/2024)"],
                    "fallback", filename="bc.txt")
    assert whole["period"] == Period("year", 2024)


def test_the_planned_period_is_the_one_a_plan_word_names():
    # figures invented; an estimate of the year is not the plan, 'dự toán năm 2026' is
    lines = ["SỞ TÀI CHÍNH TỈNH ĐỒNG NAI", "BÁO CÁO",
             "Tình hình thực hiện thu, chi ngân sách nhà nước 11 tháng năm 2025,",
             "ước thực hiện cả năm 2025 và dự toán năm 2026", "", "Tổng thu 11 tháng đạt 78.612,5 tỷ đồng."]
    meta = extract(lines, "x", filename="bc.txt")
    assert meta["period"] == Period("months", 2025, 11) and meta["next_period"] == Period("year", 2026)
    # without a plan word the next period named stays the estimate, as before
    meta = _meta("b_stc_khanhhoa_9t2023.txt")
    assert meta["next_period"] == Period("year", 2023)


def test_a_span_of_years_is_reported_on_up_to_its_last_year():
    # figures invented; a review of a span (its first year is where it starts), not a plan that follows a year
    def periods(title):
        meta = extract(["BÁO CÁO", title, "", "Bình quân giai đoạn tăng 6,8%/năm."], "x", filename="x.txt")
        return meta["period"], meta["next_period"]
    assert periods("Tổng kết 5 năm thực hiện Chương trình mục tiêu giai đoạn 2016 - 2020") == (Period("year", 2020), None)
    # (a horizon, 'định hướng đến năm 2030', is no period planned)
    assert periods("Sơ kết Nghị quyết số 12-NQ/TU ngày 02/4/2021, giai đoạn 2021-2025, định hướng đến năm 2030") \
        == (Period("year", 2025), None)
    assert periods("Tình hình kinh tế - xã hội năm 2025 và kế hoạch 5 năm 2026 - 2030")[0] == Period("year", 2025)
    # Word types the dash as an en dash: the same span (was read as its first year)
    assert periods("Tổng kết kế hoạch phát triển kinh tế - xã hội 5 năm giai đoạn 2021–2025 và định hướng 5 năm "
                   "giai đoạn 2026—2030")[0] == Period("year", 2025)


def test_the_body_under_a_two_line_letterhead_issues_the_report():
    # figures invented; the unit below the province, an agency under a ministry, an economic-zone board
    def issuer(head):
        return extract(head + ["", "BÁO CÁO", "Kết quả năm 2024", "", "Thu ngân sách đạt 120 tỷ đồng."], "x",
                       filename="x.txt")["issuer"]
    assert issuer(["ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "PHƯỜNG TRƯỜNG VINH                   Độc lập - Tự do - Hạnh phúc",
                   "Số: 12/BC-UBND                       Trường Vinh, ngày 24 tháng 9 năm 2025"]) == "UBND phường Trường Vinh"
    assert issuer(["BỘ TÀI CHÍNH                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "KHO BẠC NHÀ NƯỚC NGHỆ AN              Độc lập - Tự do - Hạnh phúc"]).startswith("Kho")
    assert issuer(["UBND TỈNH QUẢNG TRỊ", "VĂN PHÒNG"]) == "UBND tỉnh Quảng Trị"  # a press office speaks for it
    assert issuer(["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]) == "UBND tỉnh Lạng Sơn"
    # the province above, the committee and its unit on one line under it (was read as the province's committee)
    assert issuer(["TỈNH ĐẮK LẮK", "ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC", "Số: 486/BC-UBND"]) == "UBND huyện Krông Pắc"
    assert issuer(["TỈNH ĐẮK LẮK", "UBND THỊ XÃ BUÔN HỒ"]) == "UBND thị xã Buôn Hồ"
    # a People's Council's resolution is the council's (was read as the People's Committee's)
    assert issuer(["HỘI ĐỒNG NHÂN DÂN                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "TỈNH BÌNH THUẬN                     Độc lập - Tự do - Hạnh phúc"]) == "HĐND tỉnh Bình Thuận"
    # a statistics office under its superior, with tabs or spaces (was 'Tổng Cục thống kê tỉnh ...', OCR'd too)
    assert issuer(["TỔNG CỤC THỐNG KÊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "CỤC THỐNG KÊ TP. ĐÀ NẴNG\tĐộc lập - Tự do - Hạnh phúc"]) == "Cục Thống kê thành phố Đà Nẵng"
    assert issuer(["Tong Cùc thống kệ                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "CỤC THỐNG KÊ TỈNH SÓC TRĂNG           Độc lập - Tự do - Hạnh phúc"]) == "Cục Thống kê tỉnh Sóc Trăng"
    assert issuer(["TỔNG CỤC HẢI QUAN", "CỤC HẢI QUAN TỈNH LẠNG SƠN"]).startswith("Cục Hải quan")  # not a statistics one


def test_periods_a_title_states_without_the_usual_words():
    """Invented heads of layouts set P brought: a school year, a week's day span, a headline without its year,
    a release date above the title, a 'BÁO CÁO NHANH'."""
    school = ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "BÁO CÁO", "Tổng kết năm học 2024 - 2025 và nhiệm vụ năm học 2025 - 2026", "",
              "Năm học 2024 - 2025 là năm thứ sáu thực hiện Chương trình giáo dục phổ thông 2018."]
    meta = extract(school, "x")
    assert meta["period"] == Period("year", 2025) and meta["next_period"] == Period("year", 2026)  # the next one planned
    week = ["UBND TỈNH SƠN LA", "VĂN PHÒNG", "Sơn La, ngày 20 tháng 3 năm 2025", "BÁO CÁO NHANH",
            "Tình hình kinh tế - xã hội tuần 11 (từ ngày 10/3 đến ngày 16/3/2025)", "", "I. LŨY KẾ NĂM 2025"]
    meta = extract(week, "x")
    assert meta["kind"] == "báo cáo" and meta["title"].startswith("Tình hình") and meta["period"] == Period("month", 2025, 3)
    news = ["Kinh tế | Thứ Hai, 14/7/2025 - 08:30", "", "Sơn La tăng trưởng 8,1% trong 6 tháng",
            "Nhờ Năm Du lịch quốc gia 2025, kinh tế của tỉnh tăng khá."]
    assert extract(news, "x")["period"] == Period("half", 2025, 1)
    january = ["Thời sự | Thứ Ba, 14/01/2025 - 09:00", "", "Sơn La: xuất khẩu tháng 12 tăng 12%"]
    assert extract(january, "x")["period"] == Period("month", 2024, 12)  # posted after the month it reports
    bulletin = ["BẢN TIN THỐNG KÊ TỈNH SƠN LA", "Số 06/2025 - Phát hành ngày 05 tháng 7 năm 2025",
                "Tình hình kinh tế - xã hội 6 tháng đầu năm 2025"]
    assert extract(bulletin, "x")["period"] == Period("half", 2025, 1)


def test_a_headline_above_the_byline_is_the_title_and_a_markdown_heading_is_marked():
    # invented page: section path, headline and sapo above the byline with its posting time
    from tracuu.ingest.text_tables import markdown_headings, markdown_plain
    page = ["[Trang chủ](/) › [Kinh tế](/kinh-te)", "", "# An Hòa: GRDP quý I/2025 tăng 8,1%, cao nhất ba năm", "",
            "**Quý I/2025, kinh tế An Hòa tăng trưởng khá.**", "", "*Minh Hà · Thứ Bảy, 05/04/2025 - 09:12 (GMT+7)*", "",
            "AN HÒA - Chiều 04/4, UBND tỉnh An Hòa họp phiên thường kỳ tháng 4.", "",
            "## Những con số nổi bật quý I/2025", "", "- Thu hút FDI: 212,6 triệu USD."]
    hints = markdown_headings(page, {})
    assert hints == {2: "h1", 10: "h2"}
    meta = extract(markdown_plain(page), "fallback", filename="tin_20250405.md", hints=hints)
    assert meta["title"].startswith("An Hòa: GRDP quý I/2025") and meta["period"] == Period("quarter", 2025, 1)
    # a masthead's own name above the posting time is no headline (no figure, no period)
    paper = ["NHỊP SỐNG AN HÒA - TIN NHANH", "Kinh tế | Thứ Ba, 08/10/2024 - 16:45", "",
             "An Hòa: GRDP 9 tháng năm 2024 tăng 7,6%", "", "(NSAH) - Kinh tế An Hòa 9 tháng tăng khá."]
    assert extract(paper, "fallback", filename="tin.txt")["title"].startswith("An Hòa: GRDP 9 tháng")


def test_an_hdnd_session_letterhead_and_its_term_are_no_title_and_no_period():
    # a council session transcript: 'HỘI ĐỒNG NHÂN DÂN TỈNH ...', 'KHÓA XIX, NHIỆM KỲ 2021 - 2026', 'KỲ HỌP THỨ ...'
    speech = _meta("y_phatbieu_hdnd_yenbai_2023.txt")
    assert speech["period"] == Period("year", 2023) and speech["next_period"] is None
    assert not speech["title"].startswith("HỘI ĐỒNG NHÂN DÂN") and speech["province"] == "Yên Bái"


def test_a_plan_resolution_reports_on_the_year_its_body_reviews():
    """An HĐND resolution on next year's plan, dated in December (invented figures): its Điều 1 states this year's
    estimated results, so this year is its period and next year its plan; with no review, it only plans."""
    head = ["HỘI ĐỒNG NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "   TỈNH HÒA AN                        Độc lập - Tự do - Hạnh phúc",
            "Số: 12/NQ-HĐND                     Hòa An, ngày 10 tháng 12 năm 2024", "",
            "NGHỊ QUYẾT", "Về kế hoạch phát triển kinh tế - xã hội năm 2025", "", "QUYẾT NGHỊ:"]
    review = ["Điều 1. Đánh giá tình hình thực hiện kế hoạch năm 2024",
              "a) Tăng trưởng GRDP năm 2024 ước đạt 7,1%, vượt kế hoạch.",
              "b) Thu ngân sách năm 2024 ước 3.412,5 tỷ đồng, bằng 110% dự toán."]
    plan = ["Điều 2. Các chỉ tiêu chủ yếu năm 2025", "(1) Tăng trưởng GRDP đạt 8% trở lên;", "(2) Thu ngân sách 3.600 tỷ đồng."]
    meta = extract(head + review + plan, "fallback")
    assert meta["period"] == Period("year", 2024) and meta["next_period"] == Period("year", 2025)
    meta = extract(head + plan, "fallback")
    assert meta["period"] is None and meta["next_period"] == Period("year", 2025)


def test_an_e_mail_is_named_by_its_subject_and_an_office_line_is_letterhead():
    """A bulletin saved from e-mail (its header lines first) and a press briefing's record under 'VĂN PHÒNG' (set AO's
    layouts; figures invented): the subject and the record's caps line are the titles, and their periods the titles'."""
    mail = ["From: Trung tâm Thông tin, Sở Tài chính tỉnh Hòa An <bantin@hoaan.gov.vn>",
            "To: Danh sách nhận bản tin", "Date: Wed, 04 Mar 2026 16:45:12 +0700",
            "Subject: [Bản tin kinh tế] Số 09/2026 - Tổng hợp tin tháng 2 năm 2026", "",
            "Kính gửi Quý lãnh đạo,", "[02/02/2026] THU NGÂN SÁCH THÁNG 1",
            "Thu ngân sách tháng 1/2026 ước đạt 4.612,4 tỷ đồng."]
    meta = extract(mail, "fallback")
    assert meta["title"] == "Số 09/2026 - Tổng hợp tin tháng 2 năm 2026" and meta["period"] == Period("month", 2026, 2)
    record = ["ỦY BAN NHÂN DÂN THÀNH PHỐ HÒA AN", "VĂN PHÒNG", "-" * 40,
              "GHI CHÉP NỘI DUNG HỌP BÁO ĐỊNH KỲ QUÝ III NĂM 2025", "(Bản ghi theo băng ghi âm)",
              "[15:02] Người phát ngôn: GRDP quý III ước tăng 9,42%."]
    meta = extract(record, "fallback")
    assert meta["title"] == "GHI CHÉP NỘI DUNG HỌP BÁO ĐỊNH KỲ QUÝ III NĂM 2025", meta["title"]
    assert meta["period"] == Period("quarter", 2025, 3)


def test_a_news_page_copied_whole_with_its_menu_is_titled_by_its_headline():
    """Paper name, motto, a menu of one-word items, the posting time, then the headline (invented page)."""
    page = ["Báo Long An Online", "Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Long An", "Trang chủ", "Thời sự",
            "Chính trị", "Kinh tế", "Xã hội", "Văn hóa - Văn nghệ", "Thể thao", "Đăng nhập", "Tìm kiếm...",
            "Trang chủ › Kinh tế › Đầu tư", "Thứ Năm, 01/12/2022 | 16:42 GMT+7",
            "Long An: Kinh tế 11 tháng năm 2022 tiếp tục phục hồi", "Cỡ chữ A- A A+", "Chia sẻ:", "",
            "(BLA) - Trong 11 tháng năm 2022, thu ngân sách ..."]
    meta = extract(page, "x", filename="tin.txt")
    assert meta["kind"] == "tin bài" and meta["issuer"] == "Báo Long An Online"
    assert meta["title"].startswith("Long An: Kinh tế 11 tháng") and meta["period"] == Period("months", 2022, 11)
    # a report whose first lines are letterhead, not a paper's name, is no news page for a time in its body
    report = ["UBND TỈNH A", "SỞ TÀI CHÍNH", "Số: 12/BC-STC", "BÁO CÁO", "Thu ngân sách tháng 5 năm 2023", "",
              "Cập nhật 05/06/2023 10:15"]
    assert extract(report, "x", filename="r.txt")["kind"] == "báo cáo"
    # a portal prints the headline above the posting time, and its page tools after it (invented page)
    portal = ["CỔNG THÔNG TIN ĐIỆN TỬ TỈNH A", "A PROVINCE PORTAL", "", "Trang chủ", "Tin tức - Sự kiện", "Văn bản",
              "Tìm kiếm...", "", "Trang chủ > Tin tức - Sự kiện > Kinh tế", "",
              "Tỉnh A: Tăng trưởng kinh tế 6 tháng đầu năm 2024 ước đạt 7,92%", "",
              "Ngày đăng: 04/07/2024 08:30 | Lượt xem: 1.284", "Cỡ chữ: A- A A+ | In trang | Gửi email", "",
              "Sáng 03/7, UBND tỉnh họp phiên thường kỳ tháng 6 ..."]
    meta = extract(portal, "x", filename="p.txt")
    assert meta["title"] == "Tỉnh A: Tăng trưởng kinh tế 6 tháng đầu năm 2024 ước đạt 7,92%", meta["title"]
    assert meta["kind"] == "tin bài" and meta["period"] == Period("half", 2024, 1)
    # (a headline without its year, 'Tăng trưởng kinh tế 9 tháng ước đạt 6,62%', is of the year the page was posted)
    paper = ["BÁO A ĐIỆN TỬ", "Cơ quan của Đảng bộ tỉnh A", "", "Trang chủ", "Thời sự", "Kinh tế", "Xã hội", "Văn hóa",
             "Quốc phòng - An ninh", "Video", "", "Kinh tế > Đầu tư - Phát triển", "",
             "Tăng trưởng kinh tế 9 tháng ước đạt 6,62%", "", "Thứ Tư, 27/09/2023 - 06:15", "",
             "(BTA) - Chiều 26/9, Ủy ban nhân dân tỉnh tổ chức phiên họp thường kỳ tháng 9 ..."]
    meta = extract(paper, "x", filename="t.txt")
    assert meta["title"] == "Tăng trưởng kinh tế 9 tháng ước đạt 6,62%" and meta["period"] == Period("nine_months", 2023)


def test_a_headline_s_running_total_without_its_year_is_of_the_year_it_names():
    """'Kinh tế 11 tháng giữ đà tăng trưởng, phấn đấu hoàn thành 21/23 chỉ tiêu năm 2023' (invented headline): the
    article is on the 11 months, the year is what its targets are of."""
    page = ["BÁO A ĐIỆN TỬ", "Trang chủ", "Kinh tế", "Xã hội", "",
            "Tỉnh A: Kinh tế 11 tháng giữ đà tăng trưởng, phấn đấu hoàn thành 21/23 chỉ tiêu năm 2023", "",
            "Cập nhật lúc: 16:45 - 06/12/2023", "", "(TA) - Chiều 05/12, UBND tỉnh họp phiên thường kỳ tháng 11 ..."]
    assert extract(page, "x", filename="t.txt")["period"] == Period("months", 2023, 11)
    # (a title naming the year only keeps it)
    assert extract(["Tình hình kinh tế - xã hội năm 2023", "", "Năm 2023 ..."], "x", filename="r.txt")["period"] == \
        Period("year", 2023)


def test_a_two_column_letterhead_saved_with_a_tab_issues_from_its_left_column():
    """Word saved as text puts a tab between the letterhead's columns (invented annex)."""
    lines = ["UBND TỈNH BÌNH DƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ\tĐộc lập - Tự do - Hạnh phúc",
             "", "Biểu số 01", "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THÁNG 7 VÀ 7 THÁNG NĂM 2024"]
    assert extract(lines, "x", filename="b.txt")["issuer"] == "Sở Kế hoạch và Đầu tư tỉnh Bình Dương"


def test_an_office_line_under_the_agency_is_letterhead_not_the_title():
    """'CỤC THỐNG KÊ TỈNH A' over 'PHÒNG THỐNG KÊ TỔNG HỢP', then the title of an annex of tables (invented)."""
    lines = ["CỤC THỐNG KÊ TỈNH TIỀN GIANG", "PHÒNG THỐNG KÊ TỔNG HỢP", "", "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU",
             "THÁNG 9 VÀ 9 THÁNG NĂM 2024", "", "Biểu 01. Tốc độ tăng GRDP"]
    meta = extract(lines, "x", filename="b.txt")
    assert meta["title"] == "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU THÁNG 9 VÀ 9 THÁNG NĂM 2024", meta["title"]
    assert meta["issuer"] == "Cục Thống kê tỉnh Tiền Giang"
    # (a report about prevention keeps its title)
    assert extract(["PHÒNG, CHỐNG THIÊN TAI NĂM 2024", "", "Kết quả ..."], "x", filename="c.txt")["title"].startswith(
        "PHÒNG, CHỐNG")


def test_a_section_path_or_a_player_s_line_is_no_title_and_the_posting_date_is_kept():
    """A paper's page with a note above its headline (tests/data/invented/lch_bao_6thang_2027.txt), and one whose
    headline follows the size tools and an audio player's line (set BI's Bạc Liêu, figures invented): the headline is
    the title, not the section path; the posting time dates the page. An OCR'd '|' for 'I' makes no section path."""
    lines = (Path(__file__).parent / "data" / "invented" / "lch_bao_6thang_2027.txt").read_text("utf-8").splitlines()
    meta = extract(lines, "fallback", filename="lch_bao_6thang_2027.txt")
    assert meta["title"] == "Lai Châu: Kinh tế 6 tháng đầu năm 2027 tăng trưởng khá"
    assert meta["issuer"] == "BÁO LAI CHÂU ĐIỆN TỬ" and meta["period_source"] == "title"
    lines = ["BÁO BẠC LIÊU ĐIỆN TỬ", "Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh Bạc Liêu", "Thứ Sáu, 07/07/2023",
             "Đăng nhập | Đăng ký | RSS", "Trang chủ", "Kinh tế", "Trang chủ » Kinh tế » Đầu tư - Phát triển",
             "Cập nhật lúc 15:42, Thứ Năm, 06/07/2023 (GMT+7)", "Cỡ chữ: A- | A | A+", "Nghe đọc bài viết 00:00 / 05:12",
             "Bạc Liêu: Kinh tế 6 tháng đầu năm 2023 tăng trưởng 6,12%",
             "(BL) - Chiều 6/7, Văn phòng UBND tỉnh tổ chức họp báo về tình hình kinh tế - xã hội 6 tháng đầu năm 2023."]
    meta = extract(lines, "fallback", filename="bl.txt")
    assert meta["title"] == "Bạc Liêu: Kinh tế 6 tháng đầu năm 2023 tăng trưởng 6,12%" and meta["date"] == "2023-07-06"
    scan = ["TINH HINH K|NH TE - XA HO| 6 THANG DAU NAM 2023 TINH DONG NA|", "",
            "Tong san pham trên dia ban tinh (GRDP) 6 thang dau nam 2023 uoc tang 5,21% so voi cung ky."]
    assert extract(scan, "fallback", filename="scan.txt")["title"].startswith("TINH HINH K|NH TE")


def test_a_party_secretary_s_speech_is_the_party_committee_s_of_the_half_it_reviews():
    # invented text (the layout of set DL's Đắk Lắk): a party letterhead, a capitals title going on in lower case
    speech = ["TỈNH ỦY ĐẮK LẮK", "BAN TUYÊN GIÁO", "", "BÀI PHÁT BIỂU",
              "CỦA ĐỒNG CHÍ BÍ THƯ TỈNH ỦY TẠI HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
              "sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024",
              "(Buôn Ma Thuột, ngày 12 tháng 7 năm 2024)", "", "Kính thưa các đồng chí!"]
    meta = extract(speech, "x", filename="speech.txt")
    assert meta["period"] == Period("half", 2024, 1) and meta["next_period"] == Period("half", 2024, 2)
    assert meta["title"].startswith("BÀI PHÁT BIỂU") and meta["issuer"] == "Tỉnh ủy Đắk Lắk"


def test_the_issuer_of_a_markdown_heading_a_wrapped_department_and_no_paper_in_a_heading_s_bracket():
    # invented texts: '# CỤC THỐNG KÊ ...' of a Markdown release; a department's name wrapped onto a second line; a
    # heading's '(theo Nghị quyết HĐND tỉnh)' near the end is no newspaper's credit
    md = ["# CỤC THỐNG KÊ TỈNH BÌNH DƯƠNG", "", "## TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 5 VÀ 5 THÁNG NĂM 2023", "",
          "Chỉ số sản xuất công nghiệp tháng 5 ước tăng 2,1%."]
    assert extract(md, "x", filename="bd.md")["issuer"] == "Cục Thống kê tỉnh Bình Dương"
    wrapped = ["UBND TỈNH QUẢNG NGÃI", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI", "Số: 1526/BC-SLĐTBXH", "",
               "BÁO CÁO", "Kết quả công tác lao động 6 tháng đầu năm 2024", "", "Giải quyết việc làm cho 12.400 lao động."]
    assert extract(wrapped, "x", filename="qn.txt")["issuer"] == "Sở Lao động - Thương binh và Xã hội tỉnh Quảng Ngãi"
    yearbook = ["CỤC THỐNG KÊ TỈNH SÓC TRĂNG", "NIÊN GIÁM THỐNG KÊ TỈNH SÓC TRĂNG 2022 - PHẦN TÓM TẮT", "",
                "GRDP năm 2022 tăng 7,8%.", "", "7. Mục tiêu năm 2023 (theo Nghị quyết HĐND tỉnh)",
                "Tốc độ tăng GRDP 7,0%."]
    assert extract(yearbook, "x", filename="st.txt")["issuer"] == "Cục Thống kê tỉnh Sóc Trăng"


def test_a_wrapped_sentence_s_last_words_are_no_kind_line():
    """A statistics office's release with no kind line, its capitals title over two lines; a bullet wraps so that a line
    holds only 'kế hoạch.' (invented figures): that is no 'KẾ HOẠCH' heading the document, and the title stays the
    centred capitals lines (set DM's Hà Giang)."""
    lines = ["CỤC THỐNG KÊ TỈNH HÀ GIANG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "                                    Độc lập - Tự do - Hạnh phúc", "",
             "              TÌNH HÌNH KINH TẾ - XÃ HỘI", "            THÁNG 7 VÀ 7 THÁNG NĂM 2023", "",
             "I. SẢN XUẤT NÔNG, LÂM NGHIỆP VÀ THỦY SẢN",
             "- Vụ Mùa: toàn tỉnh gieo cấy được 27.845 ha lúa mùa, đạt 96,1% kế hoạch; trồng được 16.320 ha ngô, đạt 88,4%",
             "kế hoạch.", "- Cây chè: sản lượng 7 tháng ước đạt 41.250 tấn."]
    meta = extract(lines, "fallback", filename="ctk.txt")
    assert meta["kind"] != "kế hoạch" and meta["title"] == "TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 7 VÀ 7 THÁNG NĂM 2023"
    assert meta["period"] == Period("months", 2023, 7) and meta["period_source"] == "title"


def test_a_speech_is_read_as_one_with_its_title_under_the_kind_line():
    """'BÀI PHÁT BIỂU' over 'của đồng chí Chủ tịch ...' (invented): the kind is a speech, the title opens with the kind
    line (a title beginning 'của' names nobody's speech), and its period and the next month's tasks come from it."""
    lines = ["ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "TỈNH HẬU GIANG                       Độc lập - Tự do - Hạnh phúc",
             "                                     Hậu Giang, ngày 05 tháng 9 năm 2023", "",
             "                 BÀI PHÁT BIỂU",
             "  của đồng chí Chủ tịch UBND tỉnh tại phiên họp thường kỳ UBND tỉnh tháng 8/2023",
             "  (Kết luận về tình hình kinh tế - xã hội tháng 8 và 8 tháng năm 2023; nhiệm vụ tháng 9)", "",
             "Kính thưa các đồng chí thành viên UBND tỉnh,", "Thu ngân sách 8 tháng đạt 2.914 tỷ đồng."]
    meta = extract(lines, "fallback", filename="phatbieu.txt")
    assert meta["kind"] == "bài phát biểu"
    assert meta["title"].startswith("BÀI PHÁT BIỂU của đồng chí Chủ tịch UBND tỉnh") and "Độc lập" not in meta["title"]
    assert meta["period"] == Period("months", 2023, 8) and meta["next_period"] == Period("month", 2023, 9)
    assert meta["province"] == "Hậu Giang"


def test_a_bracketed_note_is_no_title_and_a_speech_titled_as_one_is_a_speech():
    """A transcript's note under the letterhead ('(Bản ghi theo băng ghi âm, đã được biên tập)') names nothing; the
    capitals line under it does, and 'PHÁT BIỂU CỦA ĐỒNG CHÍ ...' makes it a speech, planning the year its title names
    (invented lines, after set P's Hòa Bình)."""
    lines = ["VĂN PHÒNG UBND TỈNH HÒA BÌNH", "(Bản ghi theo băng ghi âm, đã được biên tập)", "",
             "PHÁT BIỂU CỦA ĐỒNG CHÍ CHỦ TỊCH UBND TỈNH", "TẠI HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2024, TRIỂN KHAI NHIỆM VỤ NĂM 2025",
             "Hòa Bình, ngày 06 tháng 01 năm 2025", "", "Kính thưa các đồng chí,", "Năm 2024 thu ngân sách đạt 6.012 tỷ đồng."]
    meta = extract(lines, "fallback", filename="phatbieu.txt")
    assert meta["title"].startswith("PHÁT BIỂU CỦA ĐỒNG CHÍ") and meta["kind"] == "bài phát biểu"
    assert meta["period"] == Period("year", 2024) and meta["next_period"] == Period("year", 2025)


def test_a_party_committee_s_conclusions_and_a_press_conference_s_minutes_are_their_kinds():
    # invented letterheads: a Party organisation's line over its committee's, 'KẾT LUẬN' as the kind line, a rule under
    # the title; 'BIÊN BẢN HỌP BÁO' over what the conference announced
    party = ["ĐẢNG BỘ TỈNH LAI CHÂU", "TỈNH ỦY", "*", "Số 12-KL/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Lai Châu, ngày 10 tháng 7 năm 2027",
             "", "KẾT LUẬN", "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "về tình hình 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2027",
             "-----", "", "I. ĐÁNH GIÁ TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2027", "GRDP 6 tháng tăng 7,1%."]
    m = extract(party, "fallback", filename="kl.txt")
    assert m["kind"] == "kết luận" and m["issuer"] == "Tỉnh ủy Lai Châu" and not m["title"].endswith("-")
    assert m["period"] == Period("half", 2027, 1) and m["next_period"] == Period("half", 2027, 2)
    minutes = ["CỤC THỐNG KÊ TỈNH LAI CHÂU", "Số: 45/BB-CTK", "", "BIÊN BẢN HỌP BÁO",
               "Công bố số liệu thống kê tình hình kinh tế - xã hội quý I năm 2027", "", "Thời gian: 14 giờ."]
    m = extract(minutes, "fallback", filename="bb.txt")
    assert m["kind"] == "biên bản" and m["title"].startswith("Công bố số liệu") and m["period"] == Period("quarter", 2027, 1)
