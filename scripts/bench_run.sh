#!/usr/bin/env bash
# Measures `bulletin run` on the corpus copied COPIES times (default 20):
# files/s, MB/s and peak RSS at --jobs 1 and --jobs 2, then an incremental
# run with nothing changed. Peak RSS and CPU time (user + system) come from
# /usr/bin/time -v; on a machine shared with other work the CPU time and
# the load average (printed after each run) tell a slow run from a busy
# machine.
#
#   scripts/bench_run.sh [CORPUS_DIR] [COPIES]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-}
copies=${2:-20}
if [[ -z $corpus ]]; then
	if [[ -d $root/../shared/corpus ]]; then corpus=$root/../shared/corpus; else corpus=$root/testdata/example; fi
fi
[[ -x /usr/bin/time ]] || { echo "bench_run: /usr/bin/time is needed (Debian package time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/bulletin" ./cmd/bulletin)
mkdir -p "$work/corpus"
for i in $(seq -w 1 "$copies"); do
	cp -r "$corpus" "$work/corpus/copy$i"
done
# Old modification times, so that the size+time pre-check is trusted on
# the incremental run (files modified in the last seconds are re-hashed).
find "$work/corpus" -type f -exec touch -d '2020-01-01 00:00:00' {} +
files=$(find "$work/corpus" -type f | wc -l)
bytes=$(du -sb "$work/corpus" | cut -f1)
printf 'corpus: %s x%s = %d files, %.1f MB\n' "$corpus" "$copies" "$files" "$(echo "$bytes / 1000000" | bc -l)"

measure() { # label, out dir, extra flags...
	local label=$1 out=$2
	shift 2
	/usr/bin/time -v "$work/bulletin" run "$work/corpus" --out "$out" --progress=never \
		--creation-date 2024-01-01T00:00:00Z "$@" 2>"$work/time.txt" >/dev/null || {
		rc=$?
		[[ $rc == 3 ]] || { cat "$work/time.txt" >&2; exit 1; }
	}
	local wall rss cpu
	cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" |
		awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
	rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
	printf '%-22s %7.1f s  %7.1f files/s  %6.2f MB/s  peak RSS %5.0f MB  cpu %6.1f s  load %s\n' "$label" "$wall" \
		"$(echo "$files / $wall" | bc -l)" "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$cpu" \
		"$(cut -d' ' -f1 /proc/loadavg)"
	echo "$wall" >"$work/last_wall"
}

measure "run --jobs 1" "$work/out1" --jobs 1
wall1=$(cat "$work/last_wall")
measure "run --jobs 2" "$work/out2" --jobs 2
wall2=$(cat "$work/last_wall")
measure "incremental (no change)" "$work/out2" --jobs 2
printf 'speedup jobs 2 / jobs 1: %.2fx\n' "$(echo "$wall1 / $wall2" | bc -l)"
cmp -s "$work/out1/records.jsonl" "$work/out2/records.jsonl" && cmp -s "$work/out1/summary.json" "$work/out2/summary.json" &&
	echo "outputs of --jobs 1 and --jobs 2: identical" || { echo "outputs of --jobs 1 and --jobs 2 differ" >&2; exit 1; }
