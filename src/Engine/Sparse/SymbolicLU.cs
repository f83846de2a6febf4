namespace Perovspice.Engine.Sparse;

/// <summary>
/// The static structure of P·A·Q = L·U for one pivot order: permutations, the column patterns of L and U in
/// pivot-step numbering, and the scatter map from matrix slots to work-vector positions. Built once per
/// ordering; every refactorization only walks these arrays.
/// </summary>
internal sealed class SymbolicLU
{
    /// <summary>Number of unknowns.</summary>
    public int N;

    /// <summary>Original (0-based) row and column chosen as pivot at each step.</summary>
    public int[] RowPerm = [], ColPerm = [];

    /// <summary>Pivot step of each original row / column (inverse permutations).</summary>
    public int[] RowStep = [], ColStep = [];

    /// <summary>L column k (strictly below the diagonal) holds steps LIdx[LStart[k]..LStart[k+1]).</summary>
    public int[] LStart = [], LIdx = [];

    /// <summary>U column k (strictly above the diagonal) holds steps UIdx[UStart[k]..UStart[k+1]), ascending.</summary>
    public int[] UStart = [], UIdx = [];

    /// <summary>Column k of the permuted matrix: slots ASlot[AStart[k]..AStart[k+1]) going to steps ARow[..].</summary>
    public int[] AStart = [], ASlot = [], ARow = [];

    /// <summary>Multiply-adds of one numeric refactorization (left-looking: each U entry (j, k) applies L column j).</summary>
    public long Flops()
    {
        long f = LIdx.Length;
        foreach (int j in UIdx) f += LStart[j + 1] - LStart[j];
        return f;
    }

    /// <summary>Structural nonzeros of L+U including the diagonal.</summary>
    public int NonZeros => N + LIdx.Length + UIdx.Length;

    /// <summary>
    /// Builds the structure from the pivot sequence and the per-step patterns recorded during elimination
    /// (L column k as original rows, U row k as original columns).
    /// </summary>
    public static SymbolicLU Build(int n, int[] rowPerm, int[] colPerm,
        int[] lStart, List<int> lRows, int[] uRowStart, List<int> uCols, int[] slotRows, int[] slotCols)
    {
        var s = new SymbolicLU { N = n, RowPerm = rowPerm, ColPerm = colPerm };
        s.RowStep = new int[n];
        s.ColStep = new int[n];
        for (int k = 0; k < n; k++) { s.RowStep[rowPerm[k]] = k; s.ColStep[colPerm[k]] = k; }

        s.LStart = lStart;
        s.LIdx = new int[lRows.Count];
        for (int t = 0; t < s.LIdx.Length; t++) s.LIdx[t] = s.RowStep[lRows[t]];

        // U was recorded by rows; transpose to columns. Visiting rows in step order keeps columns ascending.
        s.UStart = new int[n + 1];
        foreach (int c in uCols) s.UStart[s.ColStep[c] + 1]++;
        for (int k = 0; k < n; k++) s.UStart[k + 1] += s.UStart[k];
        s.UIdx = new int[uCols.Count];
        var fill = (int[])s.UStart.Clone();
        for (int k = 0; k < n; k++)
            for (int t = uRowStart[k]; t < uRowStart[k + 1]; t++)
                s.UIdx[fill[s.ColStep[uCols[t]]]++] = k;

        // Scatter map of the original entries, grouped by pivot column.
        int slots = slotRows.Length;
        s.AStart = new int[n + 1];
        for (int sl = 1; sl < slots; sl++) s.AStart[s.ColStep[slotCols[sl] - 1] + 1]++;
        for (int k = 0; k < n; k++) s.AStart[k + 1] += s.AStart[k];
        s.ASlot = new int[slots - 1];
        s.ARow = new int[slots - 1];
        fill = (int[])s.AStart.Clone();
        for (int sl = 1; sl < slots; sl++)
        {
            int at = fill[s.ColStep[slotCols[sl] - 1]]++;
            s.ASlot[at] = sl;
            s.ARow[at] = s.RowStep[slotRows[sl] - 1];
        }
        return s;
    }
}
