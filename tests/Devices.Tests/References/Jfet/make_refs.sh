#!/bin/sh
# Regenerates the ngspice reference data of the JFET tests. Run here:  sh make_refs.sh
# (ngspice-39, Debian package ngspice 39.3+ds-1). Each NAME.cir writes NAME.txt with wrdata (15 digits).
for f in *.cir; do ngspice -b "$f" > /dev/null 2>&1 || true; done
ngspice -b cs_amplifier.cir 2>/dev/null | grep -E '^(v\(|@)' > cs_amplifier.op.txt
