-- model: latest_load_id
-- grain: scalar macro latest_load_id(): the load id of the latest succeeded load (etl_run), null before any
-- What a forecast run records as the data it saw (meta_forecast_run.last_load_id) and what forecast_current compares it
-- with. Load ids only grow (etl_run_seq; no command deletes etl_run rows), so a larger id is a later load; a failed load
-- changed nothing and is not counted.
CREATE OR REPLACE MACRO latest_load_id() AS
    (SELECT max(load_id) FROM etl_run WHERE status = 'succeeded');
