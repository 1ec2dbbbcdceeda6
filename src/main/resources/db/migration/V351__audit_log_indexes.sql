-- Filters of the audit viewer: by user, by action, by entity (each newest first).
create index audit_log_username_idx on audit_log (username, id);
create index audit_log_action_idx on audit_log (action, id);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);
