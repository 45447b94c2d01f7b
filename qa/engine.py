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

from index.store import Filters, Hit, IndexError_, IndexStore
from index.updater import Outcome, update
from ingest.config import Config
from ingest.ocr_report import poor_scan_note
from ingest.structure import cites_footnote, footnote_number
from ingest.types import Period

from .answer import Answer, Citation
from .extract import adds_words, best_evidence, compose, conflicts, sentences, states_figure
from .query import Query, parse_query
from .retrieve import Weights, mentioned_periods, period_signals, rank
from .verify import unsupported_numbers

MIN_COVERAGE = 0.28  # idf-weighted share of question words the quote must hold (calibrated on dev)


class QuestionError(ValueError):
    """A question that cannot be asked as it is (empty, too long); the message says why."""


@dataclass
class AskOptions:
    k: int = 5
    period: Period | None = None  # a hard filter the user picked
    docs: set[str] | None = None


class Engine:
    def __init__(self, config: Config, embedder=None, weights: Weights = Weights()):
        self.config = config
        self.weights = weights
        self._embedder = embedder
        self._lock = threading.Lock()
        from index.backend import open_store  # embedded files or a shared Qdrant collection, as configured
        self.store: IndexStore | None = open_store(config)
        self._reranker = None
        self._generator = None

    # ---------- models, loaded on first use ----------
    @property
    def embedder(self):
        if self._embedder is None:
            from index.embedders import make_embedder
            self._embedder = make_embedder(self.config.embedder)
        return self._embedder

    def check_embedder(self) -> None:
        """Refuse to query an index built by another model: the vectors would not be comparable."""
        if self.store and self.store.size and self.store.manifest.get("embedder") != self.embedder.id:
            raise IndexError_(
                f"the index was built with embedder '{self.store.manifest.get('embedder')}' but the configuration "
                f"uses '{self.embedder.id}'; re-index with: tracuu ingest --rebuild")

    # ---------- changes ----------
    def ingest(self, paths: list[Path], progress: bool = True, rebuild: bool = False) -> Outcome:
        with self._lock:
            base = None if rebuild else self.store
            if rebuild and self.store:  # re-ingest every known source file from its path
                paths = list(paths) + [Path(d.source_path) for d in self.store.documents
                                       if Path(d.source_path).exists()]
            store, outcome = update(self.config, base, self.embedder, add=paths, progress=progress)
            self.store = store
            return outcome

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
                        "province": d.province, "issuer": d.issuer, "ocr": d.ocr})
        return out

    def periods(self) -> list[Period]:
        return self.store.periods() if self.store else []

    def retrieve(self, question: str, k: int = 5, filters: Filters | None = None) -> list[Hit]:
        """Ranked passages without composing an answer (LangChain retriever, benchmarks)."""
        store = self.store
        if not store or not store.size:
            return []
        self.check_embedder()
        query = parse_query(question)
        qvec = self.embedder.embed_query(question) if self.weights.dense > 0 else None
        return rank(store, query, qvec, k, filters, self.weights)[:k]

    def ask(self, question: str, options: AskOptions | None = None, qid: str | None = None) -> Answer:
        t0 = time.perf_counter()
        opts = options or AskOptions()
        q = (question or "").strip()
        if not q:
            raise QuestionError("the question is empty")
        if len(q) > self.config.max_question_chars:
            raise QuestionError(f"the question is {len(q)} characters long; the limit is {self.config.max_question_chars}")
        query = parse_query(q)
        store = self.store  # one snapshot for the whole answer
        if store and self._only_planned(query, store):
            query = dataclasses.replace(query, wants_target=True)
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
        qvec = self.embedder.embed_query(q) if self.weights.dense > 0 else None
        filters = Filters(docs=opts.docs, period=opts.period) if (opts.docs or opts.period) else None
        hits = rank(store, query, qvec, opts.k, filters, self.weights)
        if self.config.reranker and hits:
            hits = self._rerank(q, hits)
        ans = self._answer(query, hits, store, opts.k)
        ans.id = qid
        ans.ms = (time.perf_counter() - t0) * 1000
        return ans

    def _rerank(self, question: str, hits: list[Hit]) -> list[Hit]:
        from .rerank import make_reranker
        if self._reranker is None:
            self._reranker = make_reranker(self.config.reranker)
        return self._reranker.rerank(question, hits)

    # ---------- composing ----------
    def _answer(self, query: Query, hits: list[Hit], store: IndexStore, k: int) -> Answer:
        top = hits[:max(k, 1)]
        citations = [self._citation(i + 1, h, store) for i, h in enumerate(top)]
        periods_text = ", ".join(p.label for p in store.periods())
        if not top:
            return Answer(query.text, False, f"Không tìm thấy đoạn nào liên quan trong các báo cáo đã nạp "
                                             f"(các kỳ hiện có: {periods_text}).", query.period, citations)
        uncovered = self._uncovered_period(query, top[:5], store)
        fit = [self._fit(query, h, store) for h in top[:5]]
        evidence = best_evidence(query, top, store.lexical, top=5, fit=fit,
                                 years=[self._year(h, store) for h in top[:5]])
        evidence = [e for e in evidence if fit[e.hit_index] > 0 and (e.figure or not query.asks_quantity) and e.phrase
                    and not conflicts(query, e.sentence, self._year(top[e.hit_index], store))
                    and not self._wider_only(query, top[e.hit_index], e.sentence, store)]
        # a weak top quote is no reason to refuse when a footnote of the same report covers the question
        # (the breakdown '⁴ Trong đó: ... Vốn NSTW: 1.687,7 tỷ đồng' under a total); any other weaker quote
        # could be about anything, so it may not stand in
        best = evidence[0] if evidence else None
        if best is not None and best.coverage < MIN_COVERAGE:
            doc = top[best.hit_index].passage.doc
            best = next((e for e in evidence if e.coverage >= MIN_COVERAGE and top[e.hit_index].passage.doc == doc
                         and top[e.hit_index].passage.kind == "footnote"), best)
        if uncovered or best is None or best.coverage < MIN_COVERAGE:
            what = f" cho {uncovered.label}" if uncovered else ""
            held = {d.province for d in store.documents if d.province}
            if missing := [p for p in query.provinces if held and p not in held]:
                what += f" của {', '.join(missing)} (chưa có báo cáo nào của tỉnh/thành này)"
            msg = (f"Không tìm thấy số liệu trả lời câu hỏi này{what} trong các báo cáo đã nạp "
                   f"(các kỳ hiện có: {periods_text}). Các đoạn gần nhất được liệt kê bên dưới để tham khảo.")
            return Answer(query.text, False, msg, query.period, citations,
                          confidence=best.coverage if best else None)
        # the passage the answer quotes is the best evidence: it becomes source [1]
        order = [best.hit_index] + [i for i in range(len(citations)) if i != best.hit_index]
        citations = [citations[i] for i in order]
        for n, c in enumerate(citations, 1):
            c.n = n
        quotes = [(1, best.sentence)]
        # a second figure from the same passage often completes the first (plan, then disbursement)
        second = next((e for e in evidence[1:6] if e.hit_index == best.hit_index
                       and not (best.first <= e.first and e.last <= best.last)
                       and e.coverage >= 0.6 * best.coverage and states_figure(e.sentence)), None)
        if second and (second.first > best.last + 1 or second.last < best.first - 1):
            quotes.append((1, second.sentence))
        elif second:  # overlapping or adjacent: one quote over both, each sentence once
            sents = sentences(top[best.hit_index].passage.text)
            lo, hi = min(best.first, second.first), max(best.last, second.first)
            quotes = [(1, " ".join(sents[lo:hi + 1]))]
        citations[0].quote = " ".join(q for _, q in quotes)
        cited = citations[0]
        if note := self._footnote(query, top[best.hit_index], citations[0].quote, store):
            at = next((c for c in citations if c.passage_id == note.passage.id), None)
            if at is not None:
                citations.remove(at)
            at = at or self._citation(2, note, store)
            citations.insert(1, at)  # the footnote is part of the answer: source [2]
            for n, c in enumerate(citations, 1):
                c.n = n
            at.quote = note.passage.text
            quotes.append((at.n, note.passage.text))
        text = compose(quotes, self._header(cited, store))
        sources = [c.text for c in citations] + [self._meta_text(c, store) for c in citations]
        bad = unsupported_numbers(text, sources)
        if bad:  # cannot happen for a verbatim quote; kept as the last line of defence
            return Answer(query.text, False, "Không thể trích dẫn chính xác số liệu; xem các đoạn nguồn bên dưới.",
                          query.period, citations, note=f"unsupported numbers: {bad}")
        if warning := poor_scan_note(store.doc_by_name[cited.doc].ocr, cited.page, cited.ocr_confidence):
            text += " " + warning  # a figure read from a poor scan: the reporter should check the original
        answer = Answer(query.text, True, text, query.period or cited.section_period, citations,
                        confidence=best.coverage)
        if self.config.llm_base_url:
            answer = self._generate(query, answer, citations, sources)
        return answer

    def _generate(self, query: Query, extractive: Answer, citations: list[Citation], sources: list[str]) -> Answer:
        from .generate import Generator
        if self._generator is None:
            self._generator = Generator(self.config)
        return self._generator.answer(query.text, extractive, citations, sources)

    @staticmethod
    def _only_planned(query: Query, store: IndexStore) -> bool:
        """A question for a fact (not a figure) whose every asked period is one that reports only plan for
        ('6 tháng cuối năm 2023 ... khởi công xong khi nào' when the half-year report's tasks part is all
        there is) is about those plans, however it is worded. A figure asked for such a period stays a
        results question ranked as such; if a plan still answers it, the header says it is a target."""
        if query.wants_target or query.wants_figure or not query.periods:
            return False
        return all(not any(d.period and d.period.contains(a) for d in store.documents)
                   and any(d.next_period == a for d in store.documents) for a in query.periods)

    @staticmethod
    def _footnote(query: Query, hit: Hit, quote: str, store: IndexStore) -> Hit | None:
        """The footnote the quote marks, when it says what the question asks and the quote does not:
        'những huyện nào' is answered by 'của 07 huyện⁷' and its footnote '⁷ Hữu Lũng, Chi Lăng, ...'."""
        if hit.passage.kind == "footnote":
            return None
        notes = [p for p in store.footnotes(hit.passage) if (n := footnote_number(p.text)) and cites_footnote(quote, n)]
        if not notes or len(notes[0].text) > 600:
            return None
        note = notes[0]
        if query.wants_figure and not adds_words(query, quote, note.text, store.lexical):
            return None
        return Hit(passage=note, score=hit.score, lexical=0.0, dense=0.0, row=-1)

    @staticmethod
    def _fit(query: Query, hit: Hit, store: IndexStore) -> float:
        """How well a passage's period fits the asked one: 1 exactly (its report, section or own
        words), 0.6 loosely (a containing or contained period), 0 not at all (it may not answer)."""
        sig = period_signals(query, hit, store)
        if sig.get("province"):  # another province's report never answers for the one asked about
            return 0.0
        if not query.periods and not query.loose:
            return 1.0
        doc = store.doc_by_name.get(hit.passage.doc)
        sec = hit.passage.period
        # a section of another period than its report's (the tasks part plans the next one) speaks of
        # that period: the report's own period says nothing about what was achieved in it, only about
        # what the report planned ('theo báo cáo 6 tháng, ... phấn đấu khởi công khi nào')
        own = sig["report"] if query.wants_target or not (doc and sec and sec != doc.period) else 0.0
        best = max(own, sig["section"], sig["mention"])
        return 1.0 if best >= 1.0 else 0.6 if best > 0 else (0.0 if query.periods else 0.6)

    @classmethod
    def _wider_only(cls, query: Query, hit: Hit, sentence: str, store: IndexStore) -> bool:
        """A figure from a report (or section) of a wider period that does not name the asked one is that
        wider period's figure: a half-year report's tourist count is no answer for February."""
        if not (query.wants_figure and query.periods):
            return False
        doc = store.doc_by_name.get(hit.passage.doc)
        holders = [p for p in (doc.period if doc else None, hit.passage.period) if p]
        if any(p == a for p in holders for a in query.periods) or \
                not any(p.contains(a) for p in holders for a in query.periods):
            return False
        named = mentioned_periods(sentence, doc.period if doc else None)
        return not any(a in named for a in query.periods)

    @staticmethod
    def _year(hit: Hit, store: IndexStore) -> int | None:
        doc = store.doc_by_name.get(hit.passage.doc)
        return doc.period.year if doc and doc.period else None

    @staticmethod
    def _header(c: Citation, store: IndexStore) -> str:
        doc = store.doc_by_name[c.doc]
        kind = doc.kind[:1].upper() + doc.kind[1:]
        label = f"{kind} số {doc.number}" if doc.number else f"{kind} {doc.doc}"
        if doc.issuer and len({d.province for d in store.documents if d.province}) > 1:
            label += f" của {doc.issuer}"  # an index of several provinces: say whose figure it is
        period = doc.period.label if doc.period else ""
        head = f"Theo {label} ({period})" if period else f"Theo {label}"
        sec = c.section_period
        if sec and doc.next_period == sec and sec != doc.period:  # a target, not a result: say so
            head += f", phần nhiệm vụ, mục tiêu {sec.label}"
        return head

    @staticmethod
    def _meta_text(c: Citation, store: IndexStore) -> str:
        doc = store.doc_by_name[c.doc]
        return " ".join(filter(None, [doc.doc, doc.number, doc.date, doc.period.label if doc.period else None,
                                      doc.next_period.label if doc.next_period else None]))

    @staticmethod
    def _citation(n: int, h: Hit, store: IndexStore) -> Citation:
        p = h.passage
        doc = store.doc_by_name[p.doc]
        return Citation(n=n, doc=p.doc, title=doc.title, period=doc.period, section=p.section,
                        line_start=p.line_start, line_end=p.line_end, text=p.text, score=h.score,
                        passage_id=p.id, section_period=p.period, page=p.page, number=doc.number,
                        date=doc.date, kind=p.kind, ocr_confidence=p.ocr_confidence)

    def _uncovered_period(self, query: Query, hits: list[Hit], store: IndexStore) -> Period | None:
        """The asked period, when no indexed report, section or top passage speaks of it.

        A sub-year period needs a report or section of exactly that period (or one containing it),
        or a passage naming it; a whole year is also answered by a section of plans for it,
        but not by one quarter's results (a quarter's export figure is no year's figure).
        """
        for asked in query.periods:
            held = [d.period for d in store.documents if d.period] + [h.passage.period for h in hits if h.passage.period]
            if any(p == asked or p.contains(asked) for p in held):
                continue
            named = any(asked in mentioned_periods(h.passage.text, store.doc_by_name[h.passage.doc].period)
                        for h in hits)
            if named:
                continue
            if asked.kind == "year" and any(
                    h.passage.period and asked.contains(h.passage.period)
                    and store.doc_by_name[h.passage.doc].next_period == h.passage.period for h in hits):
                continue  # targets/tasks section planned within that year
            return asked
        return None
