"""The audit log is append-only in the database too (PostgreSQL), and staff can read it."""

from django.db import migrations

from campaign.staff_groups import DATA_STAFF, ORGANISERS, grant_permissions, revoke_permissions

PERMISSIONS = {
    ORGANISERS: {"audit": {"auditlog": ["view"]}},
    DATA_STAFF: {"audit": {"auditlog": ["view"]}},
}

# TRUNCATE (tests' flush) is not refused: only row changes are.
APPEND_ONLY = """
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_auditlog
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
"""
DROP_APPEND_ONLY = """
DROP TRIGGER IF EXISTS audit_log_append_only ON audit_auditlog;
DROP FUNCTION IF EXISTS audit_log_append_only();
"""


def grant(apps, schema_editor):
    grant_permissions(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, PERMISSIONS)


def append_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY)


def not_append_only(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_APPEND_ONLY)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_log"),
        ("campaign", "0002_create_staff_groups"),
    ]

    operations = [
        migrations.RunPython(append_only, not_append_only),
        migrations.RunPython(grant, revoke),
    ]
