#!/bin/sh
# ngspice 39 operating points of the flip-flop netlists here (run here: sh make_refs.sh). Each NAME.cir's
# `.print op` line is replaced by a .control block that writes NAME.txt (15 digits).
for f in *.cir; do
  n=${f%.cir}
  sed "s|^.print op \(.*\)|.control\nset wr_singlescale\nset wr_vecnames\noption numdgt=15\nop\nwrdata $n.txt \1\n.endc|" "$f" > /tmp/ngspice_$n.cir
  ngspice -b /tmp/ngspice_$n.cir > /dev/null 2>&1
  rm -f /tmp/ngspice_$n.cir
done
