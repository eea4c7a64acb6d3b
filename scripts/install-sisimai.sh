#!/usr/bin/env bash
# Installs Debian's libsisimai-perl, the reference bounce parser the
# benchmarks compare against (bench-native.sh, bench-scan.sh), when it is
# missing. Safe to run again and again.
set -euo pipefail

if ! perl -MSisimai -e 1 >/dev/null 2>&1; then
  printf '\n== bench: installing libsisimai-perl (Debian), the reference parser\n'
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q libsisimai-perl
fi
