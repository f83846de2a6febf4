#!/usr/bin/env python3
"""Synthetic data for the `perovspice fit` tests, made independently of the simulator:
closed forms of Bisquert & Guerrero, J. Phys. Chem. Lett. 13, 3789 (2022) -- Eq. 5 (dc current),
Eqs. 6-8 (level-1 impedance), Eqs. 13-15 (level-2 impedance) -- and, for the current step, a fixed-step
RK4 integration of Eqs. 1-2 written here. 1 % Gaussian noise, fixed seeds. Run once:
    python3 make_fit_data.py            (writes the CSV files beside this script)
    python3 make_fit_data.py --example  (also writes examples/fit/paper1_fig1d_measured.csv)
"""
import cmath, math, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TRUE = dict(rb=1.0, ic0=10.0, vt=1.0, vm=0.05, cm=0.01, taud=1.0, tauk=0.5)


def fss(u, p):
    return 1.0 / (1.0 + math.exp(-(u - p["vt"]) / p["vm"]))


def ra(u, p):  # Eq. 7
    f = fss(u, p)
    return p["vm"] / (p["ic0"] * f * (1 - f))


def z_level1(freq, u, p):  # Eqs. 6-8
    s = 2j * math.pi * freq
    Ra = ra(u, p)
    return 1 / (p["cm"] * s + 1 / p["rb"] + 1 / (Ra + p["taud"] * Ra * s))


def z_level2(freq, u, p):  # Eqs. 13-15 (f = fss at steady state)
    s = 2j * math.pi * freq
    Ra = ra(u, p)
    zc = (1 + s * p["taud"]) * (Ra + fss(u, p) * p["tauk"] * Ra * s)
    return 1 / (p["cm"] * s + 1 / p["rb"] + 1 / zc)


def current(u, p):  # Eq. 5
    return u / p["rb"] + p["ic0"] * fss(u, p)


def logspace(a, b, n):
    return [a * (b / a) ** (k / (n - 1)) for k in range(n)]


def write(name, header, rows):
    with open(os.path.join(HERE, name) if os.sep not in name else name, "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(repr(float(v)) for v in r) + "\n")


def spectrum(zfun, u, freqs, rng, node):
    rows = []
    for fr in freqs:
        z = zfun(fr, u, TRUE)
        m = abs(z)
        rows.append((fr, z.real + 0.01 * m * rng.gauss(0, 1), z.imag + 0.01 * m * rng.gauss(0, 1)))
    return ["frequency", f"vr({node})", f"vi({node})"], rows


def step_response(i0, i1, t_step, ramp, t_stop, times, p, dt=1e-5):
    """RK4 of cm du/dt = I(t) - u/rb - ic, taud dic/dt = ic0 fss(u) - ic from the steady state at i0."""
    # steady state at i0: solve Eq. 5 for u by bisection
    lo, hi = -5.0, 5.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if current(mid, p) < i0: lo = mid
        else: hi = mid
    u = 0.5 * (lo + hi)
    ic = p["ic0"] * fss(u, p)

    def drive(t):
        if t <= t_step: return i0
        if t >= t_step + ramp: return i1
        return i0 + (i1 - i0) * (t - t_step) / ramp

    def rhs(t, u, ic):
        return ((drive(t) - u / p["rb"] - ic) / p["cm"], (p["ic0"] * fss(u, p) - ic) / p["taud"])

    out, t, k = [], 0.0, 0
    n = int(round(t_stop / dt))
    targets = list(times)
    for step in range(n + 1):
        t = step * dt
        while k < len(targets) and abs(targets[k] - t) < dt / 2:
            out.append(u); k += 1
        if step == n: break
        a1 = rhs(t, u, ic)
        a2 = rhs(t + dt / 2, u + dt / 2 * a1[0], ic + dt / 2 * a1[1])
        a3 = rhs(t + dt / 2, u + dt / 2 * a2[0], ic + dt / 2 * a2[1])
        a4 = rhs(t + dt, u + dt * a3[0], ic + dt * a3[1])
        u += dt / 6 * (a1[0] + 2 * a2[0] + 2 * a3[0] + a4[0])
        ic += dt / 6 * (a1[1] + 2 * a2[1] + 2 * a3[1] + a4[1])
    return out


def main():
    rng = random.Random(20221)
    freqs = logspace(1e-3, 1e4, 60)
    for node, u in (("a1", 0.80), ("a2", 0.85), ("a3", 0.90)):
        h, rows = spectrum(z_level1, u, freqs, rng, node)
        write(f"l1_{node}.csv", h, rows)
    h, rows = spectrum(z_level2, 0.85, freqs, rng, "a")
    write("l2_spectrum.csv", h, rows)
    # I-V (Eq. 5) through a voltage source: i(v1) = -I; sigma column = 1 % of |I|.
    rows = []
    for k in range(57):
        u = 0.025 * k
        i = -current(u, TRUE)
        rows.append((u, i * (1 + 0.01 * rng.gauss(0, 1)), 0.01 * abs(i)))
    write("iv.csv", ["v1", "i(v1)", "sigma(i(v1))"], rows)
    # current step 2 -> 6 A at 0.1 s (0.1 ms ramp); v(a) at 80 times in 0.05 .. 4 s
    times = [round(0.05 * k, 10) for k in range(1, 81)]
    us = step_response(2.0, 6.0, 0.1, 1e-4, 4.0, times, TRUE)
    write("step.csv", ["time", "v(a)"], [(t, v * (1 + 0.01 * rng.gauss(0, 1))) for t, v in zip(times, us)])
    write("step_clean.csv", ["time", "v(a)"], list(zip(times, us)))  # no noise: checks the simulator itself
    if "--example" in sys.argv:
        ex = random.Random(1984)
        rows = []
        for fr in logspace(1e-3, 1e3, 61):
            z = z_level1(fr, 0.85, TRUE)
            m = abs(z)
            rows.append((fr, z.real + 0.01 * m * ex.gauss(0, 1), z.imag + 0.01 * m * ex.gauss(0, 1)))
        path = os.path.join(HERE, "..", "..", "..", "..", "examples", "fit", "paper1_fig1d_measured.csv")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write(os.path.abspath(path), ["frequency", "vr(a)", "vi(a)"], rows)


if __name__ == "__main__":
    main()
