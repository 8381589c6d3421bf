using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;
using Wcc.Etl.Progress;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Etl.Collection;

/// <summary>Writes one unit's collection form (.xlsx): 填报说明, 指标数据 and 任务进展, as <see cref="CollectionLayout"/> documents.</summary>
/// <remarks>
/// The sheets are protected (no password: the aim is to stop accidents, not clerks) with only the yellow input cells
/// unlocked; the workbook structure is locked; headers are frozen, print areas and titles set. Value cells carry data
/// validation (a decimal within the indicator's bounds; the status a drop-down), which Excel, WPS and LibreOffice enforce
/// while typing. The intake re-checks everything, since another tool may fill the form.
/// </remarks>
public static class TemplateWriter
{
    /// <summary>Who to contact about the form (the committee office collects the returns).</summary>
    public const string ContactOffice = "市妇儿工委办公室";

    /// <summary>Largest magnitude a value without natural bounds may take in the validation rule (keeps text out).</summary>
    private const double UnboundedLimit = 1e12;

    // 指标数据 columns (1-based); the intake finds them by header text, these are only where the form puts them.
    private const int ColCode = 1, ColName = 2, ColArea = 3, ColAreaName = 4, ColSex = 5, ColSexName = 6, ColUnit = 7, ColRange = 8,
        ColTwoAgo = 9, ColLast = 10, ColValue = 11, ColExplanation = 12, ColSource = 13;

    // 任务进展 columns.
    private const int ColTask = 1, ColTaskText = 2, ColRole = 3, ColStatus = 4, ColNarrative = 5, ColEvidence = 6, ColDone = 7;

    /// <summary>Characters of a task's text printed on the form (the notice has the rest).</summary>
    public const int TaskTextLength = 60;

    /// <summary>Writes <paramref name="form"/> to <paramref name="path"/>.</summary>
    /// <param name="auditRules">The audit rules in words (dim_audit_rule.note), printed so the unit knows what needs a 说明.</param>
    public static void Write(string path, UnitForm form, DateOnly deadline, IReadOnlyList<string> auditRules)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = TemplateStyles.Build();
        var sheets = new Sheets();
        var names = new DefinedNames();
        workbookPart.Workbook = new Workbook(new WorkbookProtection { LockStructure = true }, sheets, names);

        AddSheet(workbookPart, sheets, names, CollectionLayout.InstructionsSheet, Instructions(form, deadline, auditRules), ColExplanation - 4, null);
        var (indicatorSheet, indicatorRows) = IndicatorSheet(form, deadline);
        AddSheet(workbookPart, sheets, names, CollectionLayout.IndicatorSheet, indicatorSheet, ColSource, indicatorRows);
        var (progressSheet, progressRows) = ProgressSheet(form, deadline);
        AddSheet(workbookPart, sheets, names, CollectionLayout.ProgressSheet, progressSheet, ColDone, progressRows);
        workbookPart.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, DefinedNames names, string name, Worksheet worksheet, int lastColumn, uint? lastRow)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        var index = (uint)sheets.ChildElements.Count;
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = index + 1, Name = name });
        var last = lastRow ?? worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Last().RowIndex!.Value;
        names.Append(new DefinedName($"'{name}'!$A$1:${SheetBuilder.ColumnName(lastColumn)}${last}") { Name = "_xlnm.Print_Area", LocalSheetId = index });
        if (lastRow is not null)
        {
            names.Append(new DefinedName($"'{name}'!$1:${CollectionLayout.HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = index });
        }
    }

    private static void MetaRow(SheetBuilder b, UnitForm form, DateOnly deadline)
    {
        b.NewRow().Text(1, CollectionLayout.UnitLabel, TemplateStyles.Label).Text(2, form.UnitName, TemplateStyles.ReadOnly)
            .Text(3, CollectionLayout.RoundLabel, TemplateStyles.Label).Number(4, form.Round, TemplateStyles.ReadOnly)
            .Text(5, CollectionLayout.DeadlineLabel, TemplateStyles.Label).Text(6, Date(deadline), TemplateStyles.ReadOnly);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Worksheet Instructions(UnitForm form, DateOnly deadline, IReadOnlyList<string> auditRules)
    {
        var b = new SheetBuilder();
        MetaRow(b, form, deadline);
        b.NewRow().Text(1, $"{form.FullName}：{form.Round}年度妇女儿童发展监测数据及重点工作进展报送表", TemplateStyles.Label);
        var lines = new List<(string Text, uint Style)>
        {
            ($"一、报送内容：“{CollectionLayout.IndicatorSheet}”表填写本单位负责报送的{form.Indicators.Count}个{form.Round}年度指标数值(按地区、性别)；“{CollectionLayout.ProgressSheet}”表填写本单位{RoleVocabulary.LeadLabel}或参与的{form.Tasks.Count}项重点工作的{form.Round}年度进展。", TemplateStyles.Default),
            ($"二、报送时限：请于{deadline.Year}年{deadline.Month}月{deadline.Day}日前将本表报送{ContactOffice}。", TemplateStyles.Default),
            ("三、填写方法：只填写黄色单元格，灰色单元格为只读(指标代码、地区代码、性别、任务编号是审核和入库的依据，请勿修改、删除或调换)。", TemplateStyles.Default),
            ("四、计量单位：按“计量单位”列填写数字，不带单位；百分比填百分数(如98.5表示98.5%，写“98.5%”也可识别)；人数、次数填整数；‰、1/10万等按所示单位填写。取值须在“取值范围”内。", TemplateStyles.Default),
            ("五、无法提供的数据：“填报值”留空，并在“说明”中写明原因(如：本年度未开展该项统计；数据须待某月公布)。留空且无说明的单元格将被退回。", TemplateStyles.Default),
            ("六、须说明的情况：数值较上年变动超过下列审核规则的允许范围、各区县数值与上年完全相同、各区县比率均低于全市等情况，请在“说明”中写明原因，否则退回核实。", TemplateStyles.Default),
            ($"七、任务进展：“{CollectionLayout.Status}”从下拉列表中选择({string.Join("/", ProgressStatus.All)})；“{CollectionLayout.Narrative}”简述本年度工作与成效；“{CollectionLayout.Evidence}”填写文件、报告名称或文号；{RoleVocabulary.LeadUnits}任务{ProgressStatus.Completed}的，填写“完成时间”。", TemplateStyles.Default),
            ($"八、联系方式：{ContactOffice}(办公室设在市妇联)。审核后如有问题，将退回“审核结果”表，请修改后再次报送，再次报送的表格替代前一次。", TemplateStyles.Default),
        };
        if (form.HistoryIsSynthetic)
        {
            lines.Add(("注意：表中“参考”列的往年数值含系统生成的模拟数据(合成数据，非真实统计)，仅供了解格式，请勿照抄；请以本单位真实统计数据填报。", TemplateStyles.Note));
        }
        if (auditRules.Count > 0)
        {
            lines.Add(("审核规则：", TemplateStyles.Label));
            lines.AddRange(auditRules.Select(r => (r, TemplateStyles.Default)));
        }
        lines.Add(("指标及计量单位：", TemplateStyles.Label));
        foreach (var g in form.Indicators.GroupBy(i => i.IndicatorCode))
        {
            var i = g.First();
            lines.Add(($"{i.IndicatorCode}  {i.NameZh}  单位：{i.UnitOfMeasure}  取值范围：{Range(i)}", TemplateStyles.Default));
        }
        foreach (var (text, style) in lines) b.NewRow().Text(1, text, style);
        var columns = new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }, new Column { Min = 2, Max = 8, Width = 16, CustomWidth = true });
        return new Worksheet(columns, b.Data, Protection(), Margins(), new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9 });
    }

    private static string Range(OwedIndicatorCell i) =>
        (i.Lower, i.Upper) switch
        {
            ({ } lo, { } hi) => $"{lo.ToString(CultureInfo.InvariantCulture)}～{hi.ToString(CultureInfo.InvariantCulture)}",
            ({ } lo, null) => $"≥{lo.ToString(CultureInfo.InvariantCulture)}",
            (null, { } hi) => $"≤{hi.ToString(CultureInfo.InvariantCulture)}",
            _ => "不限",
        };

    private static (Worksheet, uint) IndicatorSheet(UnitForm form, DateOnly deadline)
    {
        var b = new SheetBuilder();
        MetaRow(b, form, deadline);
        b.NewRow(36).Text(1, "黄色单元格为填报区，灰色为只读。无数据请留空“填报值”并在“说明”中写明原因。" +
            (form.HistoryIsSynthetic ? "参考列含系统生成的模拟数据(非真实统计)，请勿照抄。" : ""), TemplateStyles.Note);
        string[] headers =
        [
            CollectionLayout.IndicatorCode, "指标名称", CollectionLayout.AreaCode, "地区名称", CollectionLayout.Sex, "性别(中文)", "计量单位", "取值范围",
            $"{form.Round - 2}年(参考)", $"{form.Round - 1}年(参考)", CollectionLayout.Value, CollectionLayout.Explanation, CollectionLayout.DataSource,
        ];
        b.NewRow(30);
        for (var c = 0; c < headers.Length; c++) b.Text(c + 1, headers[c], TemplateStyles.Header);

        var validations = new Dictionary<(double?, double?), List<string>>();
        foreach (var i in form.Indicators)
        {
            b.NewRow().Text(ColCode, i.IndicatorCode, TemplateStyles.ReadOnly).Text(ColName, i.NameZh, TemplateStyles.ReadOnly)
                .Text(ColArea, i.AreaCode, TemplateStyles.ReadOnly).Text(ColAreaName, i.AreaName, TemplateStyles.ReadOnly)
                .Text(ColSex, i.Sex, TemplateStyles.ReadOnly).Text(ColSexName, CollectionLayout.SexName(i.Sex), TemplateStyles.ReadOnly)
                .Text(ColUnit, i.UnitOfMeasure, TemplateStyles.ReadOnly).Text(ColRange, Range(i), TemplateStyles.ReadOnly)
                .Number(ColTwoAgo, i.TwoYearsAgo, TemplateStyles.ReadOnly).Number(ColLast, i.LastYear, TemplateStyles.ReadOnly)
                .Number(ColValue, null, TemplateStyles.InputNumber).Text(ColExplanation, null, TemplateStyles.InputText)
                .Text(ColSource, null, TemplateStyles.InputText);
            var bounds = (i.Lower, i.Upper);
            if (!validations.TryGetValue(bounds, out var refs)) validations[bounds] = refs = [];
            refs.Add(SheetBuilder.Ref(ColValue, b.RowIndex));
        }
        var dv = new DataValidations();
        foreach (var ((lower, upper), refs) in validations.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2))
        {
            dv.Append(DecimalRule(lower, upper, refs));
        }
        dv.Count = (uint)dv.ChildElements.Count;

        var widths = new double[] { 24, 30, 10, 10, 6, 9, 9, 12, 12, 12, 12, 30, 18 };
        var worksheet = new Worksheet(FitToWidth(), Frozen(), Widths(widths), b.Data, Protection());
        if (dv.Count > 0) worksheet.Append(dv);
        worksheet.Append(Margins(), new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        return (worksheet, b.RowIndex);
    }

    private static DataValidation DecimalRule(double? lower, double? upper, List<string> refs)
    {
        var rule = new DataValidation
        {
            Type = DataValidationValues.Decimal, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
            ErrorTitle = "数值有误", PromptTitle = "填写数字",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', refs) },
        };
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var lo = lower ?? -UnboundedLimit;
        var hi = upper ?? UnboundedLimit;
        rule.Operator = DataValidationOperatorValues.Between;
        rule.Error = $"请填写{F(lo)}到{F(hi)}之间的数字；无数据请留空并在“说明”中写明原因。";
        rule.Prompt = lower is null && upper is null ? "数字" : $"{F(lo)}～{F(hi)}";
        rule.Append(new Formula1(F(lo)), new Formula2(F(hi)));
        return rule;
    }

    private static (Worksheet, uint) ProgressSheet(UnitForm form, DateOnly deadline)
    {
        var b = new SheetBuilder();
        MetaRow(b, form, deadline);
        b.NewRow(36).Text(1, $"“{CollectionLayout.Status}”请从下拉列表选择；{RoleVocabulary.LeadUnits}任务{ProgressStatus.Completed}的填写“完成时间”(如 {form.Round}-06-30)。", TemplateStyles.Note);
        string[] headers =
        [
            CollectionLayout.TaskNo, "任务内容(摘要)", "承担角色", CollectionLayout.Status, CollectionLayout.Narrative, CollectionLayout.Evidence,
            CollectionLayout.CompletionDate + $"({RoleVocabulary.LeadUnits}填写)",
        ];
        b.NewRow(30);
        for (var c = 0; c < headers.Length; c++) b.Text(c + 1, headers[c], TemplateStyles.Header);
        var statusRefs = new List<string>();
        var dateRefs = new List<string>();
        foreach (var t in form.Tasks)
        {
            var text = t.TaskText.Length > TaskTextLength ? t.TaskText[..TaskTextLength] + "…" : t.TaskText;
            b.NewRow().Number(ColTask, t.TaskNo, TemplateStyles.ReadOnly).Text(ColTaskText, text, TemplateStyles.ReadOnlyWrap)
                .Text(ColRole, t.IsLead ? RoleVocabulary.LeadUnits : RoleVocabulary.ResponsibleUnits, TemplateStyles.ReadOnly)
                .Text(ColStatus, null, TemplateStyles.InputText).Text(ColNarrative, null, TemplateStyles.InputText)
                .Text(ColEvidence, null, TemplateStyles.InputText);
            if (t.IsLead)
            {
                b.Number(ColDone, null, TemplateStyles.InputDate);
                dateRefs.Add(SheetBuilder.Ref(ColDone, b.RowIndex));
            }
            else
            {
                b.Text(ColDone, "—", TemplateStyles.ReadOnly);
            }
            statusRefs.Add(SheetBuilder.Ref(ColStatus, b.RowIndex));
        }
        var dv = new DataValidations();
        if (statusRefs.Count > 0)
        {
            var list = new DataValidation
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowDropDown = false,
                ErrorTitle = "进展状态有误", Error = $"请从下拉列表中选择：{string.Join("/", ProgressStatus.All)}",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', statusRefs) },
            };
            list.Append(new Formula1($"\"{string.Join(",", ProgressStatus.All)}\""));
            dv.Append(list);
        }
        if (dateRefs.Count > 0)
        {
            var date = new DataValidation
            {
                Type = DataValidationValues.Date, Operator = DataValidationOperatorValues.Between, AllowBlank = true, ShowErrorMessage = true,
                ErrorTitle = "日期有误", Error = $"请填写{form.Round - 3}年至{form.Round + 1}年之间的日期，如 {form.Round}-06-30",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = string.Join(' ', dateRefs) },
            };
            date.Append(new Formula1(Serial(new DateOnly(form.Round - 3, 1, 1))), new Formula2(Serial(new DateOnly(form.Round + 1, 12, 31))));
            dv.Append(date);
        }
        dv.Count = (uint)dv.ChildElements.Count;
        var worksheet = new Worksheet(FitToWidth(), Frozen(), Widths([9, 50, 10, 12, 50, 24, 16]), b.Data, Protection());
        if (dv.Count > 0) worksheet.Append(dv);
        worksheet.Append(Margins(), new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        return (worksheet, b.RowIndex);
    }

    /// <summary>Excel's date serial of <paramref name="date"/>.</summary>
    public static string Serial(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture);

    private static SheetProperties FitToWidth() => new(new PageSetupProperties { FitToPage = true });

    private static SheetViews Frozen()
    {
        var top = SheetBuilder.Ref(1, CollectionLayout.HeaderRow + 1);
        return new SheetViews(new SheetView(
            new Pane { VerticalSplit = CollectionLayout.HeaderRow, TopLeftCell = top, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = top, SequenceOfReferences = new ListValue<StringValue> { InnerText = top } })
        { WorkbookViewId = 0 });
    }

    private static Columns Widths(double[] widths)
    {
        var columns = new Columns();
        for (var c = 0; c < widths.Length; c++) columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = widths[c], CustomWidth = true });
        return columns;
    }

    /// <summary>Locked cells stay locked; unlocked (input) cells stay editable; rows and columns may be resized.</summary>
    private static SheetProtection Protection() => new()
    {
        Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, SelectLockedCells = false, SelectUnlockedCells = false,
    };

    private static PageMargins Margins() => new() { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 };
}
