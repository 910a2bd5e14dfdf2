"""People and their cards.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from central.tables import UTCDateTime

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
    )
    op.create_table(
        "cards",
        sa.Column("uid", sa.String(40), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_cards_person_id_people"),
        sa.PrimaryKeyConstraint("uid", name="pk_cards"),
    )
    op.create_index("ix_cards_person", "cards", ["person_id"])


def downgrade() -> None:
    op.drop_index("ix_cards_person", table_name="cards")
    op.drop_table("cards")
    op.drop_table("people")
