#!/usr/bin/env bash
# Builds the release bundle into dist/ (Trunk, wasm-opt -Oz, then scripts/postbuild.mjs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
widget_build_env
trunk build --release
