-- model: vocab_role
-- grain: one row per role a unit can have in a task of the notice
-- key: role_code
-- unique: label_zh
-- not_null: sort_order, label_zh, label_en
-- Rows come from seeds/vocabulary/roles.csv (RoleVocabulary.Seed, on every schema refresh): the only definition of the
-- Chinese role names; fact_task_assignment.role holds the code.
CREATE TABLE IF NOT EXISTS vocab_role (
    role_code  VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL,
    label_zh   VARCHAR NOT NULL,
    label_en   VARCHAR NOT NULL
);
COMMENT ON TABLE vocab_role IS 'The assignment-role vocabulary, defined once (seeds/vocabulary/roles.csv): lead and responsible units of a task.';
COMMENT ON COLUMN vocab_role.role_code IS 'Stable English code stored in fact_task_assignment.role: lead or responsible.';
COMMENT ON COLUMN vocab_role.sort_order IS 'Position as tables list the roles (lead first).';
COMMENT ON COLUMN vocab_role.label_zh IS 'The Chinese role name; outputs print it alone in a unit''s task list and followed by 单位 as a column title.';
COMMENT ON COLUMN vocab_role.label_en IS 'English gloss.';
