#!/usr/bin/env bash
# Measures ersim side by side with its baselines and prints the ratios:
#   start-up against /bin/true, the parser against tree-sitter-powershell, a
#   million-iteration loop against python3, the 10,000-circuit lifecycle in
#   memory (time and peak memory), a lifecycle with a state file, and one read and one
#   write cmdlet on a 10,000-circuit state file against the same cmdlet on a one-circuit one.
# The interpreter's rows (issue 19) set ersim against python3: a for loop, recursive fib(25),
# 10^6 objects through a three-cmdlet pipeline, Sort-Object of 10^6 numbers (time and peak
# memory), and string growth by += (its ratio tells linear from quadratic).
# Figures go to target/bench/results.txt as well. Usage: scripts/bench.sh [runs] [all|world|interp]
# ("world" runs only the rows that depend on the world's size: the lifecycle and the
# one-cmdlet rows, a few minutes instead of a quarter of an hour; "interp" only start-up and
# the interpreter's rows, about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-21}"
SECTION="${2:-all}"
OUT=target/bench
mkdir -p "$OUT"
# The distributable build: statically linked (no dynamic loader work at start-up), and not
# position-independent, so nothing is relocated at start (a static-pie binary spent 6% of its
# start-up instructions and 67 page faults in _dl_relocate_static_pie).
# crt-static needs an explicit --target, or it would also apply to proc-macro crates.
TARGET=x86_64-unknown-linux-gnu
RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static" cargo build --release --quiet --target "$TARGET"
ERSIM=target/$TARGET/release/ersim

# median_ms RUNS CMD...: the median wall time of a command, in milliseconds.
median_ms() {
  python3 - "$@" <<'PY'
import subprocess, sys, time, statistics
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times.append((time.perf_counter() - t) * 1000)
print(f"{statistics.median(times):.3f}")
PY
}

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

report=()
say() { report+=("$1"); echo "$1"; }

say "ersim benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"

# One cmdlet on a 10,000-circuit state file against the same cmdlet on a state file holding
# only the circuit it reads: what a call costs as the world grows. The big world is built in
# memory, exported and imported into a database (building it cmdlet by cmdlet on a file
# would take a quarter of an hour).
world_rows() {
  local big="$OUT/world-10000.db" small="$OUT/world-1.db" key_big key_small
  rm -f "$big"* "$small"* "$OUT"/world-*.json
  key_big=$("$ERSIM" -InMemory benches/scripts/make-world.ps1 -N 10000 -To "$OUT/world-10000.json")
  key_small=$("$ERSIM" -InMemory benches/scripts/make-world.ps1 -N 1 -To "$OUT/world-1.json")
  "$ERSIM" -StateFile "$big" -Command "Import-ErSimState -Path '$OUT/world-10000.json'"
  "$ERSIM" -StateFile "$small" -Command "Import-ErSimState -Path '$OUT/world-1.json'"
  local read='Get-AzureDedicatedCircuit -ServiceKey KEY | Out-Null'
  local r_big r_small w_big w_small
  r_big=$(median_ms "$RUNS" "$ERSIM" -StateFile "$big" -Command "${read/KEY/$key_big}")
  r_small=$(median_ms "$RUNS" "$ERSIM" -StateFile "$small" -Command "${read/KEY/$key_small}")
  say "one read cmdlet (Get-AzureDedicatedCircuit -ServiceKey) on a 10,000-circuit state: ${r_big} ms, on a one-circuit one ${r_small} ms, ratio $(ratio "$r_big" "$r_small") (targets <= 5 ms, <= 1.5)"
  # A fresh name per run (the world's own GUIDs), so every run creates a circuit.
  local write='New-AzureDedicatedCircuit -CircuitName "w$([guid]::NewGuid())" -ServiceProviderName Equinix -Bandwidth 200 -Location "Silicon Valley" -BillingType MeteredData -Force | Out-Null'
  w_big=$(median_ms "$RUNS" "$ERSIM" -StateFile "$big" -Command "$write")
  w_small=$(median_ms "$RUNS" "$ERSIM" -StateFile "$small" -Command "$write")
  say "one write cmdlet (New-AzureDedicatedCircuit, durable) on a 10,000-circuit state: ${w_big} ms, on a one-circuit one ${w_small} ms, ratio $(ratio "$w_big" "$w_small") (targets <= 6 ms, <= 1.5)"
  rm -f "$big"* "$small"* "$OUT"/world-*.json
}

# The 10,000-circuit lifecycle in memory: time and peak memory.
lifecycle_row() {
  local life_ms peak_kb
  life_ms=$(median_ms 3 "$ERSIM" -InMemory benches/scripts/lifecycle-many.ps1 -Count 10000)
  peak_kb=$( { /usr/bin/time -f '%M' "$ERSIM" -InMemory benches/scripts/lifecycle-many.ps1 -Count 10000 >/dev/null; } 2>&1 | tail -1)
  say "lifecycle of 10,000 circuits in memory: ${life_ms} ms, peak $((peak_kb / 1024)) MB (targets <= 400 ms, <= 64 MB)"
}


# The interpreter's rows (issue 19), each against its peer in the same run. The peer is
# Debian's python3 (a pyenv shim costs 40 ms of its own start-up).
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# peak_mb CMD...: the peak resident memory of a command, in MiB.
peak_mb() {
  /usr/bin/time -f '%M' -o "$OUT/peak.txt" "$@" >/dev/null 2>&1
  awk '{printf "%.0f", $1 / 1024}' "$OUT/peak.txt"
}

interp_rows() {
  # Start-up: nothing heavy may happen before the first statement runs.
  local true_ms start_ms
  true_ms=$(median_ms "$RUNS" /bin/true)
  start_ms=$(median_ms "$RUNS" "$ERSIM" -NoProfile -InMemory -Command '$null')
  say "start-up: ersim ${start_ms} ms, /bin/true ${true_ms} ms, ratio $(ratio "$start_ms" "$true_ms") (target <= 2)"

  local runs=5 e p
  e=$(median_ms $runs "$ERSIM" -InMemory -Command '$x = 0; for ($i = 0; $i -lt 1000000; $i++) { $x += $i }')
  p=$(median_ms $runs "$PY" -c 'x = 0
i = 0
while i < 1000000:
    x += i
    i += 1')
  say "for loop of 1,000,000 with \$x += \$i: ersim ${e} ms, python3 ${p} ms, ratio $(ratio "$e" "$p") (targets <= 150 ms, <= 1.5)"

  e=$(median_ms $runs "$ERSIM" -InMemory -Command 'function fib($n) { if ($n -lt 2) { $n } else { (fib ($n - 1)) + (fib ($n - 2)) } }; fib 25')
  p=$(median_ms $runs "$PY" -c 'def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(25))')
  say "recursive fib(25): ersim ${e} ms, python3 ${p} ms, ratio $(ratio "$e" "$p") (target <= 2)"

  e=$(median_ms $runs "$ERSIM" -InMemory -Command '1..1000000 | Where-Object { $_ % 2 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum')
  p=$(median_ms $runs "$PY" -c 'print(sum(x * 2 for x in (i for i in range(1, 1000001) if i % 2)))')
  say "10^6 objects through Where-Object, ForEach-Object, Measure-Object: ersim ${e} ms, python3 generators ${p} ms, ratio $(ratio "$e" "$p") (target <= 2)"

  # Sort-Object: the time of making the numbers and sorting them less the time of making
  # them (ersim's loop is another row), and the peak memory of the whole run.
  local make='$a = foreach ($i in 1..1000000) { ($i * 7919) % 1000003 }'
  local pmake='a = [(i * 7919) % 1000003 for i in range(1, 1000001)]'
  local e0 e1 p0 p1 em pm
  e0=$(median_ms $runs "$ERSIM" -InMemory -Command "$make")
  e1=$(median_ms $runs "$ERSIM" -InMemory -Command "$make; \$a | Sort-Object | Out-Null")
  p0=$(median_ms $runs "$PY" -c "$pmake")
  p1=$(median_ms $runs "$PY" -c "$pmake; sorted(a)")
  em=$(peak_mb "$ERSIM" -InMemory -Command "$make; \$a | Sort-Object | Out-Null")
  pm=$(peak_mb "$PY" -c "$pmake; sorted(a)")
  e=$(python3 -c "print(f'{$e1 - $e0:.3f}')"); p=$(python3 -c "print(f'{$p1 - $p0:.3f}')")
  say "Sort-Object of 10^6 numbers: ersim ${e} ms, python3 sorted ${p} ms, ratio $(ratio "$e" "$p"); peak ${em} MiB vs ${pm} MiB, ratio $(ratio "$em" "$pm") (targets <= 2, <= 2)"

  local s1 s2
  s1=$(median_ms $runs "$ERSIM" -InMemory -Command '$s = ""; for ($i = 0; $i -lt 100000; $i++) { $s += "x" }')
  s2=$(median_ms $runs "$ERSIM" -InMemory -Command '$s = ""; for ($i = 0; $i -lt 200000; $i++) { $s += "x" }')
  say "\$s += 'x': 2x10^5 times ${s2} ms, 10^5 times ${s1} ms, ratio $(ratio "$s2" "$s1") (linear: target <= 2.5)"
}

finish() {
  printf '%s\n' "${report[@]}" >"$OUT/results.txt"
  echo "written to $OUT/results.txt"
}

if [ "$SECTION" = world ]; then
  world_rows
  lifecycle_row
  finish
  exit 0
fi

if [ "$SECTION" = interp ]; then
  interp_rows
  finish
  exit 0
fi

interp_rows
true_ms=$(median_ms "$RUNS" /bin/true)
cargo build --release --quiet
dyn_ms=$(median_ms "$RUNS" target/release/ersim -NoProfile -InMemory -Command '$null')
say "start-up of the dynamically linked build (cargo build --release): ${dyn_ms} ms, ratio $(ratio "$dyn_ms" "$true_ms")"

lifecycle_row
world_rows

# With a state file every cmdlet is a durable transaction; 500 circuits keep the run short.
state="$OUT/bench-state.json"
rm -f "$state" "$state.lock"
file_ms=$(median_ms 1 "$ERSIM" -StateFile "$state" benches/scripts/lifecycle-many.ps1 -Count 500)
say "lifecycle of 500 circuits with a state file: ${file_ms} ms ($(ratio "$file_ms" 3000) ms per cmdlet over about 3,000 cmdlets)"
rm -f "$state" "$state.lock"

# One cmdlet on a 1,000-circuit state file: the store work a single call costs (the file is
# built once; the figure is the difference between 100 reads and none, per read).
reads="$OUT/bench-reads.json"
rm -f "$reads" "$reads.lock"
"$ERSIM" -StateFile "$reads" benches/scripts/read-many.ps1 -Count 0 >/dev/null
none_ms=$(median_ms 3 "$ERSIM" -StateFile "$reads" benches/scripts/read-many.ps1 -Count 0)
hundred_ms=$(median_ms 3 "$ERSIM" -StateFile "$reads" benches/scripts/read-many.ps1 -Count 100)
say "Get-AzureDedicatedCircuit -ServiceKey on a 1,000-circuit state file: $(python3 -c "print(f'{($hundred_ms - $none_ms) / 100:.2f}')") ms per call"
rm -f "$reads" "$reads.lock"

# Parser and state figures from the criterion benches (parse against tree-sitter on the same text).
cargo bench --quiet --bench ersim -- --warm-up-time 1 --measurement-time 3 "parse/|state/" >"$OUT/criterion.txt" 2>&1 || true
estimate() { python3 -c "import json; print(json.load(open('target/criterion/$1/new/estimates.json'))['median']['point_estimate'] / 1e6)" 2>/dev/null || echo nan; }
for input in generated repository; do
  bytes=$(python3 -c "import json; d=json.load(open('target/criterion/parse_$input/ersim/new/benchmark.json')); print(d['throughput']['Bytes'])" 2>/dev/null || echo 0)
  e=$(estimate "parse_$input/ersim"); t=$(estimate "parse_$input/tree-sitter")
  say "parse ($input, $bytes bytes): ersim $(python3 -c "print(f'{$bytes / 1048576 / ($e / 1000):.1f}')") MB/s, tree-sitter $(python3 -c "print(f'{$bytes / 1048576 / ($t / 1000):.1f}')") MB/s, ersim $(ratio "$t" "$e")x faster (target >= 50 MB/s, >= 1x)"
done
for n in 10 1000 10000; do
  say "state with $n circuits: load $(estimate "state/load/$n") ms, load+change+save $(estimate "state/load-change-save/$n") ms"
done

finish
