#!/usr/bin/env bash
# Native analysis speed against Sisimai, in one run: installs Debian's
# libsisimai-perl when it is missing, then runs benches/throughput.rs, which
# times our parser and Sisimai turn about on the same files and prints a table
# (MB/s for both, their ratio, and the 10 MB / 1 MB time ratios).
# Nothing passes or fails. Safe to run again and again.
set -euo pipefail
source "$(dirname "$0")/env.sh"

"$(dirname "$0")/install-sisimai.sh"

# One heavy build or benchmark at a time on this machine: the lock also keeps
# a build from skewing the timings.
exec flock "${NDR_BUILD_LOCK:-/tmp/ndr-build.lock}" cargo bench --locked --bench throughput
