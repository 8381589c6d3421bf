namespace Wcc.Reports.Workload;

/// <summary>Where the workload report writes, and optional overrides of the documented weights (mart_parameter).</summary>
/// <param name="OutputDirectory">Folder for charts, CSVs and captions (created when missing).</param>
/// <param name="LeadWeight">Weight of a led task; null = mart_parameter.lead_weight (2.0).</param>
/// <param name="ResponsibleWeight">Weight of a co-responsible task; null = mart_parameter.responsible_weight (1.0).</param>
/// <param name="Overwrite">Write into an output folder that already holds files.</param>
public sealed record WorkloadOptions(string OutputDirectory, double? LeadWeight = null, double? ResponsibleWeight = null, bool Overwrite = false)
{
    /// <summary>True when either weight is overridden, so the bound queries replace the default views.</summary>
    public bool OverridesWeights => LeadWeight is not null || ResponsibleWeight is not null;
}
