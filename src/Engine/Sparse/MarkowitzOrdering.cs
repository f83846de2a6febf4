using System.Numerics;

namespace Perovspice.Engine.Sparse;

/// <summary>
/// Chooses a pivot order by right-looking elimination on a dynamic copy of the matrix, using the
/// Markowitz criterion with threshold partial pivoting, and records the resulting fill pattern.
/// </summary>
/// <remarks>
/// <para>The active submatrix is kept column-wise with values (for the column-relative threshold test) and
/// row-wise as structure only. Rows and columns sit in <see cref="CountBuckets"/> by their current entry count,
/// so each search looks at a handful of the sparsest rows/columns, never at the whole matrix.</para>
/// <para>An entry (i,j) is <em>acceptable</em> when |a_ij| ≥ relTol · max_k |a_kj| (and &gt; absTol), and
/// <em>strong</em> when also ≥ <see cref="StrongRatio"/> · max. Its cost is the Markowitz product (r_i − 1)(c_j − 1).
/// Candidates compare by strength, then cost, then diagonal-ness, then relative magnitude.
/// Each step searches in three phases, in the spirit of Kundert's Sparse 1.3:</para>
/// <list type="number">
/// <item>Singletons: a column of count 1, or an acceptable row of count 1 (cost 0, no element growth).</item>
/// <item>Diagonal: the best strong diagonal among the sparsest columns/rows (buckets in increasing count), giving up
/// after <see cref="DiagonalSearchLimit"/> looks without one, so MNA matrices keep their symmetric structure while
/// matrices without usable diagonals stay cheap to order.</item>
/// <item>Everything: all entries of the sparsest columns then rows, bucket by bucket (Zlatev-style restricted
/// search). It stops after <see cref="SearchLimit"/> rows/columns once it holds a strong candidate
/// (<see cref="WeakSearchLimit"/> with only a weak one), or when the best cost is ≤ (c−1)², the least any entry
/// in rows and columns of count ≥ c can cost.</item>
/// </list>
/// <para>On a structurally symmetric matrix with strong diagonals (resistive meshes) this is the minimum-degree
/// ordering with exact degrees and no supervariables, which gives reasonable fill on 2-D grids.</para>
/// <para>An active column or row whose entries are all zero proves the matrix singular; the search throws
/// <see cref="SingularMatrixException"/> naming that original unknown.</para>
/// </remarks>
internal sealed class MarkowitzOrdering<T, TOps>
    where T : struct, INumberBase<T>
    where TOps : struct, IScalarOps<T>
{
    /// <summary>Rows/columns examined after a first candidate before settling (Zlatev-style restricted search).</summary>
    public const int SearchLimit = 4;

    /// <summary>Rows/columns whose diagonal is looked at before the search falls back to off-diagonal pivots.</summary>
    public const int DiagonalSearchLimit = 16;

    /// <summary>
    /// Candidates with |a_ij| ≥ StrongRatio × column max are preferred over merely acceptable ones (≥ relTol × max),
    /// which are taken only when the restricted search finds no strong candidate: this keeps element growth,
    /// hence round-off, small while relTol stays the hard acceptance limit.
    /// </summary>
    public const double StrongRatio = 0.1;

    /// <summary>Rows/columns examined, holding only a weak candidate, before settling for it.</summary>
    public const int WeakSearchLimit = 16;

    private readonly int _n;
    private int _remaining; // active rows (= active columns): no count can exceed it
    private readonly double _relTol, _absTol;
    private readonly int[][] _colRows;
    private readonly T[][] _colVals;
    private readonly int[] _colLen;
    private readonly int[][] _rowCols;
    private readonly int[] _rowLen;
    private readonly CountBuckets _colBuckets, _rowBuckets;
    private readonly int[] _pos;
    private readonly int[] _lRowsTmp;
    private readonly T[] _lMulTmp;

    // best candidate of the current search
    private int _bestRow, _bestCol;
    private long _bestCost;
    private bool _bestDiag, _bestStrong;
    private double _bestRatio;

    private MarkowitzOrdering(int n, int[] rows, int[] cols, ReadOnlySpan<T> values, double relTol, double absTol)
    {
        _n = n; _relTol = relTol; _absTol = absTol; _remaining = n;
        _colLen = new int[n];
        _rowLen = new int[n];
        for (int s = 1; s < rows.Length; s++) { _colLen[cols[s] - 1]++; _rowLen[rows[s] - 1]++; }
        _colRows = new int[n][];
        _colVals = new T[n][];
        _rowCols = new int[n][];
        for (int k = 0; k < n; k++)
        {
            int cc = Math.Max(4, _colLen[k] * 2), rc = Math.Max(4, _rowLen[k] * 2);
            _colRows[k] = new int[cc];
            _colVals[k] = new T[cc];
            _rowCols[k] = new int[rc];
        }
        Array.Clear(_colLen);
        Array.Clear(_rowLen);
        for (int s = 1; s < rows.Length; s++)
        {
            int i = rows[s] - 1, j = cols[s] - 1;
            int t = _colLen[j]++;
            _colRows[j][t] = i;
            _colVals[j][t] = values[s];
            _rowCols[i][_rowLen[i]++] = j;
        }
        _colBuckets = new CountBuckets(n);
        _rowBuckets = new CountBuckets(n);
        // insert in reverse so that lower-numbered items come first within a bucket
        for (int k = n - 1; k >= 0; k--) { _colBuckets.Insert(k, _colLen[k]); _rowBuckets.Insert(k, _rowLen[k]); }
        _pos = new int[n];
        Array.Fill(_pos, -1);
        _lRowsTmp = new int[n];
        _lMulTmp = new T[n];
    }

    /// <summary>
    /// Orders the matrix given by slot rows/columns (1-based, element 0 = trash) and slot values, and returns
    /// its static LU structure. Throws <see cref="SingularMatrixException"/> if no acceptable pivot exists.
    /// </summary>
    public static SymbolicLU Order(int n, int[] slotRows, int[] slotCols, ReadOnlySpan<T> values, double relTol, double absTol)
    {
        var m = new MarkowitzOrdering<T, TOps>(n, slotRows, slotCols, values, relTol, absTol);
        var rowPerm = new int[n];
        var colPerm = new int[n];
        var lStart = new int[n + 1];
        var uStart = new int[n + 1];
        var lRows = new List<int>(slotRows.Length);
        var uCols = new List<int>(slotRows.Length);
        for (int k = 0; k < n; k++)
        {
            m.Search();
            int p = m._bestRow, q = m._bestCol;
            rowPerm[k] = p;
            colPerm[k] = q;
            m.Eliminate(p, q, lRows, uCols);
            lStart[k + 1] = lRows.Count;
            uStart[k + 1] = uCols.Count;
        }
        return SymbolicLU.Build(n, rowPerm, colPerm, lStart, lRows, uStart, uCols, slotRows, slotCols);
    }

    private void Search()
    {
        _bestRow = _bestCol = -1;
        _bestCost = long.MaxValue;
        _bestDiag = _bestStrong = false;
        _bestRatio = 0;
        if (_colBuckets.First(0) is var c0 and >= 0) throw new SingularMatrixException(c0 + 1);
        if (_rowBuckets.First(0) is var r0 and >= 0) throw new SingularMatrixException(r0 + 1);
        if (SearchSingletons() || SearchDiagonal()) return;
        SearchAll();
    }

    /// <summary>A column singleton is always acceptable; a row singleton if it passes the threshold. Both cost 0.</summary>
    private bool SearchSingletons()
    {
        int j = _colBuckets.First(1);
        if (j >= 0) { SearchColumn(j); return true; }
        for (int i = _rowBuckets.First(1); i >= 0; i = _rowBuckets.Next(i))
        {
            SearchRow(i);
            if (_bestRow >= 0) return true;
        }
        return false;
    }

    /// <summary>
    /// Best acceptable diagonal entry among the sparsest rows/columns. Gives up after
    /// <see cref="DiagonalSearchLimit"/> fruitless looks so matrices without usable diagonals stay cheap.
    /// </summary>
    private bool SearchDiagonal()
    {
        int examined = 0, fruitless = 0;
        for (int c = 2; c <= _remaining; c++)
        {
            if (Bounded(c)) return true;
            for (int j = _colBuckets.First(c); j >= 0; j = _colBuckets.Next(j))
            {
                ConsiderDiagonal(j);
                if (_bestStrong ? ++examined >= SearchLimit : ++fruitless >= DiagonalSearchLimit) return _bestStrong;
            }
            for (int i = _rowBuckets.First(c); i >= 0; i = _rowBuckets.Next(i))
            {
                ConsiderDiagonal(i);
                if (_bestStrong ? ++examined >= SearchLimit : ++fruitless >= DiagonalSearchLimit) return _bestStrong;
            }
        }
        return _bestStrong;
    }

    private void ConsiderDiagonal(int j)
    {
        if (_rowLen[j] == 0) return; // row j already eliminated: column j has no diagonal any more
        int len = _colLen[j];
        int[] rows = _colRows[j];
        T[] vals = _colVals[j];
        double max = 0, diag = -1;
        for (int t = 0; t < len; t++)
        {
            double m = TOps.Magnitude(vals[t]);
            if (m > max) max = m;
            if (rows[t] == j) diag = m;
        }
        if (diag > _absTol && diag >= _relTol * max)
            Consider(j, j, (long)(_rowLen[j] - 1) * (len - 1), diag / max);
    }

    /// <summary>General Markowitz search over all entries of the sparsest columns and rows.</summary>
    private void SearchAll()
    {
        int examined = 0;
        for (int c = 1; c <= _remaining; c++)
        {
            if (Bounded(c)) return;
            for (int j = _colBuckets.First(c); j >= 0; j = _colBuckets.Next(j))
            {
                SearchColumn(j);
                if (Enough(ref examined)) return;
            }
            for (int i = _rowBuckets.First(c); i >= 0; i = _rowBuckets.Next(i))
            {
                SearchRow(i);
                if (Enough(ref examined)) return;
            }
        }
        // Every nonzero column has an acceptable entry (its largest), so this is unreachable in exact terms.
        if (_bestRow < 0) throw new SingularMatrixException(FirstActive() + 1);
    }

    private int FirstActive()
    {
        for (int c = 0; c <= _remaining; c++)
            if (_colBuckets.First(c) >= 0) return _colBuckets.First(c);
        return 0;
    }

    private void SearchColumn(int j)
    {
        int len = _colLen[j];
        int[] rows = _colRows[j];
        T[] vals = _colVals[j];
        double max = 0;
        for (int t = 0; t < len; t++) { double m = TOps.Magnitude(vals[t]); if (m > max) max = m; }
        if (!(max > _absTol)) throw new SingularMatrixException(j + 1);
        double thr = _relTol * max;
        for (int t = 0; t < len; t++)
        {
            double m = TOps.Magnitude(vals[t]);
            if (m >= thr && m > _absTol)
            {
                int i = rows[t];
                Consider(i, j, (long)(_rowLen[i] - 1) * (len - 1), m / max);
            }
        }
    }

    private void SearchRow(int i)
    {
        int len = _rowLen[i];
        int[] cols = _rowCols[i];
        bool anyNonZero = false;
        for (int t = 0; t < len; t++)
        {
            int j = cols[t];
            int clen = _colLen[j];
            int[] rows = _colRows[j];
            T[] vals = _colVals[j];
            double max = 0, mine = 0;
            for (int u = 0; u < clen; u++)
            {
                double m = TOps.Magnitude(vals[u]);
                if (m > max) max = m;
                if (rows[u] == i) mine = m;
            }
            if (mine > _absTol) anyNonZero = true; else continue;
            if (mine >= _relTol * max) Consider(i, j, (long)(len - 1) * (clen - 1), mine / max);
        }
        if (!anyNonZero) throw new SingularMatrixException(i + 1);
    }

    private void Consider(int i, int j, long cost, double ratio)
    {
        bool diag = i == j, strong = ratio >= StrongRatio;
        bool better = _bestRow < 0 || strong != _bestStrong ? strong || _bestRow < 0
            : cost < _bestCost || (cost == _bestCost && (diag && !_bestDiag || diag == _bestDiag && ratio > _bestRatio));
        if (better)
        {
            _bestRow = i; _bestCol = j; _bestCost = cost; _bestDiag = diag; _bestRatio = ratio; _bestStrong = strong;
        }
    }

    /// <summary>True when the search may stop: a strong candidate after the usual limit, a weak one after a longer look.</summary>
    private bool Enough(ref int examined)
    {
        if (_bestRow < 0) return false;
        if (_bestStrong && _bestCost == 0) return true;
        return ++examined >= (_bestStrong ? SearchLimit : WeakSearchLimit);
    }

    /// <summary>No unexamined entry (all in rows and columns of count ≥ c) can beat the best strong candidate.</summary>
    private bool Bounded(int c) => _bestRow >= 0 && _bestStrong && _bestCost <= (long)(c - 1) * (c - 1);

    /// <summary>Eliminates pivot (p,q): records L column (rows) and U row (columns), updates the active submatrix.</summary>
    private void Eliminate(int p, int q, List<int> lRows, List<int> uCols)
    {
        // Multipliers from the pivot column.
        int[] qRows = _colRows[q];
        T[] qVals = _colVals[q];
        T pivot = T.Zero;
        for (int t = 0; t < _colLen[q]; t++) if (qRows[t] == p) { pivot = qVals[t]; break; }
        T inv = T.One / pivot;
        int nI = 0;
        for (int t = 0; t < _colLen[q]; t++)
        {
            int i = qRows[t];
            if (i == p) continue;
            _lRowsTmp[nI] = i;
            _lMulTmp[nI++] = qVals[t] * inv;
            lRows.Add(i);
        }
        _colBuckets.Remove(q);
        _colLen[q] = 0;

        // Rank-one update of every column in the pivot row.
        int[] pCols = _rowCols[p];
        for (int t = 0; t < _rowLen[p]; t++)
        {
            int j = pCols[t];
            if (j == q) continue;
            uCols.Add(j);
            UpdateColumn(j, p, nI);
        }
        _rowBuckets.Remove(p);
        _rowLen[p] = 0;
        _remaining--;

        // Drop the pivot column from the other rows.
        for (int a = 0; a < nI; a++)
        {
            int i = _lRowsTmp[a];
            int[] cols = _rowCols[i];
            int len = _rowLen[i];
            for (int t = 0; t < len; t++)
                if (cols[t] == q) { cols[t] = cols[len - 1]; break; }
            _rowLen[i] = --len;
            _rowBuckets.Move(i, len);
        }
    }

    private void UpdateColumn(int j, int p, int nI)
    {
        int[] rows = _colRows[j];
        T[] vals = _colVals[j];
        int len = _colLen[j];
        for (int t = 0; t < len; t++) _pos[rows[t]] = t;
        int sp = _pos[p];
        T upj = vals[sp];
        len--;
        rows[sp] = rows[len];
        vals[sp] = vals[len];
        _pos[rows[sp]] = sp;
        _pos[p] = -1;
        for (int a = 0; a < nI; a++)
        {
            int i = _lRowsTmp[a];
            T d = _lMulTmp[a] * upj;
            int s = _pos[i];
            if (s >= 0) { vals[s] -= d; continue; }
            if (len == rows.Length)
            {
                Array.Resize(ref _colRows[j], len * 2);
                Array.Resize(ref _colVals[j], len * 2);
                rows = _colRows[j];
                vals = _colVals[j];
            }
            rows[len] = i;
            vals[len++] = -d;
            if (_rowLen[i] == _rowCols[i].Length) Array.Resize(ref _rowCols[i], _rowLen[i] * 2);
            _rowCols[i][_rowLen[i]++] = j; // fill-in; row bucket is fixed after the pivot column is dropped
        }
        for (int t = 0; t < len; t++) _pos[rows[t]] = -1;
        _colLen[j] = len;
        _colBuckets.Move(j, len);
    }
}
