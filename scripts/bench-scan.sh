#!/usr/bin/env bash
# `ndr-explain scan` end to end against Sisimai's own run over the same
# folders (README, "Performance"): installs Debian's libsisimai-perl when it
# is missing, then runs benches/scan.rs, which generates a Maildir of 100,000
# bounces (about 550 MB) in a temporary folder, scans it and the corpus
# folders with both tools turn about, prints files/s, MB/s and their ratio,
# and the time at 10,000, 50,000 and 100,000 files. The Maildir is removed at
# the end. NDR_SCAN_BENCH_FILES=20000 makes a smaller one. Nothing passes or
# fails. Takes about 5 minutes, most of it Sisimai's.
set -euo pipefail
source "$(dirname "$0")/env.sh"

if ! perl -MSisimai -e 1 >/dev/null 2>&1; then
  printf '\n== bench: installing libsisimai-perl (Debian), the reference parser\n'
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q libsisimai-perl
fi

# One heavy build or benchmark at a time on this machine: the lock also keeps
# a build from skewing the timings.
exec flock "${NDR_BUILD_LOCK:-/tmp/ndr-build.lock}" cargo bench --locked --bench scan
