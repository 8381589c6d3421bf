namespace Wcc.Reports.Compare.Matching;

/// <summary>The assignment problem: pairs rows with columns so the summed score is largest (Hungarian method, O(n²m)).</summary>
/// <remarks>Greedy pairing takes the best pair first and may leave a task without the partner only it could have had;
/// the Hungarian method looks at the whole matrix. Shortest augmenting paths with potentials (Kuhn-Munkres as in
/// Jonker and Volgenant 1987); 999 × 999 tasks, the parser's limit, take well under a second.</remarks>
public static class Assignment
{
    /// <summary>For each row the column it is paired with, or -1; rows and columns may differ in number. Scores must lie in
    /// 0-1; a pair scoring 0 is never returned.</summary>
    public static int[] Maximise(double[,] score)
    {
        var rows = score.GetLength(0);
        var cols = score.GetLength(1);
        var result = Enumerable.Repeat(-1, rows).ToArray();
        if (rows == 0 || cols == 0) return result;
        // Square it: padding rows and columns score 0 (left unpaired).
        var n = Math.Max(rows, cols);
        double Cost(int r, int c) => r < rows && c < cols ? 1 - score[r, c] : 1;

        // 1-based arrays as in the classical formulation; p[c] is the row paired with column c.
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    var cur = Cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            }
            while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }
        for (var j = 1; j <= n; j++)
        {
            var (r, c) = (p[j] - 1, j - 1);
            if (r < rows && c < cols && score[r, c] > 0) result[r] = c;
        }
        return result;
    }
}
