namespace Perovspice.Engine.Sparse;

/// <summary>The split of the supernode tree over two threads (see <see cref="PlanLanes"/>).</summary>
internal sealed partial class SupernodalSymbolic
{
    /// <summary>
    /// Lane of each supernode: 0 and 1 are disjoint sets of whole subtrees factored concurrently, 2 the remaining
    /// ancestors, factored afterwards. Without a split every supernode is in lane 2.
    /// </summary>
    public int[] Lane = [];

    /// <summary>Supernodes of each lane in ascending (postorder) order.</summary>
    public int[][] LaneOrder = [[], [], []];

    /// <summary>Where a supernode's update matrix lives: at UpdOff[s] in the stack of lane Lane[s].</summary>
    public int[] UpdOff = [];

    /// <summary>Peak stack size of each lane (update-matrix values).</summary>
    public long[] LaneStack = new long[3];

    /// <summary>Values on all the lanes' stacks at their peaks.</summary>
    public long StackTotal => LaneStack[0] + LaneStack[1] + LaneStack[2];

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
            long front = Width(s) + Below(s);
            own[s] = FrontFlops(s) + front * front;
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
}
