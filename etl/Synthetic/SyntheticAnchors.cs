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

    /// <summary>The generator's assumed order of magnitude of a city value in <see cref="SyntheticEndYear"/> for indicators
    /// without a target (which would otherwise be placed by their natural bounds: a neonatal mortality of 600‰).</summary>
    /// <remarks>
    /// ASSUMPTIONS FOR SYNTHETIC DATA ONLY, not published figures of Xi'an: rough levels of the kind the national
    /// monitoring reports show (rates near 100% for near-universal services, a few per mille for mortality, counts
    /// scaled to a city of about 12 million). Real published values live in seeds/reference_values.csv, never here.
    /// </remarks>
    public static IReadOnlyDictionary<string, double> TypicalLevel { get; } = new Dictionary<string, double>
    {
        // women: health
        ["W_LIFE_EXPECTANCY"] = 81, ["W_PRENATAL_CHECK"] = 97, ["W_POSTNATAL_VISIT"] = 95, ["W_ANAEMIA_PREGNANT"] = 2,
        ["W_HIV_TEST_PREGNANT"] = 99, ["W_GYN_DISEASE_FOUND"] = 20, ["W_EXERCISE"] = 35, ["W_CERVICAL_SCREEN"] = 60,
        ["W_BREAST_SCREEN"] = 55,
        // women: education, economy
        ["W_HIGHER_EDU_FEMALE_SHARE"] = 52, ["W_SCHOOLING_YEARS"] = 11, ["W_ILLITERACY"] = 1.5, ["W_VOC_TRAINING"] = 20_000,
        ["W_URBAN_UNIT_EMP_SHARE"] = 43, ["W_STARTUP_LOANS"] = 3_000, ["W_RURAL_POOR_WOMEN"] = 200, ["W_JOB_PLACEMENT"] = 60_000,
        ["W_LABOUR_CONTRACT_SPECIAL"] = 80, ["W_SKILLED_SENIOR_SHARE"] = 30,
        // women: decision-making
        ["W_CADRE_SHARE"] = 40, ["W_NPC_DEPUTY_SHARE"] = 25, ["W_CPPCC_SHARE"] = 30, ["W_CHIEF_CADRE_SHARE"] = 15,
        ["W_GOV_TEAMS_WITH_WOMEN"] = 90, ["W_RESIDENT_CMTE_SHARE"] = 50, ["W_RESIDENT_HEAD_SHARE"] = 40,
        ["W_WORKERS_CONGRESS_SHARE"] = 30, ["W_BOARD_SHARE"] = 30, ["W_NEW_CIVIL_SERVANT_SHARE"] = 45,
        // women: social security, environment, law
        ["W_MATERNITY_INSURANCE"] = 85, ["W_MATERNITY_INSURED"] = 900_000, ["W_PENSION_INSURED"] = 2_500_000,
        ["W_MEDICAL_INSURED"] = 4_500_000, ["W_UNEMP_INSURED"] = 700_000, ["W_INJURY_INSURED"] = 800_000, ["W_TWO_CANCER_AID"] = 300,
        ["W_RURAL_TAP_WATER"] = 85, ["W_WOMEN_HOME_COVER"] = 95, ["W_LEGAL_AID_WOMEN"] = 5_000, ["W_COMPLAINTS_RESOLVED"] = 95,
        ["W_DV_SHELTERS"] = 15,
        // children
        ["C_NEONATAL_MORTALITY"] = 2.5, ["C_INJURY_MORTALITY"] = 12, ["C_BIRTH_DEFECT"] = 110, ["C_STUDENT_FITNESS"] = 90,
        ["C_POOR_VISION"] = 55, ["C_PRIMARY_NER"] = 99.9, ["C_MIGRANT_PUBLIC_SCHOOL"] = 85, ["C_SECONDARY_VOC_STUDENTS"] = 80_000,
        ["C_BALANCED_COUNTIES"] = 95, ["C_ORPHAN_ALLOWANCE_COVER"] = 98, ["C_DIFFICULT_CHILD_ALLOWANCE"] = 90,
        ["C_DISABLED_REHAB"] = 85, ["C_WELFARE_INSTITUTIONS"] = 20, ["C_MEDICAL_INSURED"] = 95, ["C_PARENT_SCHOOL_URBAN"] = 90,
        ["C_PARENT_SCHOOL_RURAL"] = 80, ["C_LIBRARY_CHILDREN_ROOM"] = 90, ["C_CHILD_ACTIVITY_CENTRES"] = 30,
        ["C_KIDS_BROADCAST_HOURS"] = 3_000, ["C_JUVENILE_CRIME_SHARE"] = 2.5, ["C_LEGAL_AID_MINORS"] = 1_500,
        ["C_SCHOOL_LEGAL_VICE_PRINCIPAL"] = 95, ["C_TRAFFICKING_SOLVED"] = 95, ["C_CAMPUS_SAFETY_COVER"] = 90,
    };

    /// <summary>The year <see cref="TypicalLevel"/> describes: the end of the generated history.</summary>
    public const int SyntheticEndYear = SyntheticHistory.LastYear;

    /// <summary>Share of quantified plan indicators met in 2017: the generator's odds of a "met" fate by population.</summary>
    public static IReadOnlyDictionary<string, double> ShareMet { get; } = new Dictionary<string, double>
    {
        ["women"] = 0.652,
        ["children"] = 0.920,
        ["both"] = 0.767, // 89 of 116 overall
    };
}
