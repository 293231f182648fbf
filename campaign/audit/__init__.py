"""The audit log: what staff changed in the directory and in supporters' data, append-only.

Write with `services.audit_record` / `services.audit_record_many`; admins get it by mixing in
`admin.AuditedAdminMixin`. Staff read the log in the admin; nobody edits or deletes it there,
and on PostgreSQL a trigger refuses UPDATE and DELETE on its table.
"""
