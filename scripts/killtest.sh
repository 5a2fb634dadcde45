#!/usr/bin/env bash
# Kill test of `bulletin run`: a run killed with SIGKILL at any moment and
# started again must end with the same bytes as a run never interrupted.
#
# It builds the binary, copies a corpus (../shared/corpus when present,
# else testdata/example copied COPIES times), runs once to DIR_A, then
# KILLS times starts a run on DIR_B and kills it with -9 after a random
# 0–2 s, then runs DIR_B to completion and compares records.jsonl,
# summary.json, errors.jsonl and report.pdf with DIR_A byte for byte.
#
#   scripts/killtest.sh            KILLS=20 COPIES=40 SEED=… to change
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
kills=${KILLS:-20}
copies=${COPIES:-40}
RANDOM=${SEED:-$$}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
	echo "killtest: FAIL: $*"
	exit 1
}

(cd "$root" && go build -o "$work/bulletin" ./cmd/bulletin) || fail "build"
mkdir -p "$work/corpus"
if [[ -d $root/../shared/corpus ]]; then
	cp -r "$root/../shared/corpus" "$work/corpus/shared"
else
	for i in $(seq -w 1 "$copies"); do cp -r "$root/testdata/example" "$work/corpus/copy$i"; done
fi
# Half the files get an old modification time, so that both the size+time
# pre-check and the hash are exercised.
find "$work/corpus" -type f | sort | awk 'NR % 2' | while IFS= read -r f; do touch -d '2020-01-01 00:00:00' "$f"; done
files=$(find "$work/corpus" -type f | wc -l)

run() { # out dir
	"$work/bulletin" run "$work/corpus" --out "$1" --jobs 2 --progress=never \
		--creation-date 2024-01-01T00:00:00Z >/dev/null 2>>"$work/log.txt"
}

start=$SECONDS
run "$work/A"
rc=$?
[[ $rc == 0 || $rc == 3 ]] || { cat "$work/log.txt"; fail "uninterrupted run exited $rc"; }
echo "killtest: uninterrupted run over $files files: $((SECONDS - start)) s, exit $rc"

# Odd runs are killed 0–2 s after they start (lock, database, discovery,
# dictionary loading); even runs 0–2 s after their first file is committed,
# so that kills land in extraction and, once the database is complete, in
# the writing of the outputs.
finished=0
for i in $(seq 1 "$kills"); do
	ms=$((RANDOM % 2001))
	log="$work/kill$i.log"
	# A run over an unchanged archive stops after checking the files, so
	# give each run work to be killed in: every fifth starts from no state
	# at all, the others must write their outputs again.
	if ((i % 5 == 0)); then
		rm -f "$work/B/state.db" "$work/B/state.db-wal" "$work/B/state.db-shm"
	elif [[ -d $work/B ]]; then
		rm -f "$work/B/report.pdf"
	fi
	"$work/bulletin" run "$work/corpus" --out "$work/B" --jobs 2 --progress=never --verbose \
		--creation-date 2024-01-01T00:00:00Z >/dev/null 2>"$log" &
	pid=$!
	if ((i % 2 == 0)); then
		for _ in $(seq 1 1200); do
			grep -q -e 'extracted path=' -e 'files: ' "$log" 2>/dev/null && break
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.05
		done
	fi
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	if kill -9 "$pid" 2>/dev/null; then
		wait "$pid" 2>/dev/null
	else
		wait "$pid"
		rc=$?
		finished=$((finished + 1))
		[[ $rc == 0 || $rc == 3 ]] || { tail -5 "$log"; fail "run $i ended by itself with exit $rc"; }
	fi
done
committed=$(cat "$work"/kill*.log | grep -c 'extracted path=' || true)
echo "killtest: $kills runs killed with -9 after 0–2 s ($finished had finished first); $committed file results logged by them before the kill"

run "$work/B"
rc=$?
[[ $rc == 0 || $rc == 3 ]] || { tail -5 "$work/log.txt"; fail "final run exited $rc"; }
for name in records.jsonl summary.json errors.jsonl report.pdf; do
	cmp -s "$work/A/$name" "$work/B/$name" || fail "$name differs from the uninterrupted run's"
done
leftovers=$(find "$work/B" -name '.*.tmp-*' | wc -l)
[[ $leftovers == 0 ]] || fail "$leftovers temporary files left in the output directory"
lines=$(wc -l <"$work/B/records.jsonl")
echo "killtest: PASS: records.jsonl ($lines lines), summary.json, errors.jsonl and report.pdf identical after $kills kills ($((SECONDS - start)) s)"
