-- Scope conditions use the range path <= x < path || '0' (ScopeSql.subtree), which relies on codes being digits
-- and '/' separating them. The importers already check this; the database now guarantees it.
alter table division add constraint division_code_digits check (code ~ '^[0-9]{2,12}$');
alter table division add constraint division_path_digits check (path ~ '^[0-9]{2,12}(/[0-9]{2,12})*$');
