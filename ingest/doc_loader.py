"""Legacy Word .doc: converted to .docx by LibreOffice headless when it is installed."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .docx_loader import load_docx
from .types import IngestError, SourceText


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def load_doc(data: bytes, name: str) -> SourceText:
    exe = soffice()
    if exe is None:
        raise IngestError(f"{name}: legacy .doc needs LibreOffice to convert it (apt-get install libreoffice-writer), "
                          f"or save it as .docx")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        try:
            subprocess.run([exe, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=180)
            out = (Path(tmp) / "in.docx").read_bytes()
        except (subprocess.SubprocessError, OSError) as e:
            raise IngestError(f"{name}: LibreOffice could not convert this .doc ({type(e).__name__})") from e
    src_text = load_docx(out, name)
    src_text.fmt = "doc"
    return src_text
