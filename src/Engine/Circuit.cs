namespace Perovspice.Engine;

/// <summary>A set of devices connected by named nodes. Node "0" (alias "gnd") is ground.</summary>
public sealed class Circuit
{
    private readonly List<Device> _devices = new();
    private readonly Dictionary<string, Device> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The devices in the order they were added.</summary>
    public IReadOnlyList<Device> Devices => _devices;

    /// <summary>Adds a device; names must be unique (case-insensitive).</summary>
    public Circuit Add(Device device)
    {
        if (!_byName.TryAdd(device.Name, device))
            throw new ArgumentException($"duplicate device name '{device.Name}'");
        _devices.Add(device);
        return this;
    }

    /// <summary>Adds several devices.</summary>
    public Circuit Add(params Device[] devices)
    {
        foreach (var d in devices) Add(d);
        return this;
    }

    /// <summary>Finds a device by name, or null.</summary>
    public Device? Find(string name) => _byName.TryGetValue(name, out var d) ? d : null;

    /// <summary>True for the names of the ground node.</summary>
    public static bool IsGround(string node) => node == "0" || node.Equals("gnd", StringComparison.OrdinalIgnoreCase);
}
