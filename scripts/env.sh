# Sourced by the other scripts: the pinned tool versions and a PATH that finds them.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
CARGO_FUZZ_VERSION=0.13.2
CARGO_DENY_VERSION=0.20.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# node_modules/.bin first: Debian's own wasm-opt (binaryen 108) cannot read wasm-bindgen's output.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
cd "$ROOT"
# The widget's release build optimises for size (the native release profile is
# for speed) and uses nightly's build-std with panic=immediate-abort: panics
# then compile to a trap with no message formatting or source locations,
# which takes about a tenth off the compressed wasm (see README, "Size").
widget_build_env() {
  export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
}
