"""Case work: persons, cases, consent, disclosures, activities, directory, network activities.

The FTS5 trigram index over person names is kept in step with person_name by triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 15:40:03.257986
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agency",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("contact_person", sa.String(length=100), nullable=True),
        sa.Column("accepts", sa.Text(), nullable=True),
        sa.Column("capacity_note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency")),
    )
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agency_kind"), ["kind"], unique=False)

    op.create_table(
        "network_activity",
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("council_kind", sa.String(length=20), nullable=True),
        sa.Column("hosted", sa.Boolean(), nullable=False),
        sa.Column("topic", sa.String(length=300), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network_activity")),
    )
    with op.batch_alter_table("network_activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_network_activity_held_on"), ["held_on"], unique=False)

    op.create_table(
        "person",
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("family_kana", sa.String(length=100), nullable=False),
        sa.Column("given_kana", sa.String(length=100), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=4), nullable=True),
        sa.Column("nationality", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("registered_address", sa.Text(), nullable=True),
        sa.Column("registration_status", sa.String(length=16), nullable=True),
        sa.Column("desired_return_area", sa.String(length=200), nullable=True),
        sa.Column("support_category", sa.String(length=8), nullable=True),
        sa.Column("care_level", sa.String(length=8), nullable=True),
        sa.Column("care_valid_until", sa.Date(), nullable=True),
        sa.Column("public_assistance", sa.Boolean(), nullable=True),
        sa.Column("pension", sa.String(length=200), nullable=True),
        sa.Column("health_insurance", sa.String(length=200), nullable=True),
        sa.Column("money_management", sa.String(length=200), nullable=True),
        sa.Column("family_contacts", sa.Text(), nullable=True),
        sa.Column("emergency_contact", sa.Text(), nullable=True),
        sa.Column("wishes", sa.Text(), nullable=True),
        sa.Column("life_history", sa.Text(), nullable=True),
        sa.Column("diagnosis", sa.Text(), nullable=True),
        sa.Column("medical_notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "certificate",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("grade", sa.String(length=16), nullable=True),
        sa.Column("local_label", sa.String(length=50), nullable=True),
        sa.Column("number", sa.String(length=50), nullable=True),
        sa.Column("issuer", sa.String(length=100), nullable=True),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_certificate_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_person_id"), ["person_id"], unique=False)

    op.create_table(
        "disability",
        sa.Column("rowid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_disability_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_disability")),
        sa.UniqueConstraint("person_id", "kind", name=op.f("uq_disability_person_id")),
    )
    with op.batch_alter_table("disability", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disability_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_name",
        sa.Column("rowid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_name_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_person_name")),
    )
    with op.batch_alter_table("person_name", schema=None) as batch_op:
        batch_op.create_index("ix_person_name_key", ["key"], unique=False)
        batch_op.create_index("ix_person_name_person_id", ["person_id"], unique=False)

    op.create_table(
        "support_case",
        sa.Column("case_no", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("business_line", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("center_role", sa.String(length=16), nullable=True),
        sa.Column("partner_center", sa.String(length=200), nullable=True),
        sa.Column("partner_reference", sa.String(length=100), nullable=True),
        sa.Column("requester", sa.String(length=16), nullable=True),
        sa.Column("requester_document_no", sa.String(length=100), nullable=True),
        sa.Column("request_date", sa.Date(), nullable=True),
        sa.Column("target_category", sa.String(length=8), nullable=True),
        sa.Column("facility_name", sa.String(length=200), nullable=True),
        sa.Column("sentence_kind", sa.String(length=20), nullable=True),
        sa.Column("offence", sa.Text(), nullable=True),
        sa.Column("sentence_end", sa.Date(), nullable=True),
        sa.Column("expected_release", sa.Date(), nullable=True),
        sa.Column("detention_expiry", sa.Date(), nullable=True),
        sa.Column("lawyer_name", sa.String(length=100), nullable=True),
        sa.Column("lawyer_contact", sa.String(length=200), nullable=True),
        sa.Column("primary_staff_id", sa.String(length=36), nullable=True),
        sa.Column("secondary_staff_id", sa.String(length=36), nullable=True),
        sa.Column("release_date", sa.Date(), nullable=True),
        sa.Column("destination_kind", sa.String(length=4), nullable=True),
        sa.Column("destination_name", sa.String(length=200), nullable=True),
        sa.Column("follow_up_planned_end", sa.Date(), nullable=True),
        sa.Column("closure_date", sa.Date(), nullable=True),
        sa.Column("closure_reason", sa.String(length=20), nullable=True),
        sa.Column("readmission", sa.String(length=8), nullable=False),
        sa.Column("readmission_date", sa.Date(), nullable=True),
        sa.Column("readmission_source", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_support_case_person_id_person")),
        sa.ForeignKeyConstraint(
            ["primary_staff_id"], ["staff.id"], name=op.f("fk_support_case_primary_staff_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["secondary_staff_id"], ["staff.id"], name=op.f("fk_support_case_secondary_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_case")),
        sa.UniqueConstraint("case_no", name=op.f("uq_support_case_case_no")),
    )
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.create_index("ix_support_case_closure_date", ["closure_date"], unique=False)
        batch_op.create_index("ix_support_case_detention_expiry", ["detention_expiry"], unique=False)
        batch_op.create_index("ix_support_case_expected_release", ["expected_release"], unique=False)
        batch_op.create_index(batch_op.f("ix_support_case_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_support_case_primary_staff_id"), ["primary_staff_id"], unique=False
        )
        batch_op.create_index("ix_support_case_release_date", ["release_date"], unique=False)
        batch_op.create_index("ix_support_case_request_date", ["request_date"], unique=False)
        batch_op.create_index("ix_support_case_state_line", ["state", "business_line"], unique=False)

    op.create_table(
        "activity",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("counterpart", sa.String(length=200), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_activity_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_activity_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index("ix_activity_case_time", ["case_id", "occurred_at"], unique=False)

    op.create_table(
        "application_support",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("office", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_application_support_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_support")),
    )
    with op.batch_alter_table("application_support", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_support_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_review",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_case_review_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_review")),
    )
    with op.batch_alter_table("case_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_review_case_id"), ["case_id"], unique=False)

    op.create_table(
        "case_state_change",
        sa.Column("rowid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=True),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("changed_at", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_case_state_change_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_case_state_change")),
    )
    with op.batch_alter_table("case_state_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_state_change_case_id"), ["case_id"], unique=False)

    op.create_table(
        "consent",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("recipient_names", sa.Text(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("given_by", sa.String(length=16), nullable=False),
        sa.Column("giver_name", sa.String(length=100), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawal_note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_consent_case_id_support_case")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_consent_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent")),
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "consultation",
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("consulter_kind", sa.String(length=16), nullable=False),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_consultation_case_id_support_case")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_consultation_person_id_person")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_consultation_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consultation_received_at"), ["received_at"], unique=False)

    op.create_table(
        "note_draft",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_note_draft_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_note_draft_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_draft")),
        sa.UniqueConstraint("case_id", "staff_id", name=op.f("uq_note_draft_case_id")),
    )
    op.create_table(
        "placement_candidate",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("agency_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("destination_kind", sa.String(length=4), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("contacted_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agency.id"], name=op.f("fk_placement_candidate_agency_id_agency")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["support_case.id"],
            name=op.f("fk_placement_candidate_case_id_support_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_placement_candidate")),
    )
    with op.batch_alter_table("placement_candidate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_placement_candidate_case_id"), ["case_id"], unique=False)

    op.create_table(
        "activity_revision",
        sa.Column("rowid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("revision_no", sa.Integer(), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("replaced_at", sa.String(length=32), nullable=False),
        sa.Column("replaced_by", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity.id"],
            name=op.f("fk_activity_revision_activity_id_activity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_activity_revision")),
    )
    with op.batch_alter_table("activity_revision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_revision_activity_id"), ["activity_id"], unique=False)

    op.create_table(
        "disclosure",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("disclosed_at", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("recipient_kind", sa.String(length=20), nullable=False),
        sa.Column("recipient_name", sa.String(length=200), nullable=True),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("consent_id", sa.String(length=36), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("form_id", sa.String(length=40), nullable=True),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["support_case.id"], name=op.f("fk_disclosure_case_id_support_case")
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["consent.id"], name=op.f("fk_disclosure_consent_id_consent")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_disclosure_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure")),
    )
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disclosure_disclosed_at"), ["disclosed_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_disclosure_person_id"), ["person_id"], unique=False)

    # Substring search over names (3+ characters) for 100,000 persons: an external-content FTS5 table
    # with the trigram tokenizer, which works for Japanese without a word segmenter.
    op.execute(
        "CREATE VIRTUAL TABLE person_name_fts USING fts5(key, content='person_name', content_rowid='rowid', "
        "tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER person_name_ai AFTER INSERT ON person_name BEGIN "
        "INSERT INTO person_name_fts(rowid, key) VALUES (new.rowid, new.key); END"
    )
    op.execute(
        "CREATE TRIGGER person_name_ad AFTER DELETE ON person_name BEGIN "
        "INSERT INTO person_name_fts(person_name_fts, rowid, key) VALUES ('delete', old.rowid, old.key); END"
    )
    op.execute(
        "CREATE TRIGGER person_name_au AFTER UPDATE ON person_name BEGIN "
        "INSERT INTO person_name_fts(person_name_fts, rowid, key) VALUES ('delete', old.rowid, old.key); "
        "INSERT INTO person_name_fts(rowid, key) VALUES (new.rowid, new.key); END"
    )


def downgrade() -> None:
    for trigger in ("person_name_au", "person_name_ad", "person_name_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS person_name_fts")
    with op.batch_alter_table("disclosure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disclosure_person_id"))
        batch_op.drop_index(batch_op.f("ix_disclosure_disclosed_at"))

    op.drop_table("disclosure")
    with op.batch_alter_table("activity_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_revision_activity_id"))

    op.drop_table("activity_revision")
    with op.batch_alter_table("placement_candidate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_placement_candidate_case_id"))

    op.drop_table("placement_candidate")
    op.drop_table("note_draft")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_received_at"))

    op.drop_table("consultation")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_person_id"))
        batch_op.drop_index(batch_op.f("ix_consent_expires_on"))

    op.drop_table("consent")
    with op.batch_alter_table("case_state_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_state_change_case_id"))

    op.drop_table("case_state_change")
    with op.batch_alter_table("case_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_review_case_id"))

    op.drop_table("case_review")
    with op.batch_alter_table("application_support", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_support_case_id"))

    op.drop_table("application_support")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_case_time")

    op.drop_table("activity")
    with op.batch_alter_table("support_case", schema=None) as batch_op:
        batch_op.drop_index("ix_support_case_state_line")
        batch_op.drop_index("ix_support_case_request_date")
        batch_op.drop_index("ix_support_case_release_date")
        batch_op.drop_index(batch_op.f("ix_support_case_primary_staff_id"))
        batch_op.drop_index(batch_op.f("ix_support_case_person_id"))
        batch_op.drop_index("ix_support_case_expected_release")
        batch_op.drop_index("ix_support_case_detention_expiry")
        batch_op.drop_index("ix_support_case_closure_date")

    op.drop_table("support_case")
    with op.batch_alter_table("person_name", schema=None) as batch_op:
        batch_op.drop_index("ix_person_name_person_id")
        batch_op.drop_index("ix_person_name_key")

    op.drop_table("person_name")
    with op.batch_alter_table("disability", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disability_person_id"))

    op.drop_table("disability")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_person_id"))
        batch_op.drop_index(batch_op.f("ix_certificate_expires_on"))

    op.drop_table("certificate")
    op.drop_table("person")
    with op.batch_alter_table("network_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_activity_held_on"))

    op.drop_table("network_activity")
    with op.batch_alter_table("agency", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_kind"))

    op.drop_table("agency")
