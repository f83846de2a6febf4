namespace Perovspice.Devices.Mosfet;

/// <summary>
/// A MOSFET model of any level (a `.model NAME NMOS|PMOS level=N` card). The MOSFET element kind builds its
/// device by asking the model, so each level brings its own device class.
/// </summary>
public interface IMosfetModel
{
    /// <summary>True for PMOS.</summary>
    bool IsPmos { get; }

    /// <summary>Builds the device for an `M` element that names this model (nodes d g s b).</summary>
    Engine.Device CreateDevice(DeviceRequest request);
}
