#!/usr/bin/env bash
# start_local_slurm.sh - a real single-node Slurm cluster (munged + slurmctld + slurmd) for perovspice's CI and for
# trying `perovspice slurm` on one machine. Debian 12, as root, without systemd; loopback only (ports 6817/6818).
# Idempotent: installs the Debian packages if missing, leaves healthy daemons alone, waits until the node is idle.
#
#   bash tools/slurm/start_local_slurm.sh      # then: sinfo, sbatch, ...
#   bash tools/slurm/stop_local_slurm.sh       # stops exactly the daemons started here (by pid file)
#
# Env: SLURM_LOCAL_CPUS (default nproc), SLURM_LOCAL_PARTITION (default debug), SLURM_LOCAL_WAIT (s, default 60).
#
# Why each step is there (what goes wrong without it):
#  - apt's postinst does not start daemons without an init system, so we start them ourselves;
#  - /run/munge is normally made by systemd-tmpfiles: create it, and run munged as the munge user;
#  - the munge key may be missing: create it with mungekey;
#  - proctrack/linuxproc + task/none: no cgroup setup is needed;
#  - SchedulerParameters=batch_sched_delay=0: jobs start at once instead of on a 3 s tick;
#  - no accounting database: MinJobAge keeps finished jobs visible to scontrol for 5 minutes.
set -euo pipefail
say() { echo "[start_local_slurm] $*"; }
die() { echo "[start_local_slurm] error: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || die "must run as root (it installs packages and starts daemons)"

node=$(hostname -s)
cpus=${SLURM_LOCAL_CPUS:-$(nproc)}
part=${SLURM_LOCAL_PARTITION:-debug}
wait_idle=${SLURM_LOCAL_WAIT:-60}
run=/run/slurm
ctld_pid=$run/slurmctld.pid
slurmd_pid=$run/slurmd.pid
munge_pid=/run/munge/munged.pid
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# 1. packages
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
   || ! command -v munged >/dev/null; then
  say "installing slurmctld slurmd slurm-client munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null
fi

# 2. munge
if [ ! -s /etc/munge/munge.key ]; then
  install -d -o munge -g munge -m 0700 /etc/munge
  /usr/sbin/mungekey --create --force --keyfile=/etc/munge/munge.key
fi
chown munge:munge /etc/munge/munge.key && chmod 0600 /etc/munge/munge.key
install -d -o munge -g munge -m 0755 /run/munge
install -d -o munge -g munge -m 0700 /var/log/munge
install -d -o munge -g munge -m 0711 /var/lib/munge
munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
if ! { alive "$munge_pid" && munge_ok; }; then
  rm -f "$munge_pid" /run/munge/munge.socket.2 /run/munge/munge.socket.2.lock
  runuser -u munge -- /usr/sbin/munged </dev/null >>/var/log/munge/munged.stdout 2>&1 || die "munged did not start"
  for _ in $(seq 50); do munge_ok && break; sleep 0.1; done
  munge_ok || die "munge credential round trip failed"
  say "munged started"
fi

# 3. slurm.conf
install -d -m 0755 /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm "$run"
conf=$(mktemp)
cat >"$conf" <<CONF
# written by perovspice tools/slurm/start_local_slurm.sh: single node, loopback only
ClusterName=perovspice-local
SlurmctldHost=${node}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=${ctld_pid}
SlurmdPidFile=${slurmd_pid}
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
SlurmdTimeout=300
MinJobAge=300
NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus} State=UNKNOWN
PartitionName=${part} Nodes=${node} Default=YES MaxTime=INFINITE State=UP
CONF
if ! cmp -s "$conf" /etc/slurm/slurm.conf; then
  install -m 0644 "$conf" /etc/slurm/slurm.conf
  for f in "$slurmd_pid" "$ctld_pid"; do   # a running daemon with the old config: restart it
    if alive "$f"; then p=$(cat "$f"); kill -TERM "$p"; for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; fi
  done
fi
rm -f "$conf"

# 4. daemons (they daemonise; their output goes to files so no caller's pipe stays open)
if ! alive "$ctld_pid"; then
  rm -f "$ctld_pid"
  slurmctld </dev/null >>/var/log/slurm/slurmctld.stdout 2>&1 || die "slurmctld did not start; see /var/log/slurm/slurmctld.log"
  for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q 'is UP' && break; sleep 0.1; done
  scontrol ping | grep -q 'is UP' || die "slurmctld does not answer; see /var/log/slurm/slurmctld.log"
  say "slurmctld started"
fi
if ! alive "$slurmd_pid"; then
  rm -f "$slurmd_pid"
  slurmd </dev/null >>/var/log/slurm/slurmd.stdout 2>&1 || die "slurmd did not start; see /var/log/slurm/slurmd.log"
  for _ in $(seq 50); do alive "$slurmd_pid" && break; sleep 0.1; done
  say "slurmd started"
fi

# 5. wait until the node takes jobs
state=""
for _ in $(seq $((wait_idle * 4))); do
  state=$(sinfo -h -n "$node" -o '%T' 2>/dev/null | head -1)
  case "$state" in
    idle|mixed|allocated) break ;;
    down*|drain*) scontrol update NodeName="$node" State=RESUME 2>/dev/null || true ;;
  esac
  sleep 0.25
done
case "$state" in idle|mixed|allocated) ;; *) die "node $node is '$state' after ${wait_idle}s" ;; esac
say "cluster up: partition $part, node $node, $cpus CPUs"
