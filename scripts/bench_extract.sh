#!/usr/bin/env bash
# Measures extraction speed and start-up cost:
#   1. builds bin/bulletin with the default tags and with -tags ne (gse
#      without its embedded dictionaries) and prints both sizes;
#   2. runs `bulletin extract` on the seed bulletin RUNS times (default 15)
#      with each binary: median and minimum wall time, median and maximum
#      peak RSS (/usr/bin/time -f "%e %M");
#   3. logs where a one-file run spends its time (TestStartupBreakdown);
#   4. runs the throughput benchmarks (BenchmarkDecodeCleanSplit,
#      BenchmarkExtract, BenchmarkGsePos) on the whole shared corpus and
#      prints their MB/s. BENCHTIME (default 2x) sets -benchtime; at 2x the
#      script takes about two minutes on a 2-core machine.
#
#   scripts/bench_extract.sh [RUNS]
#
# BULLETIN_SHARED overrides where shared/ is (default: next to the repo).
# Never run it next to other heavy jobs if the figures are to be published.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${BULLETIN_SHARED:-$(cd "$root/.." && pwd)/shared}
runs=${1:-15}
benchtime=${BENCHTIME:-2x}
seed=$shared/corpus/seed/000_315fdb9f15213726.txt
[[ -f $seed ]] || { echo "bench_extract: the seed $seed is missing" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench_extract: /usr/bin/time is needed (Debian package time)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
go build -o "$work/bulletin" ./cmd/bulletin
go build -tags ne -o "$work/bulletin-ne" ./cmd/bulletin
echo "== binary size"
for b in bulletin bulletin-ne; do
	printf '%-12s %6.1f MB (%d bytes)\n' "$b" "$(echo "$(stat -c %s "$work/$b") / 1048576" | bc -l)" "$(stat -c %s "$work/$b")"
done

# median of a column of numbers (mawk has no asort)
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "== bulletin extract on the seed ($(stat -c %s "$seed") bytes), $runs runs"
for b in bulletin bulletin-ne; do
	: >"$work/times"
	for _ in $(seq "$runs"); do
		/usr/bin/time -f "%e %M" -o "$work/one" "$work/$b" extract "$seed" >/dev/null
		cat "$work/one" >>"$work/times"
	done
	wall_median=$(cut -d' ' -f1 "$work/times" | median)
	wall_min=$(cut -d' ' -f1 "$work/times" | sort -n | head -1)
	rss_median=$(cut -d' ' -f2 "$work/times" | median)
	rss_max=$(cut -d' ' -f2 "$work/times" | sort -n | tail -1)
	printf '%-12s wall median %.2f s, min %.2f s; peak RSS median %.0f MB, max %.0f MB\n' \
		"$b" "$wall_median" "$wall_min" "$(echo "$rss_median / 1024" | bc -l)" "$(echo "$rss_max / 1024" | bc -l)"
done

echo "== start-up breakdown (seed, in process)"
go test ./extract/ -run '^TestStartupBreakdown$' -count=1 -v | sed -n 's/^ *bench_test.go:[0-9]*: /  /p'

echo "== throughput on the corpus (-benchtime $benchtime, one goroutine)"
go test ./extract/ -run '^$' -bench '^Benchmark(DecodeCleanSplit|Extract|GsePos)$' -benchtime "$benchtime" -benchmem -count=1 |
	awk '/^Benchmark/ { for (i = 1; i <= NF; i++) if ($i == "MB/s") mb = $(i - 1); printf "  %-28s %8s MB/s  %6.2f s/op\n", $1, mb, $3 / 1e9 }'
