// The netlist's .ac statement uses the engine's sweep kind (one enum for both layers).
global using AcSweepKind = Perovspice.Engine.AcSweepKind;
