namespace Wcc.Etl.Collection;

/// <summary>The documented layout of a collection form: sheet names, the header texts the intake finds columns by, keys.</summary>
/// <remarks>
/// Other tools may fill the forms too (offices script their returns), so the intake never relies on a sheet's name, its
/// position or a column's position: it finds the data sheets by their header row and the columns by these header texts,
/// and the keys (indicator code, area code, sex, task number, unit, round) are plain visible cells, which survive a
/// clerk's editing and a re-save by Excel, WPS or LibreOffice (custom XML parts and comments may not).
/// </remarks>
public static class CollectionLayout
{
    /// <summary>Sheet names as written; a clerk may rename or reorder them.</summary>
    public const string InstructionsSheet = "填报说明", IndicatorSheet = "指标数据", ProgressSheet = "任务进展", FeedbackSheet = "审核结果";

    /// <summary>Labels of the key cells on row 1 of every sheet; the value is the next non-empty cell to the right.</summary>
    public const string UnitLabel = "报送单位", RoundLabel = "报送年度", DeadlineLabel = "截止日期";

    /// <summary>Required columns of 指标数据 (the documented contract).</summary>
    public const string IndicatorCode = "指标代码", AreaCode = "地区代码", Sex = "性别", Value = "填报值", Explanation = "说明";

    /// <summary>Optional columns of 指标数据 the intake reads when present.</summary>
    public const string DataSource = "数据来源";

    /// <summary>Required columns of 任务进展 (the documented contract).</summary>
    public const string TaskNo = "任务编号", Status = "进展状态", Narrative = "进展情况";

    /// <summary>Optional columns of 任务进展 the intake reads when present.</summary>
    public const string Evidence = "佐证材料或文号", CompletionDate = "完成时间";

    /// <summary>Sexes as the form writes them (SDMX codes, the same as dim_sex).</summary>
    public const string Female = "F", Male = "M", Total = "T";

    /// <summary>Rows of a sheet searched for its header row (the meta row and a note come first; clerks add a few).</summary>
    public const int HeaderSearchRows = 30;

    /// <summary>The header row of the data sheets as written (row 1 keys, row 2 a note).</summary>
    public const int HeaderRow = 3;

    /// <summary>Stable key of an indicator cell, as in <c>fact_collection_owed.item_key</c>.</summary>
    public static string IndicatorKey(string indicatorCode, string areaCode, string sex) => $"{indicatorCode}|{areaCode}|{sex}";

    /// <summary>Stable key of a progress row.</summary>
    public static string TaskKey(int taskNo) => $"task:{taskNo}";

    /// <summary>How a collected value is sourced in fact_observation and fact_task_progress.</summary>
    public static string Source(string unitName, int round) => $"{unitName} {round}年度报送";

    /// <summary>Chinese name of a sex code.</summary>
    public static string SexName(string sex) => sex switch { Female => "女", Male => "男", _ => "合计" };
}
