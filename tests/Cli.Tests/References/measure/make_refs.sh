#!/bin/sh
# Regenerates the ngspice 39 reference outputs of the measurement tests (MeasureTests.cs).
# Run from this folder: sh make_refs.sh   (needs ngspice-39, Debian package `ngspice`).
# Each NAME.cir is run as is (`ngspice -b NAME.cir`); its standard output is kept as NAME.ngspice.txt.
# ngspice prints .meas results with 6-7 significant digits; .tf/.pz are printed from a .control block with numdgt=15.
for f in meas_tran meas_ac meas_dc four_clip pz_tf meas_par; do
  ngspice -b "$f.cir" 2>/dev/null | grep -v -E "^(Total|DRAM|Maximum|Current|Shared|Text|Stack|Library|Note|Doing|Circuit|No\. of)" > "$f.ngspice.txt"
done
