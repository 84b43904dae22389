"""A build's progress: every phase reported in order, each from 0 to its total, and timed."""

from __future__ import annotations

import shutil

from conftest import SEEDS
from newskg.build import progress
from newskg.build.corpus import build_corpus
from newskg.build.progress import Phase, PhaseClock


def _reports(tmp_path, nlp, **options) -> list[tuple[Phase, int, int | None]]:
    seen: list[tuple[Phase, int, int | None]] = []
    build_corpus([tmp_path / "corpus"], nlp=nlp, on_progress=lambda *report: seen.append(report), **options)
    return seen


def _phases(reports: list[tuple[Phase, int, int | None]]) -> list[Phase]:
    return [phase for i, (phase, _, _) in enumerate(reports) if i == 0 or reports[i - 1][0] != phase]


def test_every_phase_is_reported_in_order_from_zero_to_its_total(tmp_path, nlp):
    shutil.copytree(SEEDS, tmp_path / "corpus")
    reports = _reports(tmp_path, nlp, output=tmp_path / "g.trig", batch_size=1)
    assert _phases(reports) == [Phase.EXTRACT, Phase.GRAPH, Phase.WRITE, Phase.VALIDATE]
    by_phase = {phase: [(done, total) for p, done, total in reports if p is phase] for phase in Phase}
    assert by_phase[Phase.EXTRACT] == [(0, None), (1, None), (2, None)]  # a stream: no total known
    assert by_phase[Phase.GRAPH] == [(0, 2), (1, 2), (2, 2)]
    written = by_phase[Phase.WRITE]
    graphs = written[-1][1]
    assert graphs is not None and graphs > 2  # the two articles' graphs and the corpus-level ones
    assert written == [(0, None)] + [(done, graphs) for done in range(1, graphs + 1)]
    assert by_phase[Phase.VALIDATE][0] == (0, None)


def test_a_rerun_reports_unchanged_articles_as_read_and_no_graph_to_build(tmp_path, nlp):
    shutil.copytree(SEEDS, tmp_path / "corpus")
    out = tmp_path / "g.nq"
    _reports(tmp_path, nlp, output=out, run_validation=False)
    reports = _reports(tmp_path, nlp, output=out, run_validation=False)
    assert _phases(reports) == [Phase.EXTRACT, Phase.GRAPH, Phase.WRITE]
    assert [done for phase, done, _ in reports if phase is Phase.EXTRACT] == [0, 1, 2]
    assert [(done, total) for phase, done, total in reports if phase is Phase.GRAPH] == [(0, 0)]


def test_the_clock_adds_up_the_time_of_each_phase():
    seen: list[tuple[Phase, int, int | None]] = []
    clock = PhaseClock(lambda *report: seen.append(report))
    clock.start(Phase.EXTRACT)
    clock.advance(5)
    clock.start(Phase.WRITE, total=3)
    clock.advance(1)
    clock.advance(2, total=4)
    clock.stop()
    clock.advance(3)  # no phase runs: nothing to report
    assert seen == [
        (Phase.EXTRACT, 0, None),
        (Phase.EXTRACT, 5, None),
        (Phase.WRITE, 0, 3),
        (Phase.WRITE, 1, 3),
        (Phase.WRITE, 2, 4),
    ]
    assert set(clock.seconds) == {Phase.EXTRACT, Phase.WRITE}


def test_a_phase_that_went_on_in_the_background_counts_its_time_to_its_end(monkeypatch):
    """The workers merge the output while the build validates: the writing's time is not cut short
    when the validation phase starts, and the validation's own time is kept too."""
    now = [0.0]
    monkeypatch.setattr(progress.time, "perf_counter", lambda: now[0])
    clock = PhaseClock()
    clock.start(Phase.WRITE)
    now[0] = 2.0
    clock.start(Phase.VALIDATE)  # the writing's last part goes on
    now[0] = 5.0
    clock.went_on(Phase.WRITE)  # ...and ends here
    clock.went_on(Phase.WRITE)  # told twice: counted once
    now[0] = 9.0
    clock.stop()
    assert clock.seconds == {Phase.WRITE: 5.0, Phase.VALIDATE: 7.0}
