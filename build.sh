#!/usr/bin/env bash
# The one build entry point. Subcommands:
#   ./build.sh test     fmt check, clippy, every test (what CI runs)
# Nothing here downloads anything but registry packages.
set -euo pipefail
cd "$(dirname "$0")"

cmd="${1:-build}"

boundary_check() {
  # The wasm binding is the only file allowed to name wasm_bindgen.
  local bad
  bad=$(grep -rln 'wasm_bindgen' src | grep -v '^src/wasm.rs$' || true)
  if [ -n "$bad" ]; then
    echo "build.sh: wasm_bindgen named outside src/wasm.rs: $bad" >&2
    exit 1
  fi
}

case "$cmd" in
  test)
    cargo fmt --all -- --check
    cargo clippy --all-targets -- -D warnings
    boundary_check
    cargo test --release
    ;;
  *)
    echo "usage: ./build.sh [test]" >&2
    exit 2
    ;;
esac
