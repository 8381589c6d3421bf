-- model: dim_unit
-- grain: one row per unit name as written in a notice (市人社局), plus successors named by renames
-- key: unit_name
-- not_null: kind, is_collective, is_known
-- accepted_values: kind in (government_department, party_organ, peoples_organisation, committee_office, collective, unknown)
-- relationship: successor_name -> dim_unit.unit_name
-- expression: valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to
CREATE TABLE IF NOT EXISTS dim_unit (
    unit_name       VARCHAR NOT NULL,
    full_name       VARCHAR,
    kind            VARCHAR NOT NULL,
    is_collective   BOOLEAN NOT NULL,
    is_known        BOOLEAN NOT NULL,
    valid_from      INTEGER,
    valid_to        INTEGER,
    successor_name  VARCHAR,
    note            VARCHAR
);
COMMENT ON TABLE dim_unit IS 'Units named by the notice (lead and responsible units), from seeds/units.csv; names the seed lacks are kept with kind = unknown.';
COMMENT ON COLUMN dim_unit.unit_name IS 'Short name as written in the notice, e.g. 市人社局.';
COMMENT ON COLUMN dim_unit.full_name IS 'Full official name, e.g. 西安市人力资源和社会保障局.';
COMMENT ON COLUMN dim_unit.kind IS 'government_department, party_organ, peoples_organisation (妇联, 总工会, …), committee_office, collective (各区县妇儿工委), unknown.';
COMMENT ON COLUMN dim_unit.is_collective IS 'True for collectives of many bodies, which reports show apart from single departments.';
COMMENT ON COLUMN dim_unit.is_known IS 'False when the notice names a unit that seeds/units.csv does not list.';
COMMENT ON COLUMN dim_unit.valid_from IS 'First year the unit existed under this name (null = before the notice).';
COMMENT ON COLUMN dim_unit.valid_to IS 'Last year under this name (null = still current).';
COMMENT ON COLUMN dim_unit.successor_name IS 'The unit that took over its duties after a rename or merger (2019 institutional reform).';
