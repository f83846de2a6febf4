using Perovspice.Engine;

namespace Perovspice.Devices;

/// <summary>Resolves the controlling device of a current-controlled source (F, H) in the second setup pass.</summary>
internal static class ControllingBranch
{
    /// <summary>The branch-current unknown of device <paramref name="controlName"/>; throws
    /// <see cref="ArgumentException"/> when it does not exist or carries no branch current.</summary>
    public static int Resolve(SetupContext c, string owner, string controlName)
    {
        var d = c.FindDevice(controlName)
                ?? throw new ArgumentException($"'{owner}': unknown controlling source '{controlName}'");
        if (d.BranchIndex <= 0)
            throw new ArgumentException($"'{owner}': controlling device '{controlName}' has no branch current (use a voltage source)");
        return d.BranchIndex;
    }
}
