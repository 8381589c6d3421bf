-- Schema version 8: many notices. Every table naming a task gains the notice it belongs to (notice_id, appended last so
-- the models list it last in the same order); dim_notice gains its key and metadata; dim_notice_history (new) is created
-- by replaying the models. The one notice an older warehouse holds is the seed notice: it gets the seed's fixed id
-- '610100-2018-2020' (NoticeKey.SeedId; a test checks the two agree) and becomes the default notice. Document number and
-- issue date are not known without the file: the next `wcc build` re-parses the seed and fills them.
-- Each step is idempotent (IF NOT EXISTS, WHERE … IS NULL): a file already of this shape is left as it is.
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS issuer VARCHAR;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS area_code VARCHAR;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS document_no VARCHAR;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS issue_date DATE;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS period_start_year INTEGER;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS file_sha256 VARCHAR;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS loaded_at TIMESTAMP;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS version INTEGER DEFAULT 1;
ALTER TABLE dim_notice ADD COLUMN IF NOT EXISTS is_default BOOLEAN DEFAULT false;
-- The notice's own load: the latest successful run of the notice job recorded its file's hash and time.
UPDATE dim_notice SET
    notice_id = '610100-2018-2020',
    area_code = '610100',
    issuer = nullif(regexp_extract(notice_title, '^(.*?)关于', 1), ''),
    period_start_year = TRY_CAST(nullif(regexp_extract(document_title, '(\d{4})\s*[-－—~～至]\s*\d{4}\s*年', 1), '') AS INTEGER),
    file_sha256 = (SELECT file_sha256 FROM etl_run WHERE job = 'notice' AND status = 'succeeded' ORDER BY load_id DESC LIMIT 1),
    loaded_at = (SELECT started_at FROM etl_run WHERE job = 'notice' AND status = 'succeeded' ORDER BY load_id DESC LIMIT 1),
    version = 1,
    is_default = true
WHERE notice_id IS NULL;

ALTER TABLE dim_chapter ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
UPDATE dim_chapter SET notice_id = '610100-2018-2020' WHERE notice_id IS NULL;
ALTER TABLE dim_task ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
UPDATE dim_task SET notice_id = '610100-2018-2020' WHERE notice_id IS NULL;
ALTER TABLE fact_task_assignment ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
UPDATE fact_task_assignment SET notice_id = '610100-2018-2020' WHERE notice_id IS NULL;
ALTER TABLE fact_task_target ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
UPDATE fact_task_target SET notice_id = '610100-2018-2020' WHERE notice_id IS NULL;
ALTER TABLE fact_task_progress ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
UPDATE fact_task_progress SET notice_id = '610100-2018-2020' WHERE notice_id IS NULL;
-- Optional references: set only where a task is named.
ALTER TABLE fact_target ADD COLUMN IF NOT EXISTS notice_id VARCHAR;
UPDATE fact_target SET notice_id = '610100-2018-2020' WHERE notice_id IS NULL AND task_no IS NOT NULL;
ALTER TABLE plan_task ADD COLUMN IF NOT EXISTS source_notice_id VARCHAR;
UPDATE plan_task SET source_notice_id = '610100-2018-2020' WHERE source_notice_id IS NULL AND source_task_no IS NOT NULL;
