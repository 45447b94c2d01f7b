"""Legacy Vietnamese encodings. Placeholder until the legacy-encoding work lands: cp1258 only."""
from __future__ import annotations

import unicodedata


def detect_and_convert(data: bytes) -> tuple[str, str] | None:
    """Decode bytes that are not UTF-8; None when no known Vietnamese encoding fits."""
    from .loaders import vietnamese_score
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    text = unicodedata.normalize("NFC", text)
    if vietnamese_score(text) > 0.05:
        return text, "cp1258"
    return None
