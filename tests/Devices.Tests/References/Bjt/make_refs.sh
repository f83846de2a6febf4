#!/bin/sh
# Regenerates the ngspice reference data of the BJT tests. Run here:  sh make_refs.sh
# (ngspice-39, Debian package ngspice 39.3+ds-1). Each NAME.cir writes NAME.txt with wrdata (15 digits);
# the operating point printed by ce_amplifier.cir goes to ce_amplifier.op.txt.
set -e
for f in *.cir; do ngspice -b "$f" > /dev/null 2>&1 || true; done
ngspice -b ce_amplifier.cir 2>/dev/null | grep -E '^(v\(|@)' > ce_amplifier.op.txt
awk 'NR == 1 || NR % 10 == 2' switching_tight.full > switching_tight.txt && rm -f switching_tight.full
