namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// The two development plans and their domains (领域), in the order of the 2011-2020 outlines' chapters (中国妇女发展纲要:
/// 健康, 教育, 经济, 决策和管理, 社会保障, 环境, 法律; 中国儿童发展纲要: 健康, 教育, 福利, 社会环境, 法律保护). The indicator seed
/// accepts only these; reports list domains in this order.
/// </summary>
public static class PlanDomains
{
    /// <summary>The women's development plan (妇女发展规划/纲要).</summary>
    public const string WomenPlan = "妇女";

    /// <summary>The children's development plan (儿童发展规划/纲要).</summary>
    public const string ChildrenPlan = "儿童";

    /// <summary>Each plan's domains, plans and domains in the outlines' order.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByPlan = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [WomenPlan] = ["健康", "教育", "经济", "决策和管理", "社会保障", "环境", "法律"],
        [ChildrenPlan] = ["健康", "教育", "福利", "社会环境", "法律保护"],
    };
}
