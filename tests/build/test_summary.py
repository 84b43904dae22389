"""The build's summary: the counts, and each phase's time with its speed over that phase alone."""

from __future__ import annotations

from pathlib import Path

from newskg.build.corpus import CorpusBuild
from newskg.build.progress import Phase
from newskg.build.summary import Tally


def _build(phases: dict[Phase, float], *, extracted: int = 100, unchanged: int = 0) -> CorpusBuild:
    tally = Tally(extracted=extracted, unchanged=unchanged, words=30_000 * extracted // 100)
    return CorpusBuild(tally, 50_000, None, Path("g.nt"), "nt", None, 10.0, phases)


def test_each_phase_gives_its_speed_over_its_own_time():
    phases = {Phase.EXTRACT: 4.0, Phase.GRAPH: 1.0, Phase.WRITE: 0.5, Phase.VALIDATE: 2.0}
    lines = _build(phases).summary().splitlines()
    assert lines[-5:] == [
        "time: 10.0 s",
        "  reading and extraction: 4.0 s, 25.0 articles/s, 7,500 words/s",  # not 100 / 10.0 s
        "  graphs: 1.0 s, 100.0 articles/s",
        "  writing: 0.5 s, 100,000 triples/s",
        "  validation: 2.0 s, 25,000 triples/s",
    ]


def test_phases_that_did_not_run_are_left_out_and_come_in_build_order():
    phases = {Phase.WRITE: 0.5, Phase.EXTRACT: 4.0, Phase.GRAPH: 1.0}
    lines = _build(phases).summary().splitlines()
    assert [line.split(":")[0] for line in lines[-3:]] == [
        "  reading and extraction",
        "  graphs",
        "  writing",
    ]
    assert "SHACL: not run (--no-validate)" in lines


def test_a_build_with_nothing_to_extract_says_so_instead_of_a_rate():
    lines = _build({Phase.EXTRACT: 1.2, Phase.GRAPH: 0.1}, extracted=0, unchanged=100).summary().splitlines()
    assert lines[-2:] == [
        "  reading and extraction: 1.2 s, nothing extracted",
        "  graphs: 0.1 s, no new graph",
    ]
