using System.Reflection;

namespace Wcc.Warehouse.Schema;

/// <summary>The warehouse's SQL models, read from the files embedded in this assembly, in apply order.</summary>
public static class SchemaCatalog
{
    /// <summary>Bump when a table changes shape, and add <c>sql/migrations/NNN_*.sql</c> taking the previous version to it.</summary>
    /// <remarks>
    /// History: 1 = dimensions, notice and observation facts; 2 = forecasts, backtest scores, marts and pack views
    /// (new tables and views only, so replaying the models is the whole migration); 3 = the forecast's predictive
    /// distribution and interval calibration, backtest coverage and reliability, plan target limits (columns added by
    /// <c>sql/migrations/003_forecast_distribution.sql</c>); 4 = the data-collection round (dim_indicator.reporting_unit,
    /// progress evidence columns, audit rules, collection tables: migrations/004_collection.sql); 5 = the indicator
    /// catalogue (dim_indicator.plan_zh, domain_zh, target_source) and the reference series fact_reference_value
    /// (migrations/005_indicator_catalogue.sql); 6 = the status vocabulary (vocab_status, filled from
    /// seeds/vocabulary/statuses.csv) and the evaluation views (migrations/006_vocabulary.sql).
    /// </remarks>
    public const int CurrentVersion = 6;

    private static readonly Lazy<IReadOnlyList<SqlModel>> models = new(LoadModels);

    /// <summary>Every table and view, ordered by file path (the numbered folders set the order).</summary>
    public static IReadOnlyList<SqlModel> Models => models.Value;

    /// <summary>Finds a model by its table or view name.</summary>
    public static SqlModel Get(string name) =>
        Models.FirstOrDefault(m => m.Name == name) ?? throw new KeyNotFoundException($"no model named {name}");

    /// <summary>Migration scripts keyed by the version they produce.</summary>
    public static IReadOnlyDictionary<int, string> Migrations { get; } = LoadMigrations();

    private static IReadOnlyList<SqlModel> LoadModels()
    {
        var assembly = typeof(SchemaCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)
                        && !n.StartsWith("sql/migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => SqlModel.Parse(n, Read(assembly, n)))
            .ToList();
    }

    private static Dictionary<int, string> LoadMigrations()
    {
        var assembly = typeof(SchemaCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/migrations/", StringComparison.Ordinal))
            .ToDictionary(n => int.Parse(Path.GetFileName(n)[..3]), n => Read(assembly, n));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
