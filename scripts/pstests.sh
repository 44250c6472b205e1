#!/usr/bin/env bash
# Runs PowerShell's own v6.0.0 Pester tests (Language and Microsoft.PowerShell.Utility) on
# ersim and prints, per file, the counts and pass rate, then the commonest failure families.
# A developer tool, not a test: the tests are extracted from the PowerShell mirror into a
# temporary folder at run time and never copied into this project. See docs/pstests.md.
#
#   scripts/pstests.sh [--release] [--timeout SECONDS] [--top N] [--keep] [--details] [PATTERN...]
#
# PATTERN selects test files by a substring of their path (default: every file of both areas).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
mirror=${PSTESTS_MIRROR:-/work/.mirror/PowerShell+PowerShell/repo}
tag=v6.0.0
profile=debug
timeout_s=120
top=25
keep=0
details=0
patterns=()
while [ $# -gt 0 ]; do
    case "$1" in
        --release) profile=release ;;
        --timeout) timeout_s=$2; shift ;;
        --top) top=$2; shift ;;
        --keep) keep=1 ;;
        --details) details=1 ;;
        -h|--help) sed -n 2,9p "$0"; exit 0 ;;
        *) patterns+=("$1") ;;
    esac
    shift
done

ersim="$here/target/$profile/ersim"
[ -x "$ersim" ] || { echo "no $ersim: build it first (flock /tmp/ersim-cargo.lock cargo build${profile/debug/})" >&2; exit 2; }
[ -d "$mirror" ] || { echo "no PowerShell mirror at $mirror (set PSTESTS_MIRROR)" >&2; exit 2; }

work=$(mktemp -d /tmp/pstests.XXXXXX)
[ $keep = 1 ] || trap 'rm -rf "$work"' EXIT
areas=(test/powershell/Language test/powershell/Modules/Microsoft.PowerShell.Utility
       test/tools/Modules/HelpersCommon test/tools/Modules/HelpersLanguage)
git -C "$mirror" archive "$tag" "${areas[@]}" | tar -x -C "$work"

# The prelude stands in for what PowerShell's test runner (Start-PSPester) gives every file:
# the helper modules on the module path, and the platform variables of the Windows machine
# the tests then ran on (5.1 has no $IsWindows; without it every Windows-only test would skip).
cat > "$work/run-one.ps1" <<'PS1'
param([string]$Path, [string]$Root)
$global:IsWindows = $true; $global:IsLinux = $false; $global:IsMacOS = $false; $global:IsCoreCLR = $false
Import-Module (Join-Path $Root 'test/tools/Modules/HelpersCommon/HelpersCommon.psm1')
Import-Module (Join-Path $Root 'test/tools/Modules/HelpersLanguage/HelpersLanguage.psm1')
function Get-PstestsLine($e) {
    if ($null -eq $e) { return "`t`t" }
    $m = "$($e.Exception.Message)" -replace '[\r\n\t]+', ' '
    "$($e.FullyQualifiedErrorId)`t$($e.Exception.GetType().FullName)`t$m"
}
# Pester 4's Setup (gone in Pester 5): a file or folder in TestDrive.
function global:Setup([switch]$Dir, [switch]$File, [Parameter(Position = 0)][string]$Path, [Parameter(Position = 1)]$Content = '', [switch]$PassThru) {
    $full = Join-Path $TestDrive $Path
    $item = if ($Dir) { New-Item -ItemType Directory -Path $full -Force } else { New-Item -ItemType File -Path $full -Value $Content -Force }
    if ($PassThru) { $item }
}
$config = @{ Run = @{ Path = $Path; PassThru = $true; Pester4Scopes = $true }; Output = @{ Verbosity = 'None' } }
$r = Invoke-Pester -Configuration $config
foreach ($c in $r.Containers) {
    foreach ($e in $c.ErrorRecord) { "CONTAINER`tDiscovery`t-`t$(Get-PstestsLine $e)" }
}
foreach ($t in $r.Tests) {
    $e = @($t.ErrorRecord)[0]
    "TEST`t$($t.Result)`t$($t.ExpandedPath -replace '\t', ' ')`t$(Get-PstestsLine $e)"
}
PS1

files=$(cd "$work" && find test/powershell -iname '*.tests.ps1' | LC_ALL=C sort)
results="$work/results.tsv"
: > "$results"
for f in $files; do
    if [ ${#patterns[@]} -gt 0 ]; then
        hit=0; for p in "${patterns[@]}"; do case "$f" in *"$p"*) hit=1 ;; esac; done
        [ $hit = 1 ] || continue
    fi
    out="$work/out.txt"
    rc=0
    (cd "$work" && timeout "$timeout_s" "$ersim" -InMemory -NonInteractive -NoProfile -AllowPath "$work" \
        -File "$work/run-one.ps1" -Path "$work/$f" -Root "$work") > "$out" 2> "$work/err.txt" || rc=$?
    short=${f#test/powershell/}
    grep -a -E '^(TEST|CONTAINER)	' "$out" | sed "s|^|$short	|" >> "$results" || true
    if [ $rc = 124 ]; then
        printf '%s\tTIMEOUT\tDiscovery\t-\tTimeout\t\tno result within %ss\n' "$short" "$timeout_s" >> "$results"
    elif ! grep -q -a -E '^(TEST|CONTAINER)	' "$out"; then
        msg=$(head -c 300 "$work/err.txt" | tr '\r\n\t' '   ')
        printf '%s\tCRASH\tDiscovery\t-\tNoResult\t\texit %s: %s\n' "$short" "$rc" "$msg" >> "$results"
    fi
done

python3 - "$results" "$top" "$details" "$work" <<'PY'
import collections, re, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8', errors='replace')]
top, details, work = int(sys.argv[2]), sys.argv[3] == '1', sys.argv[4]

def family(fqid, etype, msg):
    m = re.search(r"The term '([^']*)' is not recognized", msg)
    if m: return "not recognized: " + m.group(1)
    m = re.search(r"Unable to find type \[([^\]]*)\]", msg)
    if m: return "Unable to find type: " + m.group(1)
    m = re.search(r"does not contain a method named '([^']*)'", msg)
    if m or fqid.startswith('MethodNotFound'): return "MethodNotFound: " + (m.group(1) if m else '?')
    m = re.search(r"The property '([^']*)' cannot be found", msg)
    if m: return "PropertyNotFound: " + m.group(1)
    if 'ParseException' in etype or fqid.startswith('ParseException') or 'ParserError' in fqid:
        return "parse error: " + re.sub(r'^At .*?~+ ', '', msg)[:80]
    if 'ParameterBinding' in etype or 'ParameterBinding' in fqid or re.match(r'(NamedParameterNotFound|PositionalParameterNotFound|MissingArgument|AmbiguousParameter|ParameterArgument|InputObjectNotBound|CannotConvertArgument)', fqid):
        return "binding: " + fqid.split(',')[0] + ": " + msg[:50]
    if fqid in ('Timeout', 'NoResult'): return fqid
    if msg.startswith('Expected') or 'but got' in msg: return "wrong value (a Should failed)"
    return (etype.split('.')[-1] or '?') + ": " + fqid.split(',')[0][:60]

per = collections.OrderedDict()
fams = collections.Counter(); examples = {}
for r in rows:
    f, kind, result, name, fqid, etype, msg = (r + [''] * 7)[:7]
    d = per.setdefault(f, collections.Counter())
    if kind == 'TEST':
        d['tests'] += 1
        d[result] += 1
        if result != 'Failed': continue
    else:
        d['broken'] = kind if kind != 'CONTAINER' else 'discovery'
    fam = family(fqid, etype, msg)
    fams[fam] += 1 if kind == 'TEST' else 0
    if kind != 'TEST': d['broken_family'] = fam
    if kind != 'TEST' or fam not in examples: examples.setdefault(fam, f"{f}: {name}: {msg[:140]}")
    if details: print(f"{f}\t{name}\t{fam}\t{msg[:200]}")

def its(f):
    try: return sum(1 for l in open(f"{work}/test/powershell/{f}", encoding='utf-8-sig', errors='replace') if re.match(r'\s*It\s', l))
    except OSError: return 0

print(f"{'file':70} {'its':>4} {'tests':>5} {'pass':>5} {'fail':>5} {'skip':>5} {'rate':>6}  note")
tot = collections.Counter()
for f, d in per.items():
    ran = d['Passed'] + d['Failed']
    rate = f"{100 * d['Passed'] / ran:.0f}%" if ran else '-'
    note = f"{d['broken']}: {d['broken_family'][:60]}" if d['broken'] else ''
    skip = d['Skipped'] + d['NotRun']
    n = its(f)
    print(f"{f:70} {n:>4} {d['tests']:>5} {d['Passed']:>5} {d['Failed']:>5} {skip:>5} {rate:>6}  {note}")
    area = ('Language/' + f.split('/')[1]) if f.startswith('Language') else 'Utility'
    for k, v in (('its', n), ('tests', d['tests']), ('pass', d['Passed']), ('fail', d['Failed']), ('skip', skip)):
        tot[(area, k)] += v; tot[('all', k)] += v
    tot[(area, 'files')] += 1; tot[('all', 'files')] += 1
    if d['broken']: tot[(area, 'broken')] += 1; tot[('all', 'broken')] += 1
print()
print(f"{'area':40} {'files':>5} {'broken':>6} {'its':>5} {'tests':>5} {'pass':>5} {'fail':>5} {'skip':>5} {'rate':>6}")
for area in sorted({a for a, _ in tot}, key=lambda a: (a == 'all', a)):
    g = lambda k: tot[(area, k)]
    ran = g('pass') + g('fail')
    rate = f"{100 * g('pass') / ran:.0f}%" if ran else '-'
    print(f"{area:40} {g('files'):>5} {g('broken'):>6} {g('its'):>5} {g('tests'):>5} {g('pass'):>5} {g('fail'):>5} {g('skip'):>5} {rate:>6}")
print()
print("Failure families (failed tests; files whose discovery failed are listed above):")
for fam, n in fams.most_common(top):
    print(f"{n:5}  {fam}\n       e.g. {examples[fam]}")
broken = collections.Counter(d['broken_family'] for d in per.values() if d['broken'])
if broken:
    print("\nWhy files gave no tests:")
    for fam, n in broken.most_common(top):
        print(f"{n:5}  {fam}\n       e.g. {examples[fam]}")
PY
[ $keep = 1 ] && echo "kept: $work"
exit 0
