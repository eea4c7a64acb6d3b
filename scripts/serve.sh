#!/usr/bin/env bash
# README command 1: set up, build the release bundle, serve it on http://127.0.0.1:8080/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs dist "${PORT:-8080}"
