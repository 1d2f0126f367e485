"""Retention bookkeeping: a log of purges, and per snapshot how many cases were purged.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the ``purges`` table and ``snapshots.purged_cases`` (0 for existing snapshots)."""
    op.create_table(
        "purges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("purged_at", sa.DateTime, nullable=False),
        sa.Column("today", sa.Date, nullable=False),
        sa.Column("older_than_days", sa.Integer, nullable=False),
        sa.Column("closed_before", sa.Date, nullable=False),
        sa.Column("cases", sa.Integer, nullable=False),
        sa.Column("snapshots", sa.Integer, nullable=False),
    )
    op.add_column(
        "snapshots",
        sa.Column("purged_cases", sa.Integer, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    """Drop what :func:`upgrade` added (the purged cases stay purged)."""
    with op.batch_alter_table("snapshots") as batch:
        batch.drop_column("purged_cases")
    op.drop_table("purges")
