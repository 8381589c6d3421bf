using DuckDB.NET.Data;
using Wcc.Etl.Progress;
using Wcc.Tests.Support;
using Wcc.Warehouse.Schema;
using Wcc.Warehouse.Vocabulary;

namespace Wcc.Tests.Warehouse;

/// <summary>The seeded vocabularies (progress statuses, roles): each vocab_* table holds exactly its seed, the facts use
/// only its values, and a table that drifted from its seed is noticed.</summary>
public class VocabularySeedTests(SeedWarehouseFixture warehouse) : IClassFixture<SeedWarehouseFixture>
{
    [Fact]
    public void EveryTable_HoldsItsSeed()
    {
        Assert.True(Vocabularies.AreStored(warehouse.Connection));
        Assert.Equal((long)ProgressStatusVocabulary.All.Count, warehouse.Scalar("SELECT count(*) FROM vocab_progress_status"));
        using var cmd = warehouse.Connection.CreateCommand();
        cmd.CommandText = "SELECT string_agg(label_zh, '/' ORDER BY form_order) FROM vocab_progress_status";
        Assert.Equal(string.Join("/", ProgressStatusVocabulary.Labels), cmd.ExecuteScalar() as string);
        Assert.Equal(ProgressStatusVocabulary.Labels, ProgressStatus.All);
    }

    [Fact]
    public void Facts_UseOnlyTheVocabularysValues()
    {
        Assert.True(warehouse.Scalar("SELECT count(*) FROM fact_task_progress") > 0);
        Assert.Equal(0L, warehouse.Scalar("SELECT count(*) FROM fact_task_progress WHERE status NOT IN (SELECT label_zh FROM vocab_progress_status)"));
        Assert.Equal(0L, warehouse.Scalar("SELECT count(*) FROM fact_task_assignment WHERE role NOT IN (SELECT role_code FROM vocab_role)"));
        // v_pack_task counts as behind exactly the statuses the vocabulary marks so
        Assert.Equal(
            warehouse.Scalar("""
                SELECT count(*) FROM fact_task_progress p JOIN vocab_progress_status v ON v.label_zh = p.status
                WHERE v.is_behind AND p.year = (SELECT max(year) FROM fact_task_progress q WHERE q.task_no = p.task_no)
                """),
            warehouse.Scalar("SELECT CAST(sum(units_behind) AS BIGINT) FROM v_pack_task"));
    }

    [Fact]
    public void Labels_ComeFromTheSeed()
    {
        var seed = File.ReadAllText(Path.Combine(RepoPaths.Root, ProgressStatusVocabulary.Seed.SeedPath));
        Assert.All(ProgressStatusVocabulary.Labels, l => Assert.Contains($",{l},", seed));
        Assert.Equal([ProgressStatus.Lagging, ProgressStatus.NotStarted], ProgressStatusVocabulary.BehindLabels);
        Assert.Equal(RoleVocabulary.Label(RoleVocabulary.Codes.Lead) + "单位", RoleVocabulary.LeadUnits);
        Assert.Throws<KeyNotFoundException>(() => RoleVocabulary.Label("owner"));
    }

    [Fact]
    public void IsStored_NoticesATableThatDriftedFromItsSeed()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var cmd = connection.CreateCommand();
        Assert.False(RoleVocabulary.Seed.IsStored(connection)); // no table yet
        cmd.CommandText = SchemaCatalog.Get("vocab_role").Sql;
        cmd.ExecuteNonQuery();
        RoleVocabulary.Seed.Store(connection);
        Assert.True(RoleVocabulary.Seed.IsStored(connection));
        cmd.CommandText = "UPDATE vocab_role SET label_zh = label_zh || '!' WHERE role_code = 'lead'";
        cmd.ExecuteNonQuery();
        Assert.False(RoleVocabulary.Seed.IsStored(connection));
        RoleVocabulary.Seed.Store(connection); // storing again replaces, never appends
        Assert.True(RoleVocabulary.Seed.IsStored(connection));
    }

    [Theory]
    [InlineData("status_code,severity\nx,1", "the header must be")]
    [InlineData("HEADER\nx,1,1,标签,l,true", "line 2: 6 fields, expected 7")]
    [InlineData("HEADER\nx,1,1,标签,l,true,false\nx,2,2,标签2,l,true,false", "x is declared twice")]
    public void Parse_RefusesAMalformedSeedNamingTheLine(string text, string expected)
    {
        var seed = ProgressStatusVocabulary.Seed;
        var ex = Assert.Throws<InvalidOperationException>(() => seed.Parse(text.Replace("HEADER", string.Join(",", seed.Header), StringComparison.Ordinal)));
        Assert.Contains(expected, ex.Message);
    }
}
