-- model: dim_unit_alias
-- grain: one row per alternative spelling of a unit
-- key: alias
-- relationship: unit_name -> dim_unit.unit_name
CREATE TABLE IF NOT EXISTS dim_unit_alias (
    alias      VARCHAR NOT NULL,
    unit_name  VARCHAR NOT NULL
);
COMMENT ON TABLE dim_unit_alias IS 'Alternative spellings (full names, older abbreviations) that map to a unit name.';
