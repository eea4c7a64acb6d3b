#!/usr/bin/env bash
# README command 2: set up, then run every check. Stops at the first failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
step() { printf '\n== %s\n' "$*"; }

scripts/setup.sh

step "format"
cargo fmt --check
step "clippy (host)"
cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
scripts/build.sh

step "end-to-end tests (release build on 127.0.0.1, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
