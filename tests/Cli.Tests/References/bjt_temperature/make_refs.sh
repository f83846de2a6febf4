#!/bin/sh
# ngspice 39 operating point of temperature.cir (run here: sh make_refs.sh): the `.print op` line becomes a
# .control block that writes temperature.txt (15 digits), with reltol 1e-9 so that ngspice's own stopping error
# does not count.
sed "s|^.print op \(.*\)|.control\nset wr_singlescale\nset wr_vecnames\noption numdgt=15\nop\nwrdata temperature.txt \1\n.endc|; s|^.options reltol=1e-6|.options reltol=1e-9 abstol=1e-15 vntol=1e-12|" temperature.cir > /tmp/ngspice_temperature.cir
ngspice -b /tmp/ngspice_temperature.cir > /dev/null 2>&1
rm -f /tmp/ngspice_temperature.cir
