"""The tables of the current schema, for SQLAlchemy Core queries.

The migrations in ``migrations/versions`` create these tables; this module describes
the result of the newest one (``HEAD``), and a test checks the two agree.

- ``snapshots``: one row per dated snapshot (id, as-of date, note, when added, counts);
- ``records``: every organisation, professional, agreement, ... as canonical JSON, keyed
  by the SHA-256 of its kind and content, so a record unchanged between snapshots is
  stored once;
- ``snapshot_records``: which records, in which order, make up each snapshot;
- ``blobs``: compressed chunks of tie columns (and the tie vocabularies), keyed by the
  SHA-256 of their content and shared the same way;
- ``snapshot_ties``: which chunks, in which order, hold each snapshot's ties;
- ``purges``: a log of every retention purge (when, the rule, how many cases).

Example
-------
>>> sorted(metadata.tables)[:3]
['blobs', 'purges', 'records']
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "HEAD",
    "blobs",
    "metadata",
    "purges",
    "records",
    "snapshot_records",
    "snapshot_ties",
    "snapshots",
]

HEAD = "0002"
"""The newest schema revision this release knows."""

metadata = sa.MetaData()

blobs = sa.Table(
    "blobs",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
)

records = sa.Table(
    "records",
    metadata,
    sa.Column("hash", sa.String(64), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)

snapshots = sa.Table(
    "snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("as_of", sa.Date, nullable=False, unique=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("added_at", sa.DateTime, nullable=False),
    sa.Column("region_name", sa.Text, nullable=False),
    sa.Column("counts", sa.JSON, nullable=False),
    sa.Column("encoding", sa.Integer, nullable=False),
    sa.Column("tie_ids", sa.String(64), sa.ForeignKey("blobs.hash"), nullable=False),
    sa.Column("tie_meetings", sa.String(64), sa.ForeignKey("blobs.hash"), nullable=False),
    sa.Column("purged_cases", sa.Integer, nullable=False, server_default="0"),
)

snapshot_records = sa.Table(
    "snapshot_records",
    metadata,
    sa.Column(
        "snapshot_id",
        sa.Integer,
        sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("kind", sa.String(32), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("record_hash", sa.String(64), sa.ForeignKey("records.hash"), nullable=False),
    sa.Index("ix_snapshot_records_hash", "record_hash"),
)

snapshot_ties = sa.Table(
    "snapshot_ties",
    metadata,
    sa.Column(
        "snapshot_id",
        sa.Integer,
        sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("chunk_hash", sa.String(64), sa.ForeignKey("blobs.hash"), nullable=False),
    sa.Index("ix_snapshot_ties_hash", "chunk_hash"),
)

purges = sa.Table(
    "purges",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("purged_at", sa.DateTime, nullable=False),
    sa.Column("today", sa.Date, nullable=False),
    sa.Column("older_than_days", sa.Integer, nullable=False),
    sa.Column("closed_before", sa.Date, nullable=False),
    sa.Column("cases", sa.Integer, nullable=False),
    sa.Column("snapshots", sa.Integer, nullable=False),
)
