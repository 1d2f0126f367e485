"""The first schema: snapshots, content-addressed records and content-addressed tie chunks.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Create the tables of the first schema."""
    op.create_table(
        "blobs",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("hash", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("as_of", sa.Date, nullable=False, unique=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("region_name", sa.Text, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("encoding", sa.Integer, nullable=False),
        sa.Column("tie_ids", sa.String(64), sa.ForeignKey("blobs.hash"), nullable=False),
        sa.Column("tie_meetings", sa.String(64), sa.ForeignKey("blobs.hash"), nullable=False),
    )
    op.create_table(
        "snapshot_records",
        sa.Column(
            "snapshot_id",
            sa.Integer,
            sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("record_hash", sa.String(64), sa.ForeignKey("records.hash"), nullable=False),
    )
    op.create_index("ix_snapshot_records_hash", "snapshot_records", ["record_hash"])
    op.create_table(
        "snapshot_ties",
        sa.Column(
            "snapshot_id",
            sa.Integer,
            sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("chunk_hash", sa.String(64), sa.ForeignKey("blobs.hash"), nullable=False),
    )
    op.create_index("ix_snapshot_ties_hash", "snapshot_ties", ["chunk_hash"])


def downgrade() -> None:
    """Drop every table of the first schema."""
    for table in ("snapshot_ties", "snapshot_records", "snapshots", "records", "blobs"):
        op.drop_table(table)
