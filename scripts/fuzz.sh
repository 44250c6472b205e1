#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60): scripts/fuzz.sh [SECONDS] [TARGET...]
# SECONDS 0 only replays the seeds and the saved corpus; "smoke" replays them and then runs
# 3,000 mutations from a fixed random seed: a short search that is deterministic, for CI.
#
# Built with plain cargo on the stable toolchain: the coverage instrumentation is LLVM's
# sancov pass (-Cpasses=sancov-module), which needs no nightly flag; --target keeps it off
# build scripts. No sanitizer: the code is safe Rust, and a panic, stack overflow, hang
# (-timeout) or memory blow-up (-rss_limit_mb) is what the run looks for. A crash leaves
# its input in fuzz/artifacts/TARGET/; the other targets still run, then the script fails.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
case "$seconds" in
  0) limit=(-runs=0) ;;
  smoke) limit=(-seed=1 -runs=3000) ;;
  *) limit=(-max_total_time="$seconds") ;;
esac
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse expand number netcfg state eval)
triple="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
cargo build --release --bins --target "$triple" --quiet
bin="$PWD/target/$triple/release"

# Seeds: the repository's own scripts, netcfg documents and state files.
seeds() {
  case "$1" in
    parse | expand | eval | number) echo ../scripts ../tests/transcripts/language ../tests/transcripts/expressroute seeds/script ;;
    netcfg) echo seeds/netcfg ;;
    state) echo seeds/state ;;
  esac
}

# Scripts may write files (Get-AzureVNetConfig -ExportToFile, Export-ErSimState): run in a scratch dir.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seed_dirs=()
  for d in $(seeds "$t"); do seed_dirs+=("$PWD/$d"); done
  echo "== $t: ${limit[*]}"
  (cd "$scratch" && "$bin/$t" "$OLDPWD/corpus/$t" "${seed_dirs[@]}" "${limit[@]}" -timeout=10 \
    -rss_limit_mb=2048 -max_len=4096 -dict="$OLDPWD/seeds/powershell.dict" \
    -artifact_prefix="$OLDPWD/artifacts/$t/" -print_final_stats=1 2>"$OLDPWD/artifacts/$t.log") || {
    grep -a -A12 -E "panicked|ERROR: libFuzzer" "artifacts/$t.log" | head -40 >&2
    echo "fuzz target $t failed: see fuzz/artifacts/$t/" >&2
    failed+=("$t")
    continue
  }
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "artifacts/$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
