namespace Perovspice.Engine.Sparse;

/// <summary>
/// Supernodal structure for a multifrontal refactorization of B = P·A·Q with the pivot sequence a
/// <see cref="SymbolicLU"/> fixed. The structure is that of the Cholesky factor of B + Bᵀ, which holds the
/// patterns of L and Uᵀ of B factored without further pivoting (George and Ng); the columns are renumbered by a
/// postorder of its elimination tree (an equivalent order: the same pivots, the same factors up to round-off),
/// consecutive columns with nested structure form supernodes (relaxed: a few explicit zeros are accepted), and
/// each supernode s owns a dense frontal matrix over its columns First[s]..First[s+1) followed by its rows
/// R_s = RIdx[RStart[s]..RStart[s+1]) below them.
/// </summary>
internal sealed partial class SupernodalSymbolic
{
    /// <summary>Number of unknowns.</summary>
    public int N;

    /// <summary>Markowitz pivot step at each new position (the postorder), and its inverse.</summary>
    public int[] Post = [], InvPost = [];

    /// <summary>Number of supernodes.</summary>
    public int Count;

    /// <summary>Supernode s holds columns First[s]..First[s+1) (new numbering).</summary>
    public int[] First = [];

    /// <summary>Rows of supernode s below its diagonal block, ascending (new numbering).</summary>
    public int[] RStart = [], RIdx = [];

    /// <summary>Position of each RIdx entry inside the parent supernode's frontal matrix (extend-add map).</summary>
    public int[] RelIdx = [];

    /// <summary>Child supernodes of s: Children[ChildStart[s]..ChildStart[s+1]), ascending.</summary>
    public int[] ChildStart = [], Children = [];

    /// <summary>Offsets of the factor blocks: L block (front × width, column-major, diagonal block included) and U block (U₁₂ transposed: rows × width, column-major).</summary>
    public long[] LOff = [], UOff = [];

    /// <summary>Original entries assembled into supernode s: slots ASlot[AStart[s]..AStart[s+1]) added at frontal offsets AOff[..].</summary>
    public int[] AStart = [], ASlot = [], AOff = [];

    /// <summary>Largest frontal order.</summary>
    public int MaxFront;

    /// <summary>Multiply-adds of one numeric factorization.</summary>
    public long Flops;

    /// <summary>Stored factor values (L and U blocks, explicit zeros of relaxed supernodes included).</summary>
    public long FactorValues;

    /// <summary>Multiply-adds of eliminating supernode s's pivots from its frontal matrix.</summary>
    public long FrontFlops(int s)
    {
        int w = Width(s), front = w + Below(s);
        long f = 0;
        for (int c = 0; c < w; c++) f += (long)(front - c - 1) * (front - c - 1);
        return f;
    }

    /// <summary>Width of supernode s.</summary>
    public int Width(int s) => First[s + 1] - First[s];

    /// <summary>Rows of supernode s below its diagonal block.</summary>
    public int Below(int s) => RStart[s + 1] - RStart[s];

    /// <summary>
    /// Builds the structure for the pivot sequence of <paramref name="lu"/> over the matrix entries given by slot
    /// (1-based rows and columns; slot 0 is the trash slot and is skipped). Returns null when the factor would not
    /// fit in arrays (more than 2³¹ values).
    /// </summary>
    public static SupernodalSymbolic? Build(SymbolicLU lu, int[] slotRows, int[] slotCols)
    {
        int n = lu.N;
        // Symmetric adjacency of B in Markowitz steps: for each entry (lo, hi) with lo < hi, hi in Hi[lo] and lo in Lo[hi].
        int slots = slotRows.Length;
        var es = new int[2 * (slots - 1)];
        int ne = 0;
        for (int sl = 1; sl < slots; sl++)
        {
            int r = lu.RowStep[slotRows[sl] - 1], c = lu.ColStep[slotCols[sl] - 1];
            if (r == c) continue;
            es[ne++] = Math.Min(r, c);
            es[ne++] = Math.Max(r, c);
        }
        var (loStart, loIdx) = Csr(n, es, ne, byHigh: true);
        var parent = Etree(n, loStart, loIdx);
        var (post, invPost) = Postorder(n, parent);

        // Everything below is in the new numbering.
        var np = new int[n];
        for (int j = 0; j < n; j++) np[j] = parent[post[j]] < 0 ? -1 : invPost[parent[post[j]]];
        for (int t = 0; t < ne; t++) es[t] = invPost[es[t]];
        for (int t = 0; t < ne; t += 2)
            if (es[t] > es[t + 1]) (es[t], es[t + 1]) = (es[t + 1], es[t]);
        var (hiStart, hiIdx) = Csr(n, es, ne, byHigh: false);
        var childCount = new int[n];
        for (int j = 0; j < n; j++) if (np[j] >= 0) childCount[np[j]]++;

        var count = ColumnCounts(n, np, childCount, hiStart, hiIdx);
        var (order, first) = Amalgamate(n, np, childCount, count);

        // Renumber so that every amalgamated supernode's columns are contiguous (children's groups first).
        var inv = new int[n];
        for (int k = 0; k < n; k++) inv[order[k]] = k;
        var post2 = new int[n];
        var np2 = new int[n];
        for (int k = 0; k < n; k++)
        {
            post2[k] = post[order[k]];
            np2[k] = np[order[k]] < 0 ? -1 : inv[np[order[k]]];
        }
        var invPost2 = new int[n];
        for (int k = 0; k < n; k++) invPost2[post2[k]] = k;
        for (int t = 0; t < ne; t++) es[t] = inv[es[t]];
        for (int t = 0; t < ne; t += 2)
            if (es[t] > es[t + 1]) (es[t], es[t + 1]) = (es[t + 1], es[t]);
        (hiStart, hiIdx) = Csr(n, es, ne, byHigh: false);
        return Finish(lu, n, post2, invPost2, np2, first, hiStart, hiIdx, slotRows, slotCols);
    }

    /// <summary>CSR lists of pairs (lo, hi): by hi (entries lo) or by lo (entries hi).</summary>
    private static (int[] Start, int[] Idx) Csr(int n, int[] es, int ne, bool byHigh)
    {
        var start = new int[n + 1];
        for (int t = 0; t < ne; t += 2) start[es[t + (byHigh ? 1 : 0)] + 1]++;
        for (int k = 0; k < n; k++) start[k + 1] += start[k];
        var idx = new int[ne / 2];
        var fill = (int[])start.Clone();
        for (int t = 0; t < ne; t += 2)
            idx[fill[es[t + (byHigh ? 1 : 0)]]++] = es[t + (byHigh ? 0 : 1)];
        return (start, idx);
    }

    private static SupernodalSymbolic? Finish(SymbolicLU lu, int n, int[] post, int[] invPost, int[] np, int[] first,
        int[] hiStart, int[] hiIdx, int[] slotRows, int[] slotCols)
    {
        int ns = first.Length - 1;
        var snode = new int[n];
        for (int s = 0; s < ns; s++)
            for (int j = first[s]; j < first[s + 1]; j++) snode[j] = s;
        var sparent = new int[ns];
        for (int s = 0; s < ns; s++)
        {
            int p = np[first[s + 1] - 1];
            sparent[s] = p < 0 ? -1 : snode[p];
        }
        var childStart = new int[ns + 1];
        for (int s = 0; s < ns; s++) if (sparent[s] >= 0) childStart[sparent[s] + 1]++;
        for (int s = 0; s < ns; s++) childStart[s + 1] += childStart[s];
        var children = new int[childStart[ns]];
        var fillC = (int[])childStart.Clone();
        for (int s = 0; s < ns; s++) if (sparent[s] >= 0) children[fillC[sparent[s]]++] = s;

        // Row structures: (Hi of the columns ∪ the children's rows) below the block, by the same stack pass.
        var rStart = new int[ns + 1];
        var rIdx = new List<int>();
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (int s = 0; s < ns; s++)
        {
            int f = first[s], l = first[s + 1];
            int from = rIdx.Count;
            for (int t = childStart[s]; t < childStart[s + 1]; t++)
            {
                int c = children[t];
                for (int u = rStart[c]; u < rStart[c + 1]; u++)
                {
                    int i = rIdx[u];
                    if (i >= l && mark[i] != s) { mark[i] = s; rIdx.Add(i); }
                }
            }
            for (int j = f; j < l; j++)
                for (int t = hiStart[j]; t < hiStart[j + 1]; t++)
                {
                    int i = hiIdx[t];
                    if (i >= l && mark[i] != s) { mark[i] = s; rIdx.Add(i); }
                }
            rIdx.Sort(from, rIdx.Count - from, null);
            rStart[s + 1] = rIdx.Count;
        }

        var sym = new SupernodalSymbolic
        {
            N = n, Post = post, InvPost = invPost, Count = ns, First = first, RStart = rStart, RIdx = rIdx.ToArray(),
            ChildStart = childStart, Children = children,
        };
        // Positions inside each frontal: local[i] for the rows of the supernode being visited.
        var local = new int[n];
        sym.RelIdx = new int[sym.RIdx.Length];
        sym.LOff = new long[ns + 1];
        sym.UOff = new long[ns + 1];
        long flops = 0;
        for (int s = 0; s < ns; s++)
        {
            int w = sym.Width(s), m = sym.Below(s), front = w + m;
            sym.MaxFront = Math.Max(sym.MaxFront, front);
            sym.LOff[s + 1] = sym.LOff[s] + (long)front * w;
            sym.UOff[s + 1] = sym.UOff[s] + (long)w * m;
            flops += sym.FrontFlops(s);
        }
        sym.Flops = flops;
        sym.FactorValues = sym.LOff[ns] + sym.UOff[ns];
        if (sym.LOff[ns] > Array.MaxLength || sym.UOff[ns] > Array.MaxLength || (long)sym.MaxFront * sym.MaxFront > Array.MaxLength)
            return null;

        for (int s = 0; s < ns; s++)
        {
            int f = first[s], w = sym.Width(s);
            for (int j = f; j < first[s + 1]; j++) local[j] = j - f;
            for (int u = rStart[s]; u < rStart[s + 1]; u++) local[sym.RIdx[u]] = w + u - rStart[s];
            for (int t = childStart[s]; t < childStart[s + 1]; t++)
            {
                int c = children[t];
                for (int u = rStart[c]; u < rStart[c + 1]; u++) sym.RelIdx[u] = local[sym.RIdx[u]];
            }
        }

        // Original entries: (i, j) belongs to the supernode of column min(i, j), at (local row, local column).
        int slots = slotRows.Length;
        var owner = new int[slots];
        sym.AStart = new int[ns + 1];
        for (int sl = 1; sl < slots; sl++)
        {
            int i = invPost[lu.RowStep[slotRows[sl] - 1]], j = invPost[lu.ColStep[slotCols[sl] - 1]];
            owner[sl] = snode[Math.Min(i, j)];
            sym.AStart[owner[sl] + 1]++;
        }
        for (int s = 0; s < ns; s++) sym.AStart[s + 1] += sym.AStart[s];
        sym.ASlot = new int[slots - 1];
        sym.AOff = new int[slots - 1];
        var fillA = (int[])sym.AStart.Clone();
        for (int sl = 1; sl < slots; sl++) sym.ASlot[fillA[owner[sl]]++] = sl;
        for (int s = 0; s < ns; s++)
        {
            int f = first[s], w = sym.Width(s), front = w + sym.Below(s);
            for (int j = f; j < first[s + 1]; j++) local[j] = j - f;
            for (int u = rStart[s]; u < rStart[s + 1]; u++) local[sym.RIdx[u]] = w + u - rStart[s];
            for (int t = sym.AStart[s]; t < sym.AStart[s + 1]; t++)
            {
                int sl = sym.ASlot[t];
                int i = invPost[lu.RowStep[slotRows[sl] - 1]], j = invPost[lu.ColStep[slotCols[sl] - 1]];
                sym.AOff[t] = local[i] + local[j] * front;
            }
        }
        return sym;
    }
}
