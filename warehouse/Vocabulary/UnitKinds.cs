namespace Wcc.Warehouse.Vocabulary;

/// <summary>
/// The kinds of responsible unit (dim_unit.kind): read by the unit seed's checks (etl) and by planning scenarios that
/// declare new units (analytics), so both accept the same list.
/// </summary>
public static class UnitKinds
{
    /// <summary>Kind of the units that stand for many bodies (各区县妇儿工委); reports keep them apart from single departments.</summary>
    public const string Collective = "collective";

    /// <summary>Kinds a seed or a scenario may declare (dim_unit's <c>unknown</c> is only for names the seed lacks).</summary>
    public static readonly IReadOnlyList<string> All =
        ["government_department", "party_organ", "peoples_organisation", "committee_office", Collective];
}
