"""The library API every front end uses: ask, ingest, remove, list documents.

One Engine per process holds the current index snapshot; updates build a new snapshot and swap
it in under a lock, so readers never see a half-updated index.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tracuu.index.backend import Store, open_store
from tracuu.index.dense import one_answer
from tracuu.index.store import Filters, Hit, IndexError_
from tracuu.index.updater import Outcome, expand, update
from tracuu.ingest import corrections
from tracuu.config import Config
from tracuu.ingest.pipeline import ingest_file
from tracuu.ingest.abroad import foreign_unquoted, unknown_places
from tracuu.ingest.corrections import Correction
from tracuu.ingest.types import Period

from .answer import Answer, Citation
from . import spread
from . import fit as period_fit
from .units import unit_reports
from .combine import combine
from .followup import understand
from .ruled_out import open_provinces
from .answering import READ, answer_from
from .query import Query, parse_query
from .read_ahead import keep_readings, load_readings, marked, read_ahead
from .retrieve import Weights, rank
from .scope import unheard_names
from .weights import EVIDENCE

BRIEF_OVER = 4  # places answering an open question beyond which each gets one line, its quote under the sources


class QuestionError(ValueError):
    """A question that cannot be asked as it is (empty, too long); the message says why."""


@dataclass
class AskOptions:
    k: int = 5
    period: Period | None = None  # a hard filter the user picked
    docs: set[str] | None = None
    # a figure counted to another date than the asked one may be quoted: the claim check names that date
    # itself (other_period); an answer to a person never gives one for the other
    dates_apart: bool = False


class Engine:
    def __init__(self, config: Config, embedder=None, weights: Weights = Weights()):
        self.config = config
        self.weights = weights
        self._embedder = embedder
        self._lock = threading.Lock()
        self.store: Store | None = open_store(config)  # embedded files or a shared Qdrant collection, as configured
        self._reranker = None
        self._generator = None

    # ---------- models, loaded on first use ----------
    @property
    def embedder(self):
        if self._embedder is None:
            from tracuu.index.embedders import make_embedder
            self._embedder = make_embedder(self.config.embedder, self.config.allow_download,
                                            query_engine=self.config.query_engine)
        return self._embedder

    def check_embedder(self) -> None:
        """Refuse to query an index built by another model: the vectors would not be comparable."""
        if self.store and self.store.size and self.store.manifest.get("embedder") != self.embedder.id:
            raise IndexError_(
                f"the index was built with embedder '{self.store.manifest.get('embedder')}' but the configuration "
                f"uses '{self.embedder.id}'; re-index with: tracuu ingest --rebuild")

    # ---------- changes ----------
    def ingest(self, paths: list[Path], progress: bool = True, rebuild: bool = False,
               correction: Correction | None = None) -> Outcome:
        """Add or update files; `correction` (period/province a person states) applies to each of them."""
        with self._lock:
            base = None if rebuild else self.store
            reread: set[str] = set()
            if correction is not None:
                for f in expand(list(paths), Outcome()):
                    corrections.save(self.config.home, f.name, correction)
                    reread.add(f.name)
            if rebuild and self.store:  # re-ingest every known source file from its path
                paths = list(paths) + [Path(d.source_path) for d in self.store.documents
                                       if Path(d.source_path).exists()]
            store, outcome = update(self.config, base, self.embedder, add=paths, progress=progress,
                                    reread=frozenset(reread))
            self.store = store
            keep_readings(store, self.config.home, set(outcome.added + outcome.updated))
            return outcome

    def check_file(self, path: Path) -> None:
        """Parse a file without indexing it; raises IngestError naming what is wrong with it (uploads are
        all checked before any of them goes in)."""
        ingest_file(path, self.config)

    def correct(self, doc: str, correction: Correction) -> dict:
        """Set a document's period and/or province; its passages are re-read (not re-embedded) so
        ranking and answers use it at once, and the correction is kept for later re-ingests."""
        with self._lock:
            store = self.store
            known = store.doc_by_name.get(doc) if store else None
            if known is None:
                raise KeyError(f"{doc}: not in the index (see `tracuu docs`)")
            source = Path(known.source_path)
            if not source.is_file():
                raise KeyError(f"{doc}: its source file {source} is gone; ingest it again with --period/--province")
            corrections.save(self.config.home, doc, correction)
            self.store, _ = update(self.config, store, self.embedder, add=[source], progress=False,
                                   reread=frozenset({doc}))
            keep_readings(self.store, self.config.home, {doc})  # read with its new period
        return next(d for d in self.documents() if d["doc"] == doc)

    def remove(self, docs: list[str]) -> Outcome:
        with self._lock:
            store, outcome = update(self.config, self.store, self.embedder, remove=docs, progress=False)
            self.store = store
            return outcome

    # ---------- reading ----------
    def documents(self) -> list[dict]:
        store = self.store
        if not store:
            return []
        out = []
        for d in store.documents:
            out.append({"doc": d.doc, "title": d.title, "kind": d.kind, "number": d.number, "date": d.date,
                        "period": d.period.to_dict() if d.period else None,
                        "next_period": d.next_period.to_dict() if d.next_period else None,
                        "chunks": d.chunks, "format": d.fmt, "text_quality": d.ocr_quality,
                        "province": d.province, "issuer": d.issuer,
                        "period_source": d.period_source, "province_source": d.province_source, "ocr": d.ocr})
        return out

    def periods(self) -> list[Period]:
        return self.store.periods() if self.store else []

    def read_ahead(self) -> int:
        """Before the first question (a server starting): the readings ingest kept, then the passages whose
        readings they lack read once (qa.read_ahead); returns how many were read."""
        load_readings(self.config.home)
        return read_ahead(self.store, read=marked(self.config.home)) if self.store else 0

    def retrieve(self, question: str, k: int = 5, filters: Filters | None = None, vector=None) -> list[Hit]:
        """Ranked passages without composing an answer (LangChain retriever, benchmarks, a trend's periods)."""
        store = self.store
        if not store or not store.size:
            return []
        load_readings(self.config.home)  # the sentence readings ingest kept: once (a stat after that)
        self.check_embedder()
        query = parse_query(question)
        qvec = vector if vector is not None else self.query_vector(question)
        return rank(store, query, qvec, k, filters, self.weights)[:k]

    def query_vector(self, text: str):
        """The dense vector that ranks passages for `text` (None when ranking uses no dense score)."""
        return self.embedder.embed_query(text) if self.weights.dense > 0 else None

    def ask(self, question: str, options: AskOptions | None = None, qid: str | None = None,
            previous: str | None = None, single: bool = False, vector=None) -> Answer:
        """Answer one question. `previous`: the conversation's previous question, for follow-ups.
        `single`: one period, one answer (no side-by-side or across-periods views; trend rows use it).
        `vector`: the dense vector to rank with, when the caller has one (a trend's rows share theirs)."""
        with one_answer():  # its repeated searches of the same vector are done once
            return self._ask(question, options, qid, previous, single, vector)

    def _ask(self, question: str, options: AskOptions | None, qid: str | None, previous: str | None,
             single: bool, vector) -> Answer:
        t0 = time.perf_counter()
        load_readings(self.config.home)  # the sentence readings ingest kept: once (a stat after that)
        opts = options or AskOptions()
        q = (question or "").strip()
        if not q:
            raise QuestionError("the question is empty")
        if len(q) > self.config.max_question_chars:
            raise QuestionError(f"the question is {len(q)} characters long; the limit is {self.config.max_question_chars}")
        understood = understand(q, previous)
        q = understood or q
        query = parse_query(q)
        store = self.store  # one snapshot for the whole answer
        unheard = []
        if store and store.size and not query.provinces and (
                (foreign := unknown_places(q)) or store.lexical and (unheard := unheard_names(q, store.lexical))):
            # 'tỉnh Champasak (Lào)': no province's report answers for a place outside the country; 'Viêng Chăn',
            # which no report prints, is no report's subject
            held = sorted({d.province for d in store.documents if d.province})
            whose = f"nhắc đến {', '.join(unheard)}" if unheard else f"của {' '.join(dict.fromkeys(foreign))}"
            ans = Answer(q, False, f"Không có báo cáo nào {whose} trong các báo cáo đã nạp "
                                   f"(báo cáo của {len(held)} tỉnh/thành: {', '.join(held[:8])}"
                                   f"{', ...' if len(held) > 8 else ''}).", query.period, id=qid)
            ans.ms = (time.perf_counter() - t0) * 1000
            return ans
        if not single and store and store.size and not query.names_nothing:
            view = self._view(q, query, opts)
            if view is not None:
                view.id, view.understood_as = qid, understood
                view.ms = (time.perf_counter() - t0) * 1000
                return view
        if store:  # what the index makes of the question: a plan's period, a unit's name (qa.fit)
            query = period_fit.as_asked_of(query, store)
        if opts.dates_apart:
            query = dataclasses.replace(query, dates_apart=True)
        if not store or not store.size:
            ans = Answer(q, False, "Chưa có báo cáo nào được nạp. Hãy chạy: tracuu ingest <thư mục báo cáo>.",
                         query.period, id=qid)
            ans.ms = (time.perf_counter() - t0) * 1000
            return ans
        self.check_embedder()
        if query.names_nothing:
            ans = Answer(q, False, "Câu hỏi chưa nêu chỉ tiêu hay nội dung cần tra cứu, chỉ có từ để hỏi, kỳ báo cáo "
                                   "hoặc địa danh. Ví dụ: «giải ngân vốn đầu tư công 6 tháng 2023».", query.period, id=qid)
            ans.ms = (time.perf_counter() - t0) * 1000
            return ans
        qvec = vector if vector is not None else self.query_vector(q)
        filters = Filters(docs=opts.docs, period=opts.period) if (opts.docs or opts.period) else None
        hits = rank(store, query, qvec, opts.k, filters, self.weights)
        if (own := unit_reports(query, store)) and not opts.docs:
            # the unit's own report among the first: the province's reports outrank it on the words alone
            mine = rank(store, query, qvec, 3, Filters(docs=own, period=opts.period), self.weights)[:3]
            first = {m.passage.id for m in mine}
            hits = (mine + [h for h in hits if h.passage.id not in first])[:opts.k]
        if self.config.reranker and hits:
            hits = self._rerank(q, hits)
        def search(more: Filters) -> list[Hit]:
            """The ranking within `more`'s reports, the caller's own filter kept (its reports and period)."""
            docs = more.docs & filters.docs if filters and filters.docs else more.docs
            return rank(store, query, qvec, opts.k, Filters(docs=docs, period=filters.period if filters else None),
                        self.weights) if docs else []
        # the wider ranking only when an open question is asked of several provinces' reports
        # (the reports of the asked period searched as widely: with many provinces, each prints the indicator once)
        places = open_provinces(query, store, lambda: rank(
            store, query, qvec, self.weights.province_pool, filters,
            dataclasses.replace(self.weights, period_pool=self.weights.province_pool)) if len(hits) >= opts.k else hits)
        ans = self._per_province(query, hits, store, opts.k, places,
                                 lambda scoped: rank(store, scoped, qvec, opts.k, filters, self.weights)) \
            if len(places) > 1 else self._answer(query, hits, store, opts.k, search=search)
        ans.id, ans.understood_as = qid, understood
        ans.ms = (time.perf_counter() - t0) * 1000
        return ans

    def _view(self, q: str, query: Query, opts: AskOptions) -> Answer | None:
        """Several periods side by side, an indicator across periods, or the latest result of an open
        question with the others under it; None for a plain one-period question."""
        if opts.period is not None:
            return None
        if periods := spread.side_by_side(query):
            return spread.per_period(self, q, periods, lambda text: self.ask(text, opts, single=True))
        if spread.wants_trend(query):  # 'qua các kỳ': a table in time order
            return spread.over_time(self, q, latest_first=False)
        if spread.open_period(query):  # no period at all: the latest result first, the others under it
            return spread.over_time(self, q, latest_first=True)
        return None

    def _per_province(self, query: Query, hits: list[Hit], store: Store, k: int, places: list[str],
                      search) -> Answer:
        """A line per province whose reports answer, province first, each with its own citation. Each
        province is searched as if the question named it: the overall hits hold the provinces whose
        wording is closest, not each province's best passage."""
        answers = []
        for place in places:
            scoped = dataclasses.replace(query, provinces=[place])
            own = [h for h in search(scoped) if (d := store.doc_by_name.get(h.passage.doc)) and d.province == place]
            ans = self._answer(scoped, own, store, k, further=False)  # (each province's own best passages)
            if ans.answered:
                answers.append((place, ans))
        if len(answers) < 2:
            return answers[0][1] if answers else self._answer(query, hits, store, k)
        if unread := foreign_unquoted(query.text, [c.text for _, a in answers for c in a.citations]):
            # 'thu ngan sach phnom penh nam 2024': a name spelt as no Vietnamese word, which no province's answer
            # prints, is what is asked about; no province's figure answers for it
            held = sorted({d.province for d in store.documents if d.province})
            return Answer(query.text, False, f"Không có báo cáo nào của {' '.join(unread)} trong các báo cáo đã nạp "
                                             f"(báo cáo của {len(held)} tỉnh/thành: {', '.join(held[:8])}"
                                             f"{', ...' if len(held) > 8 else ''}).", query.period)
        # many places: a line each (its figure and source number), the quotes under the sources
        brief = len(answers) > BRIEF_OVER
        note = (f"(Các báo cáo đã nạp có số liệu của {len(answers)} tỉnh/thành"
                + ("; đoạn trích của mỗi nơi ở nguồn được đánh số" if brief else "")
                + "; nêu tên tỉnh/thành trong câu hỏi để chỉ xem một nơi.)")
        combined = combine(query.text, answers, note, brief=brief)
        combined.by_province = [p for p, _ in answers]
        return combined

    def _rerank(self, question: str, hits: list[Hit]) -> list[Hit]:
        from .rerank import make_reranker
        if self._reranker is None:
            self._reranker = make_reranker(self.config.reranker, self.config.allow_download)
        return self._reranker.rerank(question, hits)

    # ---------- composing ----------
    def _answer(self, query: Query, hits: list[Hit], store: Store, k: int, further: bool = True,
                search: Callable[[Filters], list[Hit]] | None = None) -> Answer:
        """The answer from the ranked passages, read further (and, `search` given, in the reports not ranked) before
        refusing."""
        generate = self._generate if self.config.llm_base_url else None
        ans = answer_from(query, hits, store, k, generate)
        if further and not ans.answered and len(hits) > READ and ans.why \
                and ans.why[-1].get("reason") in ("no_sentence_left", "only_results_for_a_target"):
            # not one sentence of the first passages may answer ('Thu hút FDI: 312,6 triệu USD' ranked sixth, under
            # the headline and a quote that name no FDI), or they state only results where a target is asked (the
            # 2023 targets listed in 2022's report, ranked sixth under 2023's results): the next ones are read before
            # refusing
            # (a weaker-ranked passage: its sentence must say twice as much of the question, of the asked period)
            read_on = answer_from(query, hits[READ:] + hits[:READ], store, k, generate)
            # (a target where the first passages gave only results: the usual share of the question will do, for a
            # figure the plan states)
            # (and only from a part of a report setting targets for the asked period: 'phần nhiệm vụ, mục tiêu năm 2023')
            cited = read_on.citations[0] if read_on.citations else None
            target = ans.why[-1]["reason"] == "only_results_for_a_target" and bool(read_on.figures) \
                and read_on.figures[0].kind == "target" and cited is not None \
                and bool(store.doc_by_name[cited.doc].plans(cited.section_period)) \
                and cited.section_period in query.periods
            if _stands(read_on, 1.0 if target else EVIDENCE.read_further):
                return read_on
        if further and search is not None and not ans.answered and ans.why \
                and ans.why[-1].get("reason") == "no_sentence_left" and query.provinces:
            # every passage ranked came from reports none of whose sentences may answer (the asked year's budget report
            # filling the ranking for 'GRDP năm 2022 của Hậu Giang', which it does not state): the asked province's
            # other reports are searched before refusing, under the same bar as passages read further
            seen = {h.passage.doc for h in hits[:k]}  # (the reports whose passages were read)
            others = {d.doc for d in store.documents if d.province in query.provinces and d.doc not in seen}
            more = search(Filters(docs=others)) if others else []
            if more and _stands(elsewhere := answer_from(query, more, store, k, generate), EVIDENCE.read_further):
                return elsewhere
        return ans

    def _generate(self, query: Query, extractive: Answer, citations: list[Citation], sources: list[str]) -> Answer:
        from .generate import Generator
        if self._generator is None:
            self._generator = Generator(self.config)
        return self._generator.answer(query.text, extractive, citations, sources)


def _stands(ans: Answer, bar: float) -> bool:
    """A second reading's answer (passages read further, or other reports) stands in for a refusal: its quote fits the
    asked period exactly and covers `bar` times the usual share of the question's words."""
    chosen = next((w for w in ans.why if w.get("outcome") == "chosen"), None)
    return ans.answered and chosen is not None and chosen["fit"] >= 1.0 \
        and (ans.confidence or 0.0) >= bar * EVIDENCE.min_coverage
