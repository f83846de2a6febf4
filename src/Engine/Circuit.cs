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

    /// <summary>
    /// Replaces the device of the same name (case-insensitive) with <paramref name="device"/>, at the same place in
    /// <see cref="Devices"/>: how to change a device's parameters after loading a netlist (devices are immutable).
    /// Do it before creating a <see cref="Simulator"/> (which compiles the circuit), and do not replace a device that
    /// others refer to (the controlling source of an F or H source, the inductors of a K coupling).
    /// </summary>
    /// <returns>The device replaced.</returns>
    /// <exception cref="ArgumentException">No device has that name.</exception>
    public Device Replace(Device device)
    {
        if (!_byName.TryGetValue(device.Name, out var old))
            throw new ArgumentException($"no device '{device.Name}' to replace");
        _devices[_devices.IndexOf(old)] = device;
        _byName[device.Name] = device;
        return old;
    }

    /// <summary>Finds a device by name, or null.</summary>
    public Device? Find(string name) => _byName.TryGetValue(name, out var d) ? d : null;

    /// <summary>True for the names of the ground node.</summary>
    public static bool IsGround(string node) => node == "0" || node.Equals("gnd", StringComparison.OrdinalIgnoreCase);
}
