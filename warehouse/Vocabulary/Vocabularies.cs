using DuckDB.NET.Data;

namespace Wcc.Warehouse.Vocabulary;

/// <summary>Every vocabulary the schema stores, so the migrator writes and checks them all in one place.</summary>
public static class Vocabularies
{
    /// <summary>The seeds read through <see cref="VocabularySeed"/> (the status vocabulary has its own typed reader).</summary>
    public static readonly IReadOnlyList<VocabularySeed> Seeds = [ProgressStatusVocabulary.Seed, RoleVocabulary.Seed, RejectReasonVocabulary.Seed, WarehouseParameters.Seed];

    /// <summary>Rewrites every vocab_* table from its seed.</summary>
    public static void Store(DuckDBConnection connection)
    {
        StatusVocabulary.Store(connection);
        foreach (var seed in Seeds) seed.Store(connection);
    }

    /// <summary>Whether every vocab_* table holds exactly its seed.</summary>
    public static bool AreStored(DuckDBConnection connection) =>
        StatusVocabulary.IsStored(connection) && Seeds.All(s => s.IsStored(connection));
}
