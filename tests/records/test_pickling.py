"""Records cross process boundaries (pool workers, Dask, the build's spool) as pickles."""

from __future__ import annotations

import pickle

import pytest

from newskg.records import Mention, Period


def test_records_come_back_from_a_pickle_equal_and_still_frozen(seeds_result):
    records = seeds_result.records
    assert records and any(r.roles for r in records) and any(r.statistics for r in records)
    again = pickle.loads(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == records
    assert [type(r.entities[0].mentions[0]) for r in again] == [Mention] * len(again)
    stat = next(s for r in again for s in r.statistics)
    with pytest.raises(AttributeError):
        stat.value = 0  # type: ignore[misc]


def test_defaults_and_optional_fields_survive_a_pickle():
    period = Period(label="last year")
    assert pickle.loads(pickle.dumps(period)) == period
