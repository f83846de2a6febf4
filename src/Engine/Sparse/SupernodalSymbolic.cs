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
internal sealed class SupernodalSymbolic
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

    /// <summary>Largest frontal order, and the update stack's peak size in values.</summary>
    public int MaxFront;

    /// <summary>Peak number of values on the update-matrix stack.</summary>
    public long StackSize;

    /// <summary>Multiply-adds of one numeric factorization.</summary>
    public long Flops;

    /// <summary>Stored factor values (L and U blocks, explicit zeros of relaxed supernodes included).</summary>
    public long FactorValues;

    /// <summary>
    /// Lane of each supernode: 0 and 1 are disjoint sets of whole subtrees factored concurrently, 2 the remaining
    /// ancestors, factored afterwards. Without a split every supernode is in lane 2.
    /// </summary>
    public int[] Lane = [];

    /// <summary>Supernodes of each lane in ascending (postorder) order.</summary>
    public int[][] LaneOrder = [[], [], []];

    /// <summary>Where a supernode's update matrix lives: at UpdOff[s] in the stack of lane Lane[s].</summary>
    public int[] UpdOff = [];

    /// <summary>Peak stack size of each lane, and the largest frontal of each lane.</summary>
    public long[] LaneStack = new long[3];

    /// <summary>Largest frontal order within each lane.</summary>
    public int[] LaneFront = new int[3];

    /// <summary>Columns of lane-1 supernodes and of lane-2 supernodes (for the concurrent forward solve).</summary>
    public int[] Lane1Cols = [], SerialCols = [];

    /// <summary>Whether lanes 0 and 1 hold any work (a split was made).</summary>
    public bool Split;

    /// <summary>
    /// Splits the tree for two workers: starting from the roots, the largest remaining subtree is opened (its root
    /// moves to the serial lane, its children become candidates) until the candidates pack into two bins of nearly
    /// equal work; the split with the least predicted time (serial work + the larger bin) is kept when it saves at
    /// least 20 %. Then the update-matrix offsets of every lane are laid out (each lane is a stack).
    /// </summary>
    public void PlanLanes(bool allowSplit)
    {
        int ns = Count;
        var own = new long[ns];
        var sub = new long[ns];
        for (int s = 0; s < ns; s++)
        {
            int w = Width(s), front = w + Below(s);
            long fl = 0;
            for (int c = 0; c < w; c++) fl += (long)(front - c - 1) * (front - c - 1);
            own[s] = fl + (long)front * front;
            sub[s] = own[s];
            for (int t = ChildStart[s]; t < ChildStart[s + 1]; t++) sub[s] += sub[Children[t]];
        }
        long total = 0;
        var cand = new List<int>();
        var isRoot = new bool[ns];
        for (int s = 0; s < ns; s++) isRoot[s] = true;
        for (int t = 0; t < Children.Length; t++) isRoot[Children[t]] = false;
        for (int s = 0; s < ns; s++) if (isRoot[s]) { cand.Add(s); total += sub[s]; }
        Lane = new int[ns];
        Array.Fill(Lane, 2);
        if (allowSplit && total > 0)
        {
            long serial = 0, best = total;
            List<int>? bestA = null, bestB = null;
            for (int iter = 0; iter < 256 && cand.Count > 0; iter++)
            {
                cand.Sort((a, b) => sub[b].CompareTo(sub[a]));
                var binA = new List<int>();
                var binB = new List<int>();
                long wa = 0, wb = 0;
                foreach (int c in cand)
                    if (wa <= wb) { binA.Add(c); wa += sub[c]; } else { binB.Add(c); wb += sub[c]; }
                long time = serial + Math.Max(wa, wb);
                if (time < best) { best = time; bestA = binA; bestB = binB; }
                int open = cand[0];
                if (sub[open] * 50 < total) break;
                cand.RemoveAt(0);
                serial += own[open];
                for (int t = ChildStart[open]; t < ChildStart[open + 1]; t++) cand.Add(Children[t]);
            }
            if (bestA != null && bestB != null && best * 10 < total * 8)
            {
                Split = true;
                // Mark whole subtrees: a supernode belongs to the lane of its nearest ancestor among the bins' roots.
                var root = new int[ns];
                Array.Fill(root, 2);
                foreach (int r in bestA) root[r] = 0;
                foreach (int r in bestB) root[r] = 1;
                var parentOf = new int[ns];
                Array.Fill(parentOf, -1);
                for (int s = 0; s < ns; s++)
                    for (int t = ChildStart[s]; t < ChildStart[s + 1]; t++) parentOf[Children[t]] = s;
                for (int s = ns - 1; s >= 0; s--)
                    Lane[s] = root[s] != 2 ? root[s] : parentOf[s] >= 0 && Lane[parentOf[s]] != 2 ? Lane[parentOf[s]] : 2;
            }
        }
        var orders = new List<int>[] { new(), new(), new() };
        for (int s = 0; s < ns; s++) orders[Lane[s]].Add(s);
        LaneOrder = [orders[0].ToArray(), orders[1].ToArray(), orders[2].ToArray()];
        UpdOff = new int[ns];
        LaneStack = new long[3];
        LaneFront = new int[3];
        for (int lane = 0; lane < 3; lane++)
        {
            long sp = 0, peak = 0;
            foreach (int s in LaneOrder[lane])
            {
                for (int t = ChildStart[s]; t < ChildStart[s + 1]; t++)
                {
                    int c = Children[t];
                    if (Lane[c] == lane) sp -= (long)Below(c) * Below(c);
                }
                UpdOff[s] = (int)sp;
                sp += (long)Below(s) * Below(s);
                peak = Math.Max(peak, sp);
                LaneFront[lane] = Math.Max(LaneFront[lane], Width(s) + Below(s));
            }
            LaneStack[lane] = peak;
        }
        var l1 = new List<int>();
        var ser = new List<int>();
        for (int s = 0; s < ns; s++)
            for (int j = First[s]; j < First[s + 1]; j++)
                if (Lane[s] == 1) l1.Add(j); else if (Lane[s] == 2) ser.Add(j);
        Lane1Cols = l1.ToArray();
        SerialCols = ser.ToArray();
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

    /// <summary>Elimination tree of the symmetric pattern (Liu's algorithm with path compression).</summary>
    private static int[] Etree(int n, int[] loStart, int[] loIdx)
    {
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            for (int t = loStart[k]; t < loStart[k + 1]; t++)
            {
                int i = loIdx[t];
                while (i != -1 && i < k)
                {
                    int next = ancestor[i];
                    ancestor[i] = k;
                    if (next == -1) { parent[i] = k; break; }
                    i = next;
                }
            }
        }
        return parent;
    }

    /// <summary>Depth-first postorder of the forest (children in ascending order).</summary>
    private static (int[] Post, int[] InvPost) Postorder(int n, int[] parent)
    {
        var head = new int[n];
        var next = new int[n];
        Array.Fill(head, -1);
        for (int j = n - 1; j >= 0; j--)
            if (parent[j] >= 0) { next[j] = head[parent[j]]; head[parent[j]] = j; }
        var post = new int[n];
        var stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++)
        {
            if (parent[root] >= 0) continue;
            int top = 0;
            stack[0] = root;
            while (top >= 0)
            {
                int p = stack[top], c = head[p];
                if (c == -1) { top--; post[k++] = p; }
                else { head[p] = next[c]; stack[++top] = c; }
            }
        }
        var inv = new int[n];
        for (int j = 0; j < n; j++) inv[post[j]] = j;
        return (post, inv);
    }

    /// <summary>
    /// Number of off-diagonal entries in each column of the Cholesky factor: struct(j) = (Hi(j) ∪ struct(children))
    /// minus j, computed with the children's structures on a stack (postorder keeps them on top).
    /// </summary>
    private static int[] ColumnCounts(int n, int[] np, int[] childCount, int[] hiStart, int[] hiIdx)
    {
        var count = new int[n];
        var mark = new int[n];
        Array.Fill(mark, -1);
        var stack = new List<int>();
        var starts = new Stack<int>();
        var merged = new List<int>();
        for (int j = 0; j < n; j++)
        {
            merged.Clear();
            int from = stack.Count;
            for (int c = 0; c < childCount[j]; c++) from = starts.Pop();
            for (int t = from; t < stack.Count; t++)
            {
                int i = stack[t];
                if (i > j && mark[i] != j) { mark[i] = j; merged.Add(i); }
            }
            for (int t = hiStart[j]; t < hiStart[j + 1]; t++)
            {
                int i = hiIdx[t];
                if (mark[i] != j) { mark[i] = j; merged.Add(i); }
            }
            stack.RemoveRange(from, stack.Count - from);
            count[j] = merged.Count;
            if (np[j] >= 0)
            {
                starts.Push(stack.Count);
                stack.AddRange(merged);
            }
        }
        return count;
    }

    /// <summary>
    /// Fundamental supernodes (a column continues its child's supernode when it is the only child and the
    /// structures nest), then relaxed amalgamation on their tree: bottom-up, a supernode absorbs child supernodes
    /// (smallest first, any of them) while the explicit zeros this stores stay few (2 columns always; 16 below
    /// 50 %, 48 below 10 %, any below 5 %: on crossbars these give the least frontal traffic of the settings
    /// tried, CHOLMOD's 4/16/48 with 80/10/5 % among them, all within 10 % of each other in time). Merged siblings are not adjacent in the postorder, so the columns are
    /// renumbered: each group after the groups hanging below it, its members in postorder. Returns that order
    /// (new position → postorder position) and the groups' first columns in it.
    /// </summary>
    private static (int[] Order, int[] First) Amalgamate(int n, int[] np, int[] childCount, int[] count)
    {
        var fund = new List<int> { 0 };
        for (int j = 1; j < n; j++)
            if (!(np[j - 1] == j && childCount[j] == 1 && count[j - 1] == count[j] + 1))
                fund.Add(j);
        fund.Add(n);
        int nf = fund.Count - 1;
        var snodeOf = new int[n];
        for (int f = 0; f < nf; f++)
            for (int j = fund[f]; j < fund[f + 1]; j++) snodeOf[j] = f;
        var fparent = new int[nf];
        var cStart = new int[nf + 1];
        for (int f = 0; f < nf; f++)
        {
            int p = np[fund[f + 1] - 1];
            fparent[f] = p < 0 ? -1 : snodeOf[p];
            if (p >= 0) cStart[fparent[f] + 1]++;
        }
        for (int f = 0; f < nf; f++) cStart[f + 1] += cStart[f];
        var kids = new int[cStart[nf]];
        var fill = (int[])cStart.Clone();
        for (int f = 0; f < nf; f++) if (fparent[f] >= 0) kids[fill[fparent[f]]++] = f;

        var width = new long[nf];
        var actual = new long[nf];
        var into = new int[nf];
        Array.Fill(into, -1);
        var cand = new List<int>();
        for (int f = 0; f < nf; f++)
        {
            long w = fund[f + 1] - fund[f], m = count[fund[f + 1] - 1], act = 0;
            for (int j = fund[f]; j < fund[f + 1]; j++) act += count[j] + 1;
            cand.Clear();
            for (int t = cStart[f]; t < cStart[f + 1]; t++) cand.Add(kids[t]);
            cand.Sort((a, b) => width[a].CompareTo(width[b]));
            foreach (int c in cand)
            {
                long w2 = w + width[c], act2 = act + actual[c];
                long stored = w2 * (w2 + 1) / 2 + w2 * m;
                double frac = 1 - (double)act2 / stored;
                bool ok = w2 <= 2 || (w2 <= 16 && frac < 0.5) || (w2 <= 48 && frac < 0.1) || frac < 0.05;
                if (!ok) continue;
                into[c] = f;
                w = w2;
                act = act2;
            }
            width[f] = w;
            actual[f] = act;
        }
        // Group of each fundamental supernode (its topmost absorbing ancestor); members in ascending order.
        var group = new int[nf];
        for (int f = nf - 1; f >= 0; f--) group[f] = into[f] < 0 ? f : group[into[f]];
        var memStart = new int[nf + 1];
        for (int f = 0; f < nf; f++) memStart[group[f] + 1]++;
        for (int f = 0; f < nf; f++) memStart[f + 1] += memStart[f];
        var members = new int[nf];
        fill = (int[])memStart.Clone();
        for (int f = 0; f < nf; f++) members[fill[group[f]]++] = f;
        // Child groups of each group: the groups whose top's parent lies in it.
        var gcStart = new int[nf + 1];
        for (int f = 0; f < nf; f++) if (into[f] < 0 && fparent[f] >= 0) gcStart[group[fparent[f]] + 1]++;
        for (int f = 0; f < nf; f++) gcStart[f + 1] += gcStart[f];
        var gkids = new int[gcStart[nf]];
        fill = (int[])gcStart.Clone();
        for (int f = 0; f < nf; f++) if (into[f] < 0 && fparent[f] >= 0) gkids[fill[group[fparent[f]]]++] = f;

        var order = new int[n];
        var firsts = new List<int>();
        int k = 0;
        var stack = new Stack<(int G, int Next)>();
        for (int g = 0; g < nf; g++)
        {
            if (into[g] >= 0 || fparent[g] >= 0) continue;
            stack.Push((g, gcStart[g]));
            while (stack.Count > 0)
            {
                var (top, next) = stack.Pop();
                if (next < gcStart[top + 1])
                {
                    stack.Push((top, next + 1));
                    stack.Push((gkids[next], gcStart[gkids[next]]));
                    continue;
                }
                firsts.Add(k);
                for (int t = memStart[top]; t < memStart[top + 1]; t++)
                    for (int j = fund[members[t]]; j < fund[members[t] + 1]; j++) order[k++] = j;
            }
        }
        firsts.Add(n);
        return (order, firsts.ToArray());
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
        long stack = 0, peak = 0, flops = 0;
        for (int s = 0; s < ns; s++)
        {
            int w = sym.Width(s), m = sym.Below(s), front = w + m;
            sym.MaxFront = Math.Max(sym.MaxFront, front);
            sym.LOff[s + 1] = sym.LOff[s] + (long)front * w;
            sym.UOff[s + 1] = sym.UOff[s] + (long)w * m;
            for (int c = 0; c < w; c++) flops += (long)(front - c - 1) * (front - c - 1);
            // Children's update matrices are popped, this one's pushed.
            long pop = 0;
            for (int t = childStart[s]; t < childStart[s + 1]; t++) { int c = children[t]; pop += (long)sym.Below(c) * sym.Below(c); }
            stack -= pop;
            stack += (long)m * m;
            peak = Math.Max(peak, stack);
        }
        sym.StackSize = peak;
        sym.Flops = flops;
        sym.FactorValues = sym.LOff[ns] + sym.UOff[ns];
        if (sym.LOff[ns] > Array.MaxLength || sym.UOff[ns] > Array.MaxLength || peak > Array.MaxLength
            || (long)sym.MaxFront * sym.MaxFront > Array.MaxLength)
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
