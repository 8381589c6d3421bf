using System.Globalization;
using Wcc.Etl.Observations;
using Wcc.Etl.Progress;
using Wcc.Warehouse.Text;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Collection;

/// <summary>The audit (审核) of one return: hard rules refuse a value, soft rules need an explanation, every cell gets a verdict.</summary>
/// <remarks>
/// Hard: not a number, out of the indicator's bounds, a negative count, F + M ≠ T for counts, an unknown or duplicated
/// key, a status outside the list, an unreadable date. Soft (loaded only when 说明 says why): a change from last year
/// beyond the indicator's tolerance (dim_audit_rule), every district equal to last year (copy-paste), every district
/// below the city for a rate, a sub-group above its total (dim_audit_rule not_above).
/// </remarks>
public static partial class ReturnAudit
{
    /// <summary>Values closer than this are equal (copy-paste check; forms hold at most a few decimals).</summary>
    private const double Same = 1e-9;

    /// <summary>Audits every cell of <paramref name="workbook"/>.</summary>
    public static IReadOnlyList<AuditedCell> Run(ReturnedWorkbook workbook, AuditContext context)
    {
        var cells = new List<AuditedCell>();
        cells.AddRange(IndicatorCells(workbook, context));
        cells.AddRange(ProgressCells(workbook, context));
        return cells;
    }

    private static List<AuditedCell> IndicatorCells(ReturnedWorkbook workbook, AuditContext context)
    {
        var cells = new List<AuditedCell>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in workbook.Indicators)
        {
            var cell = new AuditedCell(row.Value, "indicator") { Explanation = row.Explanation, DataSource = row.DataSource };
            cells.Add(cell);
            var code = Clean(row.IndicatorCode)?.ToUpperInvariant();
            var area = Clean(row.AreaCode);
            var sex = Sex(Clean(row.Sex));
            if (code is null || area is null || sex is null)
            {
                cell.Judge(CellOutcome.Rejected, "missing_key", $"第{row.RowNo}行缺少指标代码、地区代码或性别",
                    "请勿删除或修改灰色的指标代码、地区代码、性别列；自行添加的行请删除");
                continue;
            }
            (cell.IndicatorCode, cell.AreaCode, cell.Sex) = (code, area, sex);
            cell.IsCity = context.CityCodes.Contains(area);
            var key = CollectionLayout.IndicatorKey(code, area, sex);
            cell.ItemKey = key;
            if (!context.OwedItems.TryGetValue(key, out var kind) || kind != "indicator" || !context.Indicators.TryGetValue(code, out var indicator))
            {
                cell.Judge(CellOutcome.Rejected, "unknown_key", $"{context.UnitName}{context.Round}年度报表中没有指标{code}、地区{area}、性别{sex}这一项",
                    "请使用本单位本年度下发的报表，勿修改指标代码、地区代码和性别；多余的行请删除");
                continue;
            }
            if (seen.TryGetValue(key, out var first))
            {
                cell.Judge(CellOutcome.Rejected, "duplicate_key", $"与单元格{first}为同一指标、地区和性别，重复填报", "请删除重复的行，只保留一个数值");
                continue;
            }
            seen[key] = row.Value.Ref;
            if (RefuseControlCharacters(cell, row.Value.Text, row.Explanation, row.DataSource)) continue;
            if (row.Value.IsBlank)
            {
                if (string.IsNullOrWhiteSpace(row.Explanation))
                {
                    cell.Judge(CellOutcome.Missing, "blank_no_reason", "未填写数值，也未说明原因", "请填写数值；确无数据的，请在“说明”列写明原因(如：本年度未开展该项统计)");
                }
                else
                {
                    cell.Judge(CellOutcome.Empty);
                }
                continue;
            }
            var (value, problem) = CollectionValue.Parse(row.Value, indicator.UnitOfMeasure);
            if (value is not { } v)
            {
                cell.Judge(CellOutcome.Rejected, "not_a_number", problem, $"请只填写数字(单位：{indicator.UnitOfMeasure})，不要填写文字；说明请写在“说明”列");
                continue;
            }
            cell.Value = v;
            if (indicator.MeasureKind == "count" && v < 0)
            {
                cell.Judge(CellOutcome.Rejected, "negative_count", $"{Number(v)}为负数，人数、次数不能为负", "请核对数值");
            }
            else if ((indicator.Lower is { } lo && v < lo) || (indicator.Upper is { } hi && v > hi))
            {
                cell.Judge(CellOutcome.Rejected, "out_of_bounds", $"{Number(v)}超出该指标的取值范围({Bounds(indicator)})",
                    $"请核对数值和计量单位({indicator.UnitOfMeasure})");
            }
        }
        SexTotals(cells, context);
        YearOnYear(cells, context);
        CopyPaste(cells, context);
        BelowCity(cells, context);
        NotAbove(cells, context);
        return cells;
    }

    private static void SexTotals(List<AuditedCell> cells, AuditContext context)
    {
        var counts = cells.Where(c => c.IsCandidate && c.Value is not null && context.Indicators.TryGetValue(c.IndicatorCode ?? "", out var i) && i.MeasureKind == "count");
        foreach (var group in counts.GroupBy(c => (c.IndicatorCode, c.AreaCode)))
        {
            var f = group.FirstOrDefault(c => c.Sex == CollectionLayout.Female);
            var m = group.FirstOrDefault(c => c.Sex == CollectionLayout.Male);
            var t = group.FirstOrDefault(c => c.Sex == CollectionLayout.Total);
            if (f is null || m is null || t is null) continue;
            if (Math.Abs(f.Value!.Value + m.Value!.Value - t.Value!.Value) <= AuditRules.SexSumTolerance) continue;
            var message = $"女性{Number(f.Value.Value)} + 男性{Number(m.Value.Value)} = {Number(f.Value.Value + m.Value.Value)}，与合计{Number(t.Value.Value)}不一致";
            foreach (var c in new[] { f, m, t }) c.Judge(CellOutcome.Rejected, "sex_inconsistent", message, "请核对分性别数值与合计，使女+男=合计");
        }
    }

    private static void YearOnYear(List<AuditedCell> cells, AuditContext context)
    {
        foreach (var c in cells.Where(c => c.IsCandidate && c.Value is not null))
        {
            var indicator = context.Indicators[c.IndicatorCode!];
            if (context.Rules.ToleranceFor(indicator.Code, indicator.MeasureKind) is not { } tolerance) continue;
            if (!context.LastYear.TryGetValue((c.IndicatorCode!, c.AreaCode!, c.Sex!), out var last)) continue;
            var change = c.Value!.Value - last;
            if (tolerance.Unit == Seeds.AuditRuleSeedFile.Points)
            {
                if (Math.Abs(change) > tolerance.Tolerance)
                {
                    c.Soft("yoy_change", $"较上年({Number(last)})变动{Signed(change)}{(indicator.UnitOfMeasure == "%" ? "个百分点" : indicator.UnitOfMeasure)}，超过允许范围±{Number(tolerance.Tolerance)}");
                }
            }
            else if (last != 0 && Math.Abs(change) / Math.Abs(last) * 100 > tolerance.Tolerance)
            {
                c.Soft("yoy_change", $"较上年({Number(last)})变动{Signed(change / Math.Abs(last) * 100)}%，超过允许范围±{Number(tolerance.Tolerance)}%");
            }
        }
    }

    private static void CopyPaste(List<AuditedCell> cells, AuditContext context)
    {
        foreach (var group in cells.Where(c => c.Value is not null && c.IsCandidate && !c.IsCity).GroupBy(c => (c.IndicatorCode, c.Sex)))
        {
            var districts = group.ToList();
            if (districts.Count < AuditRules.MinDistrictsForPattern) continue;
            var allSame = districts.All(c => context.LastYear.TryGetValue((c.IndicatorCode!, c.AreaCode!, c.Sex!), out var last) && Math.Abs(last - c.Value!.Value) < Same);
            if (!allSame) continue;
            foreach (var c in districts) c.Soft("copy_paste", $"各区县数值均与上年完全相同({districts.Count}个区县)，疑似照抄上年数据");
        }
    }

    private static void BelowCity(List<AuditedCell> cells, AuditContext context)
    {
        var rates = cells.Where(c => c.Value is not null && c.IsCandidate && context.Indicators[c.IndicatorCode!].MeasureKind == Seeds.IndicatorSeedFile.RateKind);
        foreach (var group in rates.GroupBy(c => (c.IndicatorCode, c.Sex)))
        {
            var city = group.FirstOrDefault(c => c.IsCity);
            var districts = group.Where(c => !c.IsCity).ToList();
            if (city is null || districts.Count < AuditRules.MinDistrictsForPattern) continue;
            if (districts.All(d => d.Value < city.Value))
            {
                city.Soft("below_city", $"全部{districts.Count}个区县数值(最高{Number(districts.Max(d => d.Value!.Value))})均低于全市数值{Number(city.Value!.Value)}，全市比率应在区县之间");
            }
        }
    }

    private static void NotAbove(List<AuditedCell> cells, AuditContext context)
    {
        var submitted = cells.Where(c => c.Value is not null && c.Outcome is CellOutcome.Loaded or CellOutcome.Returned)
            .ToDictionary(c => (c.IndicatorCode!, c.AreaCode!, c.Sex!), c => c.Value!.Value);
        foreach (var rule in context.Rules.NotAbove)
        {
            foreach (var c in cells.Where(c => c.IsCandidate && c.Value is not null && c.IndicatorCode == rule.IndicatorCode))
            {
                var key = (rule.TotalCode, c.AreaCode!, c.Sex!);
                if (!submitted.TryGetValue(key, out var total) && !context.ThisYear.TryGetValue(key, out total)) continue;
                if (c.Value!.Value <= total + Same) continue;
                c.Soft("not_above", $"{rule.IndicatorCode}的数值{Number(c.Value.Value)}高于{rule.TotalCode}的数值{Number(total)}" + (rule.Note is null ? "" : $"({rule.Note})"));
            }
        }
    }

    private static List<AuditedCell> ProgressCells(ReturnedWorkbook workbook, AuditContext context)
    {
        var cells = new List<AuditedCell>();
        var seen = new Dictionary<int, string>();
        foreach (var row in workbook.Progress)
        {
            var cell = new AuditedCell(row.Status, "progress") { Explanation = row.Narrative, Evidence = row.Evidence };
            cells.Add(cell);
            var taskText = Clean(row.TaskNoText);
            if (taskText is null || !int.TryParse(ObservationText.ToHalfWidth(taskText), NumberStyles.None, CultureInfo.InvariantCulture, out var taskNo))
            {
                cell.Judge(CellOutcome.Rejected, "missing_key", $"第{row.RowNo}行的任务编号“{taskText}”不是编号", "请勿修改灰色的任务编号列；自行添加的行请删除");
                continue;
            }
            cell.TaskNo = taskNo;
            cell.ItemKey = CollectionLayout.TaskKey(taskNo);
            if (!context.OwedTaskRoles.TryGetValue(taskNo, out var role))
            {
                cell.Judge(CellOutcome.Rejected, "unknown_key", $"任务{taskNo}不是{context.UnitName}在{context.Round}年度承担的任务", "请使用本单位本年度下发的报表；多余的行请删除");
                continue;
            }
            if (seen.TryGetValue(taskNo, out var first))
            {
                cell.Judge(CellOutcome.Rejected, "duplicate_key", $"任务{taskNo}与单元格{first}重复填报", "请删除重复的行");
                continue;
            }
            seen[taskNo] = row.Status.Ref;
            if (RefuseControlCharacters(cell, row.Status.Text, row.Narrative, row.Evidence)) continue;
            var status = Clean(row.Status.Text);
            if (status is null)
            {
                cell.Judge(CellOutcome.Missing, "blank_no_reason", $"任务{taskNo}未选择进展状态", $"请从下拉列表选择进展状态({string.Join("/", ProgressStatus.All)})");
                continue;
            }
            if (!ProgressStatus.All.Contains(status))
            {
                cell.Judge(CellOutcome.Rejected, "bad_status", $"进展状态“{status}”不在下拉列表中", $"请从下拉列表选择：{string.Join("/", ProgressStatus.All)}");
                continue;
            }
            cell.Status = status;
            if (role == RoleVocabulary.Codes.Lead && row.CompletionDate is { IsBlank: false } dateCell)
            {
                if (CollectionValue.ParseDate(dateCell) is not { } date)
                {
                    cell.Judge(CellOutcome.Rejected, "bad_date", $"完成时间“{dateCell.Text}”不是日期", $"请填写日期，如{context.Round}-06-30");
                    continue;
                }
                cell.CompletionDate = date;
            }
        }
        return cells;
    }

    /// <summary>The character rule of every loader (<see cref="TextRules"/>): a control character pasted into a text cell
    /// is a hard error, so nothing a later report writes can trip over it.</summary>
    private static bool RefuseControlCharacters(AuditedCell cell, params string?[] texts)
    {
        foreach (var text in texts)
        {
            if (text is null) continue;
            // XML cannot hold most control characters, so Excel stores one typed or pasted into a cell as _xHHHH_
            // (ECMA-376 ST_Xstring); what the clerk sees is the character itself.
            var problem = TextRules.Problem(text, freeText: true)
                ?? (OoxmlEscapedControl().Match(text) is { Success: true } m ? $"{m.Value} (Excel's escape of U+{m.Value[2..6]})" : null);
            if (problem is null) continue;
            cell.Judge(CellOutcome.Rejected, "control_character", $"文字中含有控制字符({problem})", TextRules.Hint);
            return true;
        }
        return false;
    }

    /// <summary>C0 controls but tab and line feed, and DEL, as Excel escapes them in cell text.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("_x00(?:0[0-8BCDEFbcdef]|1[0-9A-Fa-f]|7[Ff])_")]
    private static partial System.Text.RegularExpressions.Regex OoxmlEscapedControl();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : ObservationText.ToHalfWidth(text).Trim();

    private static string? Sex(string? text) => text?.ToUpperInvariant() switch
    {
        "F" or "女" => CollectionLayout.Female,
        "M" or "男" => CollectionLayout.Male,
        "T" or "合计" or "总计" => CollectionLayout.Total,
        null => null,
        var other => other,
    };

    private static string Bounds(IndicatorFacts i) =>
        $"{(i.Lower is { } lo ? Number(lo) : "不限")}～{(i.Upper is { } hi ? Number(hi) : "不限")}";

    private static string Number(double v) => Math.Round(v, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Signed(double v) => (v >= 0 ? "+" : "") + Number(v);
}
