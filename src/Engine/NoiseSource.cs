namespace Perovspice.Engine;

/// <summary>
/// One noise generator of a device for the small-signal noise analysis (<c>.noise</c>): a current source between
/// two unknowns (node voltages, internal nodes included) whose one-sided power spectral density at the operating
/// point is S(f) = <see cref="Coefficient"/> · f^(−<see cref="Exponent"/>) in A²/Hz. Thermal and shot noise are white
/// (<see cref="Exponent"/> = 0); flicker noise has a positive exponent (1, or a model's ef). The generators of a
/// circuit are uncorrelated. A device with a white and a flicker part lists them as two generators, because the
/// integrated noise is integrated generator by generator (as ngspice does).
/// </summary>
/// <param name="Name">The generator's name within its device, as ngspice names it: <c>thermal</c>, <c>shot</c>,
/// <c>1overf</c>, <c>rs</c>, <c>id</c>, <c>rb</c>, …</param>
/// <param name="Plus">The unknown the current leaves (0 for ground).</param>
/// <param name="Minus">The unknown the current enters (0 for ground).</param>
/// <param name="Coefficient">The density at 1 Hz, A²/Hz (never negative).</param>
/// <param name="Exponent">The frequency exponent: S(f) = Coefficient / f^Exponent.</param>
public readonly record struct NoiseSource(string Name, int Plus, int Minus, double Coefficient, double Exponent = 0)
{
    /// <summary>A white generator (thermal, shot) of density <paramref name="density"/> A²/Hz.</summary>
    /// <param name="name">The generator's name within its device.</param>
    /// <param name="plus">The unknown the current leaves.</param>
    /// <param name="minus">The unknown the current enters.</param>
    /// <param name="density">Its density, A²/Hz.</param>
    public static NoiseSource White(string name, int plus, int minus, double density) => new(name, plus, minus, density);

    /// <summary>The thermal noise 4kT·g of a conductance <paramref name="conductance"/> (S) at
    /// <paramref name="kelvin"/> with Boltzmann's constant <paramref name="boltzmann"/> (J/K); |g| is used.</summary>
    /// <param name="name">The generator's name within its device.</param>
    /// <param name="plus">One end of the conductance.</param>
    /// <param name="minus">The other end.</param>
    /// <param name="conductance">The conductance, S.</param>
    /// <param name="kelvin">Its temperature, K.</param>
    /// <param name="boltzmann">Boltzmann's constant, J/K (the devices use ngspice's value).</param>
    public static NoiseSource Thermal(string name, int plus, int minus, double conductance, double kelvin, double boltzmann) =>
        new(name, plus, minus, 4 * boltzmann * kelvin * Math.Abs(conductance));

    /// <summary>The density at <paramref name="frequency"/> Hz, A²/Hz.</summary>
    /// <param name="frequency">The frequency, Hz (&gt; 0 when <see cref="Exponent"/> ≠ 0).</param>
    public double Density(double frequency) => Exponent == 0 ? Coefficient : Coefficient * Math.Pow(frequency, -Exponent);
}
