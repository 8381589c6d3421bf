using Wcc.Warehouse.Query;

namespace Wcc.Tests.Warehouse.Query;

public class SqlStatementSplitterTests
{
    [Fact]
    public void Split_CutsAtSemicolonsOutsideStringsNamesAndComments()
    {
        var script = "SELECT ';' AS \"a;b\";\n-- a comment; still\nSELECT 2 /* ; /* nested ; */ ; */;\nSELECT $$;$$, $tag$ ; $tag$, E'\\';'";
        var statements = SqlStatementSplitter.Split(script);
        Assert.Equal(3, statements.Count);
        Assert.Equal("SELECT ';' AS \"a;b\"", statements[0].Text);
        Assert.Equal([1, 2, 3], statements.Select(s => s.Number));
        Assert.Equal(2, statements[1].Line);
        Assert.StartsWith("-- a comment; still\nSELECT 2", statements[1].Text);
        Assert.Equal(4, statements[2].Line);
        Assert.Equal("SELECT $$;$$, $tag$ ; $tag$, E'\\';'", statements[2].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";")]
    [InlineData(" ;; ;")]
    [InlineData("-- only a comment")]
    [InlineData("/* only */ ;")]
    public void Split_EmptyStatementsAreSkipped(string script) => Assert.Empty(SqlStatementSplitter.Split(script));

    [Theory]
    [InlineData("SELECT 1;", true)]
    [InlineData("SELECT 1; -- done", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("SELECT ';", false)]
    [InlineData("SELECT 1 /* ; ", false)]
    [InlineData("SELECT $x$ ; ", false)]
    [InlineData("SELECT $1;", true)]
    public void IsComplete_OnlyWhenTheLastStatementIsClosed(string script, bool complete) =>
        Assert.Equal(complete, SqlStatementSplitter.IsComplete(script));
}
