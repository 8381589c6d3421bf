namespace Wcc.Etl.Synthetic;

/// <summary>Published Xi'an figures that synthetic series are pinned to, so levels are believable.</summary>
/// <remarks>
/// Source: Xi'an's 2017 monitoring report on the women's and children's development plans
/// (孕产妇死亡率 12.18/10万, 婴儿死亡率 2.72‰, 5岁以下儿童死亡率 3.61‰, 国家免疫规划疫苗接种率 ≥ 99.9%;
/// 89 of 116 quantified indicators met: women's plan 65.2%, children's plan 92.0%).
/// Keyed by indicator code in seeds/indicators.csv; an indicator without an anchor gets a level derived from its target.
/// </remarks>
public static class SyntheticAnchors
{
    /// <summary>The year the published anchors describe.</summary>
    public const int AnchorYear = 2017;

    /// <summary>City-level value in <see cref="AnchorYear"/> by indicator code.</summary>
    public static IReadOnlyDictionary<string, double> CityValue2017 { get; } = new Dictionary<string, double>
    {
        ["W_MATERNAL_MORTALITY"] = 12.18,
        ["C_INFANT_MORTALITY"] = 2.72,
        ["C_U5_MORTALITY"] = 3.61,
        ["C_IMMUNISATION"] = 99.9,
    };

    /// <summary>Share of quantified plan indicators met in 2017: the generator's odds of a "met" fate by population.</summary>
    public static IReadOnlyDictionary<string, double> ShareMet { get; } = new Dictionary<string, double>
    {
        ["women"] = 0.652,
        ["children"] = 0.920,
        ["both"] = 0.767, // 89 of 116 overall
    };
}
