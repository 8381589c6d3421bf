namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// The load jobs named in <c>etl_run.job</c> and what each brings into the warehouse, in Chinese: the etl jobs take
/// their names from here and reports read the labels from here, so reports need not know the etl project.
/// </summary>
public static class LoadJobs
{
    public const string Areas = "seed_areas";
    public const string Units = "seed_units";
    public const string Indicators = "seed_indicators";
    public const string Targets = "seed_targets";
    public const string ReferenceValues = "seed_reference_values";
    public const string AuditRules = "seed_audit_rules";
    public const string Notice = "notice";
    public const string Observations = "observations";
    public const string UnitReturn = "collect_return";
    public const string ProgressLedger = "progress_ledger";

    /// <summary>Build steps that generate synthetic data; etl_run.job holds the name followed by its parameters.</summary>
    public const string SyntheticHistory = "synthetic_history";
    public const string SyntheticRevisions = "synthetic_revisions";
    public const string SyntheticProgress = "synthetic_progress";

    /// <summary><c>fact_observation.source</c> (and progress reports' source) of generated figures, which every output
    /// labels as synthetic.</summary>
    public const string SyntheticSource = "synthetic";

    /// <summary>What a load brought into the warehouse, in Chinese, by its job.</summary>
    public static string ContentLabel(string job) => job switch
    {
        Areas => "行政区划",
        Units => RoleVocabulary.ResponsibleUnits,
        Indicators => "监测指标",
        Targets => "目标值",
        ReferenceValues => "公开发布的参照值",
        AuditRules => "数据审核规则",
        Notice => "重点工作责任分工通知",
        Observations => "监测数据",
        UnitReturn => "单位报送的数据",
        ProgressLedger => "任务进展报告",
        _ when job.StartsWith(SyntheticHistory, StringComparison.Ordinal) => "合成监测数据",
        _ when job.StartsWith(SyntheticRevisions, StringComparison.Ordinal) => "合成数据修订记录",
        _ when job.StartsWith(SyntheticProgress, StringComparison.Ordinal) => "合成任务进展报告",
        _ => "其他数据",
    };
}
