"""Turn a file on disk into decoded lines; refuse clearly what cannot be read."""
from __future__ import annotations

from pathlib import Path

from .legacy import detect_and_convert  # legacy Vietnamese encodings: TCVN3, VNI, cp1258
from .textnorm import nfc
from .types import IngestError, SourceText

SUPPORTED = (".txt", ".md", ".pdf", ".docx", ".doc", ".html", ".htm")
# Letters that only Vietnamese text has; a decoding that yields many of them is the right one.


def load(path: Path, max_bytes: int) -> SourceText:
    """Decode one file into lines (NFC), keeping page numbers for PDFs."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise IngestError(f"{path.name}: unsupported file type '{suffix or '(none)'}' (expected {', '.join(SUPPORTED)})")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(f"{path.name}: cannot read file ({e.strerror})") from e
    if size == 0:
        raise IngestError(f"{path.name}: file is empty")
    if size > max_bytes:
        raise IngestError(f"{path.name}: file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (TRACUU_MAX_FILE_MB)")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path.name}: cannot read file ({e.strerror})") from e
    if suffix in (".txt", ".md"):
        text, enc = decode_text(data, path.name)
        from .aligned_tables import render_aligned_tables
        from .text_tables import render_pipe_tables
        src = render_pipe_tables(SourceText(lines=nfc(text).splitlines(), encoding=enc, fmt=suffix[1:]))
        src = render_aligned_tables(src)  # then tables laid out with spaces
    elif suffix in (".html", ".htm"):  # a page saved from a portal: its article, not its menus
        from .html_loader import load_html
        text, enc = decode_text(data, path.name)
        src = load_html(text, path.name, enc)
    elif suffix == ".docx":
        from .docx_loader import load_docx
        src = load_docx(data, path.name)
    elif suffix == ".doc":
        from .doc_loader import load_doc
        src = load_doc(data, path.name)
    else:
        from .pdf_loader import load_pdf
        src = load_pdf(data, path.name)
    if not any(line.strip() for line in src.lines):
        raise IngestError(f"{path.name}: no text found in the file")
    return src


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise IngestError(f"{name}: has a UTF-16 mark but is not valid UTF-16") from e
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        if _looks_utf16(data):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"), "utf-16"
        raise IngestError(f"{name}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    converted = detect_and_convert(data)
    if converted is not None:
        return converted
    raise IngestError(f"{name}: text is in no readable encoding (tried UTF-8, UTF-16, Windows-1258, TCVN3, VNI)")


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) > len(sample) // 4 and min(even, odd) < len(sample) // 50
