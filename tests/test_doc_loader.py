
import pytest

from tracuu.ingest.doc_loader import load_doc, soffice
from tracuu.ingest.types import IngestError


def test_doc_without_libreoffice_is_refused_clearly(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(IngestError, match="LibreOffice"):
        load_doc(b"\xd0\xcf\x11\xe0 not really a doc", "old.doc")


@pytest.mark.slow  # starts LibreOffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")
def test_doc_converts_through_libreoffice(tmp_path):
    import docx
    d = docx.Document()
    d.add_heading("I. TÌNH HÌNH KINH TẾ", level=1)
    d.add_paragraph("Sản lượng lương thực đạt 304,8 nghìn tấn.")
    d.save(tmp_path / "a.docx")
    import subprocess
    subprocess.run([soffice(), "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(tmp_path / "a.docx")],
                   check=True, capture_output=True, timeout=180)
    src = load_doc((tmp_path / "a.doc").read_bytes(), "a.doc")
    assert any("304,8 nghìn tấn" in line for line in src.lines)
