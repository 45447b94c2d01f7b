"""Every weight of ranking and answering in one place, each with the reason it has its value.

Two families: `Weights` ranks passages (retrieve.rank), `EvidenceWeights` scores the sentences of the
top passages and sets the floor a quote must reach (extract.best_evidence, Engine._answer). Values were
calibrated on dev and checked on every held-out and generality set; change one, run them all.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    dense: float = 0.3  # share of the normalised dense score added to the normalised lexical one
    report_period: float = 0.5  # report's own period is the asked one
    section_period: float = 0.35  # the passage's section (results / plans) is about the asked period
    mention: float = 0.2  # the passage names the asked period in its text
    target: float = 0.2  # a target question, a passage of the tasks part
    province: float = 0.5  # taken off a report of another province than the one the question names
    pool: int = 60
    period_pool: int = 20  # candidates added from the reports/sections of the asked period
    # of those, at most this many rows of one report: a table repeats its caption on every row ('Biểu 04. Kim ngạch
    # xuất khẩu, nhập khẩu hàng hóa > - Gạo > ...'), and one table's rows would fill the asked province's pool
    per_report: int = 5
    # an open question over many provinces: the ranked passages whose provinces are asked one by one
    # (twenty provinces printing one indicator fill any ten hits with the likeliest few)
    province_pool: int = 40


@dataclass(frozen=True)
class EvidenceWeights:
    # a syllable pair repeats its syllables' evidence: it counts for part of its idf only
    bigram: float = 0.7
    # the indicator is often named a sentence before its figure: a sentence's coverage is this share of
    # its own words plus the rest from its passage's
    sentence_share: float = 0.6
    # a sentence naming the asked period is the likelier quote; one naming another period of the same
    # kind ('kế hoạch vốn năm 2025' for 2026) most likely states that period's figure
    period_named: float = 1.1
    other_period_named: float = 0.6
    # a headline rounds and abbreviates what the body states
    title_prior: float = 0.75
    # people ask these reports for figures: a sentence stating none is worth less, a little more when
    # the next sentences of its quote state one
    figure_in_quote: float = 0.4
    no_figure: float = 0.3
    # 'phấn đấu ... đạt 7,5%': an aim, half a result for a results question
    aim: float = 0.5
    # 'số mấy, ngày nào' asks for a document number or a date: a quote without one
    no_reference: float = 0.4
    # a second sentence of the same passage joins the quote when it states a figure and covers this
    # share of the best one's words (the plan, then the disbursement)
    second_quote: float = 0.6
    # characters a quote grows to (next sentences added while shorter, and until it holds a figure)
    quote_budget: int = 320
    # idf-weighted share of the question's words the quote must hold (calibrated on dev)
    min_coverage: float = 0.28
    # when the question names the province and the quote's report is of exactly that province and
    # period, scope is certain and only the indicator's words are in doubt: a paraphrase ('tiền thu về
    # cho ngân sách') may cover less of the question
    min_coverage_scoped: float = 0.2
    # a passage ranked past the first ones (read only when none of those may answer) answers with a quote covering
    # this many times min_coverage, of the asked period
    read_further: float = 2.0
    # the question's words are said best by a sentence about the whole country: a sentence of the asked
    # place must hold this share of that one's coverage, or the figure asked is given only for the nation
    # ('cả nước thu hút 20,86 tỷ USD FDI'); a neighbour's sentence sets no such bar (a province's own
    # sentence may paraphrase: 'tổng sản phẩm trên địa bàn' for 'tăng trưởng GRDP')
    beside_other_place: float = 0.7
    # a sentence whose clauses on the whole country hold this much of the question's words (all it covers less this
    # share is left without them) states the country's figure for what is asked, not the province's
    national_share: float = 0.9
    # a table row's caption and column names say the question's period and kind words again: the report's sentence
    # stating the row's asked cell, value for value, is quoted when it covers this share of the row's coverage
    row_restated: float = 0.7
    # a shortfall asked ('những chỉ tiêu nào không đạt'): a sentence naming one is quoted over one counting what was met
    # ('có 17/20 chỉ tiêu đạt và vượt kế hoạch') when it covers this share of that one's coverage
    shortfall_named: float = 0.75
    # a plan's amount asked: a passage stating it is quoted over one giving only shares of the plan when it covers this
    # share of that one's coverage (a table's row names the indicator once, the sentence says the question's words)
    plan_over_shares: float = 0.5


@dataclass(frozen=True)
class ClaimTolerance:
    # a hedged claim ('khoảng', 'gần', 'hơn') rounds the report's figure within this share of it
    hedged: float = 0.02
    # on the side its hedge names ('hơn 130' for 135), within one unit of its last stated digit and this share
    hedged_side: float = 0.05


EVIDENCE = EvidenceWeights()
CLAIMS = ClaimTolerance()
