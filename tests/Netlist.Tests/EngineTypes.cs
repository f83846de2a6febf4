// AcSweepKind moved from Perovspice.Netlist to Perovspice.Engine (one enum for both layers).
global using AcSweepKind = Perovspice.Engine.AcSweepKind;
