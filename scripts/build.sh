#!/usr/bin/env bash
# Builds the release bundle into dist/ (Trunk, wasm-opt -Oz, then scripts/postbuild.mjs),
# then the Zendesk app package, dist/ndr-explainer-zendesk.zip (scripts/build/zendesk.mjs).
set -euo pipefail
source "$(dirname "$0")/env.sh"
widget_build_env
trunk build --release
node scripts/build/zendesk.mjs dist
