#!/usr/bin/env bash
# Run every fuzz target for SECONDS (default 60) from its checked-in corpus.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Prints each target's execution count (libFuzzer's
# `stat::number_of_executed_units`) and exits non-zero when any target found a
# crash, a timeout (an input running longer than FUZZ_TIMEOUT seconds) or an
# out-of-memory (more than FUZZ_RSS_MB MB); the input is left in
# fuzz/artifacts/<target>/ and the end of the target's log is printed.
#
# Environment:
#   FUZZ_SANITIZER  none (default: fastest; the crate forbids unsafe code) or address
#   FUZZ_TIMEOUT    per-input time limit in seconds (default 10)
#   FUZZ_RSS_MB     memory limit in MB (default 2048)
#   FUZZ_WORK_DIR   where new inputs go (default: a temporary directory, removed
#                   at exit); the checked-in corpus is only read
#   FUZZ_ARGS       extra libFuzzer flags (e.g. "-max_len=65536")
#   FUZZ_SEED       libFuzzer's -seed (default: random). With a seed, a run makes
#                   the same inputs in the same order: .ci/run fixes one so a
#                   landing does not depend on luck; exploring (no seed, longer
#                   runs) is how new crashes are found before they land.
#
# Needs the nightly toolchain (`cargo +nightly`); installs cargo-fuzz from the
# registry when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(pipeline html_structured lists list_regex)
fi
sanitizer="${FUZZ_SANITIZER:-none}"
timeout_s="${FUZZ_TIMEOUT:-10}"
rss_mb="${FUZZ_RSS_MB:-2048}"
read -r -a extra <<<"${FUZZ_ARGS:-}"
if [ -n "${FUZZ_SEED:-}" ]; then
  extra+=("-seed=$FUZZ_SEED")
fi

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz/run.sh: the nightly toolchain is needed (cargo +nightly)" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz/run.sh: installing cargo-fuzz" >&2
  cargo install --locked cargo-fuzz
fi

work="${FUZZ_WORK_DIR:-}"
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p fuzz/artifacts

# -a: debug assertions (integer overflow panics) like the tests.
build_flags=(-a --sanitizer "$sanitizer")
cargo +nightly fuzz build "${build_flags[@]}"

failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "fuzz/artifacts/$t" "fuzz/corpus/$t"
  log="fuzz/artifacts/$t.log"
  echo "== $t: ${seconds}s" >&2
  start=$(date +%s)
  status=0
  # New inputs go to the work dir (first corpus dir); the checked-in corpus is read only.
  cargo +nightly fuzz run "${build_flags[@]}" "$t" "$work/$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb="$rss_mb" \
    -print_final_stats=1 "${extra[@]}" >"$log" 2>&1 || status=$?
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  line="$t: ${execs:-?} executions in ${took}s (${rate:-?}/s)"
  if [ "$status" -ne 0 ]; then
    kind=$(grep -oE 'ERROR: libFuzzer: [a-z-]+|SUMMARY: libFuzzer: [a-z-]+|panicked at' "$log" | head -1 || true)
    line="$line FAILED (exit $status${kind:+: $kind})"
    failed+=("$t")
    echo "---- $t: end of $log" >&2
    tail -40 "$log" >&2
    ls -1 "fuzz/artifacts/$t" >&2 || true
  fi
  summary+=("$line")
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz/run.sh: failures in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
