"""Legacy Vietnamese encodings: real report text written as TCVN3, VNI and Windows-1258 reads back exactly."""
import shutil
import subprocess
import unicodedata

import pytest

from tracuu.ingest.legacy import decode_tcvn3, decode_vni, detect_and_convert, encode_tcvn3, encode_vni
from tracuu.ingest.loaders import load

from .conftest import REPORTS

CLEAN = ["002_531108871c7d6a37.txt", "003_bbcbd673d8c3e626.txt"]
_TONES = set("\u0300\u0301\u0303\u0309\u0323")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: letters with hats/horns precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in d if c in _TONES).encode("cp1258")
    return bytes(out)


def _paragraphs(name: str) -> list[str]:
    return [line for line in (REPORTS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def _encodable(encode, name: str, n: int = 8) -> list[str]:
    """The first n paragraphs of a report the encoding can hold (TCVN3 has no curly quotes)."""
    out = []
    for p in _paragraphs(name):
        try:
            encode(p)
        except (ValueError, UnicodeEncodeError):
            continue
        out.append(p)
    return out[:n]


def test_known_spellings():
    # fixed points from the published tables, so the codecs are right, not just self-consistent
    assert encode_tcvn3("Báo cáo Đầu tư") == b"B\xb8o c\xb8o \xa7\xc7u t\xad"
    assert encode_vni("Báo cáo Đầu tư") == b"Ba\xf9o ca\xf9o \xd1a\xe0u t\xf6"
    assert encode_vni("Thủy lợi, ngưỡng") == b"Thu\xfby l\xf4\xefi, ng\xf6\xf4\xf5ng"
    assert decode_tcvn3(b"Ph\xb8t tri\xd3n kinh t\xd5") == "Phát triển kinh tế"
    assert decode_vni(b"Ph\xe1t tri\xe6\xe5n kinh te\xe1") != "Phát triển kinh tế"  # raw Latin-1 is not VNI
    assert decode_vni("Phaùt trieån kinh teá".encode("cp1252")) == "Phát triển kinh tế"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv not installed")
def test_tcvn3_table_matches_glibc():
    data = bytes(range(256))
    ref = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=True)
    assert decode_tcvn3(data) == unicodedata.normalize("NFC", ref.stdout.decode("utf-8"))


@pytest.mark.parametrize("name", CLEAN)
@pytest.mark.parametrize("encoding,encode", [("tcvn3", encode_tcvn3), ("vni", encode_vni), ("cp1258", encode_cp1258)])
def test_paragraphs_round_trip(name, encoding, encode):
    paras = _encodable(encode, name)
    assert len(paras) == 8
    assert any(p.isupper() for p in paras)  # capitals with tones too ('TÌNH HÌNH KINH TẾ')
    data = "\n\n".join(paras).encode("utf-8")
    legacy = b"\n\n".join(encode(p) for p in paras)
    with pytest.raises(UnicodeDecodeError):
        legacy.decode("utf-8")
    assert detect_and_convert(legacy) == (data.decode("utf-8"), encoding)


@pytest.mark.parametrize("name", CLEAN)
@pytest.mark.parametrize("encoding,encode", [("tcvn3", encode_tcvn3), ("vni", encode_vni), ("cp1258", encode_cp1258)])
def test_load_legacy_file(tmp_path, name, encoding, encode):
    text = (REPORTS / name).read_text(encoding="utf-8")  # the whole report, where it fits
    try:
        encode(text)
    except (ValueError, UnicodeEncodeError):  # curly quotes (TCVN3), superscripts: what fits
        paras = _encodable(encode, name, n=1000)
        assert len(paras) > 60
        text = "\n\n".join(paras)
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(encode(text))
    src = load(path, max_bytes=10_000_000)
    assert src.encoding == encoding
    assert src.lines == text.splitlines()


def test_not_vietnamese_is_refused():
    assert detect_and_convert("Die Größe der Straße ist übermäßig schön".encode("latin-1")) is None
    assert detect_and_convert(bytes(range(128, 256)) * 20) is None
