namespace Wcc.Etl.Collection;

/// <summary>Chinese names of the audit rules, as the 审核结果 sheet prints them (codes are stored in fact_collection_cell.rule_code).</summary>
public static class RuleNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["not_a_number"] = "非数值",
        ["out_of_bounds"] = "超出取值范围",
        ["negative_count"] = "人数次数为负",
        ["sex_inconsistent"] = "分性别与合计不符",
        ["unknown_key"] = "表中无此项",
        ["duplicate_key"] = "重复填报",
        ["missing_key"] = "缺少指标或任务编号",
        ["bad_status"] = "进展状态不在列表中",
        ["bad_date"] = "完成时间不是日期",
        ["blank_no_reason"] = "空缺且未说明原因",
        ["yoy_change"] = "较上年变动过大",
        ["copy_paste"] = "疑似照抄上年",
        ["below_city"] = "区县均低于全市",
        ["not_above"] = "分项高于总数",
        ["control_character"] = "含控制字符",
    };

    /// <summary>The Chinese name of <paramref name="code"/> (the code itself when unknown).</summary>
    public static string Of(string? code) => code is not null && Names.TryGetValue(code, out var name) ? name : code ?? "";

    /// <summary>Severity in Chinese: a hard error (拒收), or a soft rule/empty cell returned for correction (退回).</summary>
    public static string Verdict(string outcome) => outcome switch
    {
        CellOutcome.Rejected => "拒收(须修改)",
        CellOutcome.Returned => "退回(须核实或说明)",
        CellOutcome.Missing => "空缺(须填写或说明)",
        _ => "已接受",
    };
}
