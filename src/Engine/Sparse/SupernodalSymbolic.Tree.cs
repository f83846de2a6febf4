namespace Perovspice.Engine.Sparse;

/// <summary>Elimination tree, postorder, column counts and supernode amalgamation of the symmetrized pattern.</summary>
internal sealed partial class SupernodalSymbolic
{
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
}
