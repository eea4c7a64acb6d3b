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
