#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there
# at the right version. Safe to run again and again.
set -euo pipefail
source "$(dirname "$0")/env.sh"

have() { command -v "$1" >/dev/null 2>&1; }
step() { printf '\n== setup: %s\n' "$*"; }

missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$CHROMEDRIVER" ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} (Debian)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}"
fi

installed_targets="$(rustup target list --installed)"
grep -qx wasm32-unknown-unknown <<<"$installed_targets" || { step "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
installed_components="$(rustup component list --installed)"
grep -q '^clippy' <<<"$installed_components" || rustup component add clippy
grep -q '^rustfmt' <<<"$installed_components" || rustup component add rustfmt

if ! { have trunk && trunk --version | grep -qF " $TRUNK_VERSION"; }; then
  step "installing trunk $TRUNK_VERSION (about 10 minutes)"
  # --locked is required: unlocked, its CSS dependencies do not build together.
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi
if ! { have wasm-bindgen && wasm-bindgen --version | grep -qF " $WASM_BINDGEN_VERSION"; }; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (same version as the crate)"
  # Without --locked: that is how 0.2.130 installs with the registry mirror here.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# cargo fuzz and the widget's release build (build-std, see env.sh) need nightly,
# which machines of this kind come with; build-std also needs the standard library's source.
rustup toolchain list | grep -q '^nightly' || { step "adding the nightly toolchain"; rustup toolchain install nightly --profile minimal; }
rustup component list --toolchain nightly --installed | grep -q '^rust-src' || { step "adding rust-src to nightly (build-std)"; rustup component add rust-src --toolchain nightly; }
if ! { have cargo-fuzz && cargo fuzz --version | grep -qF " $CARGO_FUZZ_VERSION"; }; then
  step "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
if ! { have cargo-deny && cargo deny --version | grep -qF " $CARGO_DENY_VERSION"; }; then
  step "installing cargo-deny $CARGO_DENY_VERSION"
  cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ ! -d node_modules/terser ] || [ ! -d node_modules/postal-mime ] \
   || [ ! -d node_modules/zendesk_app_framework_sdk ] || [ ! -x node_modules/.bin/eslint ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm tools (binaryen 132 for wasm-opt, playwright-core, axe-core, the ZAF SDK for the Zendesk package)"
  npm ci --no-audit --no-fund
fi

# Trunk builds offline (Trunk.toml), so every crate is fetched here first,
# those of the standard library that build-std compiles included.
cargo fetch --locked --quiet
cargo +nightly fetch --locked --quiet --manifest-path "$(rustc +nightly --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
