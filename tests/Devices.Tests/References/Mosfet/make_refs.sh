#!/bin/sh
# Regenerates the ngspice 39 reference outputs (*.out) of every netlist in this folder:
#   cd tests/Devices.Tests/References/Mosfet && sh make_refs.sh
# Each .cir's .control block writes its own .out with wrdata (15 significant digits).
set -e
for f in *.cir; do ngspice -b "$f" > /dev/null 2>&1 || true; done
ngspice -v | head -2
