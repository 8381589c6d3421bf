namespace Wcc.Warehouse.Schema;

/// <summary>This build's warehouse schema: the SQL models and table migrations embedded from <c>warehouse/sql</c>.</summary>
public static class SchemaCatalog
{
    /// <summary>Bump when a table changes shape, and add <c>sql/migrations/NNN_*.sql</c> taking the previous version to it.</summary>
    /// <remarks>
    /// Only tables are versioned: views and macros are re-created from their files on every writer open, so changing one
    /// needs no bump. History: 1 = dimensions, notice and observation facts; 2 = forecasts, backtest scores, marts and
    /// pack views (new tables and views only, so replaying the models is the whole migration); 3 = the forecast's
    /// predictive distribution and interval calibration, backtest coverage and reliability, plan target limits (columns
    /// added by <c>sql/migrations/003_forecast_distribution.sql</c>); 4 = the data-collection round
    /// (dim_indicator.reporting_unit, progress evidence columns, audit rules, collection tables: migrations/004_collection.sql);
    /// 5 = the indicator catalogue (dim_indicator.plan_zh, domain_zh, target_source) and the reference series
    /// fact_reference_value (migrations/005_indicator_catalogue.sql); 6 = the status vocabulary (vocab_status, filled from
    /// seeds/vocabulary/statuses.csv on every schema refresh; migrations/006_vocabulary.sql); 7 = the progress-status
    /// and role vocabularies (vocab_progress_status, vocab_role from seeds/vocabulary/*.csv; migrations/007_vocabularies.sql);
    /// 8 = many notices: notice_id in every table naming a task (dim_chapter, dim_task, fact_task_assignment, fact_task_target,
    /// fact_task_progress, fact_target, plan_task.source_notice_id), dim_notice's key and metadata, dim_notice_history
    /// (migrations/008_notice_key.sql; the seed notice keeps its rows under its fixed id and is the default);
    /// 9 = the stored backtests of the methods appendix (fact_backtest_score/reliability.is_selection, the neighbouring
    /// cutoffs' rows) and meta_forecast_run, which says whether stored forecasts are current (migrations/009_stored_backtests.sql);
    /// 10 = the reject-reason vocabulary and the warehouse parameters (vocab_reject_reason, vocab_parameter
    /// from seeds/vocabulary/*.csv; dim_year becomes a view over the year range; migrations/010_vocabulary_parameters.sql).
    /// </remarks>
    public const int CurrentVersion = 10;

    private static readonly Lazy<SchemaModels> embedded = new(SchemaModels.Embedded);

    /// <summary>The embedded models, with their dependency order.</summary>
    public static SchemaModels Embedded => embedded.Value;

    /// <summary>Every table, view and macro, ordered by file path.</summary>
    public static IReadOnlyList<SqlModel> Models => Embedded.Models;

    /// <summary>Finds a model by its table or view name.</summary>
    public static SqlModel Get(string name) => Embedded.Get(name);

    /// <summary>Migration scripts keyed by the version they produce.</summary>
    public static IReadOnlyDictionary<int, string> Migrations => Embedded.Migrations;
}
