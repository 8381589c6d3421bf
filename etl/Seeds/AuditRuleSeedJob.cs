using DuckDB.NET.Data;
using Wcc.Etl.Audit;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Seeds;

/// <summary>Loads seeds/audit_rules.csv into <c>dim_audit_rule</c> (replacing it), after the indicators it names.</summary>
public static class AuditRuleSeedJob
{
    /// <summary>Job name in <c>etl_run</c>.</summary>
    public const string Job = LoadJobs.AuditRules;

    /// <summary>Reads, checks and loads <paramref name="path"/>; a bad row refuses the whole file before anything changes.</summary>
    public static RowCounts Run(DuckDBConnection connection, EtlRun run, string path)
    {
        ArgumentNullException.ThrowIfNull(run);
        var records = AuditRuleSeedFile.Read(path, SeedOrigin.ReadSet(connection, "SELECT indicator_code FROM dim_indicator"));
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "DELETE FROM dim_audit_rule";
            cmd.ExecuteNonQuery();
        }
        using var appender = connection.CreateAppender("dim_audit_rule");
        foreach (var r in records)
        {
            appender.CreateRow().AppendValue(r.RuleId).AppendValue(r.RuleKind).AppendValue(r.MeasureKind).AppendValue(r.IndicatorCode)
                .AppendValue(r.RelatedIndicatorCode).AppendValue(r.Tolerance).AppendValue(r.ToleranceUnit).AppendValue(r.Note).EndRow();
        }
        return new RowCounts(records.Count, records.Count, 0);
    }
}
