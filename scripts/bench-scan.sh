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

"$(dirname "$0")/install-sisimai.sh"

# One heavy build or benchmark at a time on this machine: the lock also keeps
# a build from skewing the timings.
exec flock "${NDR_BUILD_LOCK:-/tmp/ndr-build.lock}" cargo bench --locked --bench scan
