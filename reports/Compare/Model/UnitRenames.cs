namespace Wcc.Reports.Compare.Model;

/// <summary>Who holds each unit's duties in the later cycle: 市农林委 → 市农业农村局 after the 2019 reform.</summary>
/// <remarks>Never walks a chain itself: the map comes from the warehouse's one walk (v_pack_unit_current, see
/// <see cref="Store.UnitSuccession"/>) or from the plan's (DivisionPlanner.Renames, stored as plan_unit_rename).</remarks>
/// <param name="Successors">Unit name → the name holding its duties; units absent hold their own.</param>
/// <param name="Year">The year the map holds for (the later notice's first year), or null for a plan's renames.</param>
public sealed record UnitRenames(IReadOnlyDictionary<string, string> Successors, int? Year)
{
    /// <summary>No renames: every unit is itself.</summary>
    public static UnitRenames None { get; } = new(new Dictionary<string, string>(), null);

    /// <summary>The name holding <paramref name="unit"/>'s duties.</summary>
    public string Current(string unit) => Successors.TryGetValue(unit, out var to) ? to : unit;

    /// <summary>Units mapped, order kept, a unit merged with another listed once.</summary>
    public IReadOnlyList<string> Current(IEnumerable<string> units) => units.Select(Current).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>An indicator of the catalogue (dim_indicator) as the comparison needs it: its name to find it in task text,
/// and which way is progress.</summary>
/// <param name="Direction">higher or lower (dim_indicator.direction).</param>
public sealed record IndicatorRef(string Code, string NameZh, string Direction);
