#!/usr/bin/env python3
"""Merge header cells of the first Word table of a .docx built by make_binaries.build_docx.

make_binaries.build_docx writes one cell per "|" field; real reports often have two-row
headers with merged cells. This tool merges rectangular cell ranges in place, keeping the
text of the top-left cell only, and bolds the header rows.

Usage:
    python merge_docx_headers.py DOCX HEADER_ROWS R0,C0:R1,C1 [R0,C0:R1,C1 ...]

Set J used it for docs/j_caobang_bieu_6t-2023.docx (two header rows; STT, Chỉ tiêu,
Đơn vị tính and Kế hoạch span both rows; "Thực hiện" and "So sánh (%)" span two columns):
    python merge_docx_headers.py docs/j_caobang_bieu_6t-2023.docx 2 \
        0,0:1,0 0,1:1,1 0,2:1,2 0,3:1,3 0,4:0,5 0,6:0,7
"""
import sys

import docx


def merge(table, r0, c0, r1, c1):
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            if (r, c) != (r0, c0):
                table.cell(r, c).text = ""
    cell = table.cell(r0, c0).merge(table.cell(r1, c1))
    for para in cell.paragraphs[1:]:
        if not para.text.strip():
            para._element.getparent().remove(para._element)


def main(argv):
    path, header_rows, specs = argv[0], int(argv[1]), argv[2:]
    d = docx.Document(path)
    t = d.tables[0]
    for spec in specs:
        a, b = spec.split(":")
        r0, c0 = map(int, a.split(","))
        r1, c1 = map(int, b.split(","))
        merge(t, r0, c0, r1, c1)
    for r in range(header_rows):
        for cell in t.rows[r].cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.bold = True
    d.save(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
