namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// The roles a unit has in a task (lead, responsible): defined once, in seeds/vocabulary/roles.csv, stored in vocab_role
/// on every schema refresh. fact_task_assignment.role holds the code; outputs print <see cref="Label"/> or
/// <see cref="UnitTitle"/> from here. The notice's own wording (牵头部门, 主要责任单位 …) is grammar the parser reads, not
/// this vocabulary.
/// </summary>
public static class RoleVocabulary
{
    /// <summary>The seed and its table.</summary>
    public static readonly VocabularySeed Seed = new("seeds/vocabulary/roles.csv", "vocab_role", ["role_code", "sort_order", "label_zh", "label_en"]);

    /// <summary>Codes stored in fact_task_assignment.role.</summary>
    public static class Codes
    {
        public const string Lead = "lead";
        public const string Responsible = "responsible";
    }

    /// <summary>Chinese name of the role with this code, e.g. the lead role's.</summary>
    public static string Label(string code) =>
        Seed.Rows.FirstOrDefault(r => r[0] == code) is { } row ? Seed.Cell(row, "label_zh") : throw new KeyNotFoundException($"{Seed.SeedPath} has no role {code}");

    /// <summary>The lead role's Chinese name, as prose and legends print it (e.g. before 任务).</summary>
    public static string LeadLabel => Label(Codes.Lead);

    /// <summary>The responsible role's Chinese name.</summary>
    public static string ResponsibleLabel => Label(Codes.Responsible);

    /// <summary>The column title for the units of a role: its name followed by 单位 (unit).</summary>
    public static string UnitTitle(string code) => Label(code) + "单位";

    /// <summary>Lead units' column title.</summary>
    public static string LeadUnits => UnitTitle(Codes.Lead);

    /// <summary>Responsible units' column title.</summary>
    public static string ResponsibleUnits => UnitTitle(Codes.Responsible);
}
