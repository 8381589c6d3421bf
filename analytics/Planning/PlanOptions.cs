namespace Wcc.Analytics.Planning;

/// <summary>What `wcc plan` models: the horizon, the scenario files, where outputs go and the as-of year.</summary>
/// <param name="HorizonYear">Last year of the plan period (e.g. 2025).</param>
/// <param name="ScenarioFiles">Scenario files (.json or .jsonc); none = the baseline only.</param>
/// <param name="OutputDirectory">Folder for tables, charts, draft notices (created when missing).</param>
/// <param name="Overwrite">Replace an earlier plan in <paramref name="OutputDirectory"/> (a folder that holds files is otherwise refused).</param>
/// <param name="AsOfYear">Use observations up to this year; null = the latest observation year.</param>
public sealed record PlanOptions(int HorizonYear, IReadOnlyList<string> ScenarioFiles, string OutputDirectory, int? AsOfYear = null, bool Overwrite = false);
