#!/usr/bin/env bash
# stop_local_slurm.sh - stops the daemons start_local_slurm.sh started, by their pid files only (never by name),
# after cancelling the jobs still queued or running. --purge also removes the state, spool and log directories.
set -uo pipefail
say() { echo "[stop_local_slurm] $*"; }
if [ -s /run/slurm/slurmctld.pid ] && kill -0 "$(cat /run/slurm/slurmctld.pid)" 2>/dev/null; then
  ids=$(squeue -h -o %i 2>/dev/null | tr '\n' ' ')
  [ -n "${ids// /}" ] && scancel --quiet $ids 2>/dev/null
  for _ in $(seq 40); do [ -z "$(squeue -h -t R,CG 2>/dev/null)" ] && break; sleep 0.25; done
fi
stop() {  # NAME PIDFILE
  local f=$2 p
  [ -s "$f" ] || return 0
  p=$(cat "$f")
  if ! kill -0 "$p" 2>/dev/null; then rm -f "$f"; return 0; fi
  case "$(cat /proc/"$p"/comm 2>/dev/null)" in "$1"*) ;; *) say "$1: pid $p is not $1; left alone"; return 1 ;; esac
  kill -TERM "$p"
  for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$p" 2>/dev/null && { say "$1: pid $p ignored SIGTERM; SIGKILL"; kill -KILL "$p"; }
  rm -f "$f"
  say "$1 stopped (pid $p)"
}
stop slurmd /run/slurm/slurmd.pid
stop slurmctld /run/slurm/slurmctld.pid
stop munged /run/munge/munged.pid
if [ "${1:-}" = "--purge" ]; then
  rm -rf /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
  say "purged state, spool and logs"
fi
exit 0
