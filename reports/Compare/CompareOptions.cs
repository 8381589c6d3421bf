namespace Wcc.Reports.Compare;

/// <summary>What `wcc report compare` compares and where it writes.</summary>
/// <param name="FromNoticeId">The earlier notice (dim_notice.notice_id, e.g. the seed notice's AREA-START-END id).</param>
/// <param name="ToNoticeId">The later notice.</param>
/// <param name="OutputDirectory">Folder for the page, chart and CSVs (all or nothing).</param>
/// <param name="Overwrite">Write into an output folder that already holds files.</param>
public sealed record CompareOptions(string FromNoticeId, string ToNoticeId, string OutputDirectory, bool Overwrite = false);
