#!/usr/bin/env python3
"""Build the binary test documents (author "b") from plain-text sources.

Sources live in src/:
  *.docx.txt -> docs/<name>.docx  (python-docx: Title, centered lines, headings,
                                   body paragraphs and a real Word table)
  *.pdf.txt  -> docs/<name>.pdf   (reportlab, DejaVuSans TTF so Vietnamese renders)

Source markup (one item per line):
  #TITLE text      document title (docx)
  #CENTER text     centered paragraph (docx)
  #H text          heading (docx)
  #TABLE ... #ENDTABLE   pipe-separated rows, first row is the header (docx)
  ## text          centered bold title (pdf)
  ^ text           centered normal line (pdf)
  # text           bold heading (pdf)
  (blank line)     vertical space
  anything else    body paragraph
Only files whose name starts with "b_", "c_", "d_", "g_" or "h_" (one per author) are processed.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
DOCS = os.path.join(HERE, "docs")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def read_lines(path):
    import unicodedata
    with open(path, encoding="utf-8") as f:
        return [unicodedata.normalize("NFC", l.rstrip("\n")) for l in f]


def build_docx(src, out):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    lines = read_lines(src)
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#TITLE "):
            doc.add_heading(line[7:].strip(), level=0)
        elif line.startswith("#CENTER "):
            p = doc.add_paragraph(line[8:].strip())
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif line.startswith("#H "):
            doc.add_heading(line[3:].strip(), level=2)
        elif line.strip() == "#TABLE":
            rows = []
            i += 1
            while i < len(lines) and lines[i].strip() != "#ENDTABLE":
                if lines[i].strip():
                    rows.append([c.strip() for c in lines[i].split("|")])
                i += 1
            ncols = max(len(r) for r in rows)
            table = doc.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c in range(ncols):
                    cell = table.cell(r, c)
                    cell.text = row[c] if c < len(row) else ""
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        elif line.strip():
            doc.add_paragraph(line.strip())
        i += 1
    doc.core_properties.author = "generality-test-corpus"
    doc.save(out)


def build_pdf(src, out):
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from xml.sax.saxutils import escape

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONT_BOLD))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10.5,
                          leading=15, alignment=TA_JUSTIFY, spaceAfter=5)
    center = ParagraphStyle("center", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold",
                           fontSize=12.5, leading=17, alignment=TA_CENTER,
                           spaceBefore=4, spaceAfter=6)
    head = ParagraphStyle("head", parent=body, fontName="DejaVuSans-Bold",
                          spaceBefore=6, spaceAfter=4)
    story = []
    for line in read_lines(src):
        s = line.strip()
        if not s:
            story.append(Spacer(1, 6))
        elif s.startswith("## "):
            story.append(Paragraph(escape(s[3:]), title))
        elif s.startswith("^ "):
            story.append(Paragraph(escape(s[2:]), center))
        elif s.startswith("# "):
            story.append(Paragraph(escape(s[2:]), head))
        else:
            story.append(Paragraph(escape(s), body))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=2.5 * cm,
                            rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=os.path.basename(out),
                            author="generality-test-corpus")
    doc.build(story)


def main(argv=None):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="source names (e.g. b_x.docx.txt) to build; default: all")
    args = parser.parse_args(argv)
    os.makedirs(DOCS, exist_ok=True)
    built = []
    for name in sorted(os.listdir(SRC)):
        if not name.startswith(("b_", "c_", "d_", "g_", "h_", "i_", "v_", "w_", "x_")):
            continue
        if args.names and name not in args.names:
            continue
        path = os.path.join(SRC, name)
        if name.endswith(".docx.txt"):
            out = os.path.join(DOCS, name[: -len(".txt")])
            build_docx(path, out)
            built.append(out)
        elif name.endswith(".pdf.txt"):
            out = os.path.join(DOCS, name[: -len(".txt")])
            build_pdf(path, out)
            built.append(out)
    for b in built:
        print("built", os.path.relpath(b, HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
