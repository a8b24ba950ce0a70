"""One fixed moment per build, so the same sources give byte-identical documents."""

from __future__ import annotations

from datetime import UTC, date, datetime

#: 1 January 1980, the earliest date a zip entry can carry.
ZIP_EPOCH = 315532800


def datum_van_tijdstip(tijdstip: int) -> datetime:
    """A fixed UTC datetime from a unix time (0 gives 1 January 1980, the zip epoch)."""
    if tijdstip <= ZIP_EPOCH:
        return datetime(1980, 1, 1, tzinfo=UTC)
    return datetime.fromtimestamp(tijdstip, tz=UTC).replace(microsecond=0)


def moment_van_datum(dag: date) -> datetime:
    """The moment of a document date given by the user (--datum, consultatie.toml): midnight UTC of that day
    (1 January 1980 at the earliest, as above)."""
    return max(datetime(dag.year, dag.month, dag.day, tzinfo=UTC), datum_van_tijdstip(0))
