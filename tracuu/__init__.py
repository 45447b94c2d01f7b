"""tracuu: cited question answering over Vietnamese government socio-economic reports.

The code lives in four packages, one per stage, installed under this name:
`tracuu.ingest` (files -> passages + metadata) -> `tracuu.index` (passages -> stores)
-> `tracuu.qa` (question -> cited answer) -> `tracuu.ui` (CLI, HTTP API, web UI).
Their sources sit at the repository's top level (`ingest/`, `index/`, `qa/`, `ui/`);
pyproject.toml maps them here, so nothing generic (`qa`, `ui`) lands in site-packages.
"""

__version__ = "0.1.0"
