#!/usr/bin/env bash
# Scores `bulletin extract` against a gold directory with the official
# scorer (shared/tools/score.py): builds the binary, extracts the documents
# the gold files name, and prints score.py's per-document lines (--verbose)
# and its summary line.
#
#   scripts/score.sh [GOLD_DIR] [score.py flags: --json, --by-kind MANIFEST.tsv …]
#
# GOLD_DIR defaults to the official gold (shared/gold); testdata/gold is the
# project's own. Gold "file" fields are relative to the shared corpus.
# BULLETIN_SHARED overrides where shared/ is (default: next to the repo).
# KEEP=DIR keeps the predictions in DIR/pred.jsonl. Exit status: score.py's,
# or 1 when the build or the extraction failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${BULLETIN_SHARED:-$(cd "$root/.." && pwd)/shared}
gold=${1:-$shared/gold}
[[ $# -gt 0 ]] && shift
flags=("$@")
[[ ${#flags[@]} -eq 0 ]] && flags=(--verbose)
corpus=$shared/corpus
scorer=$shared/tools/score.py
for need in "$gold" "$corpus" "$scorer"; do
	[[ -e $need ]] || { echo "score.sh: $need is missing" >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "score.sh: python3 is needed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${KEEP:-$work}
mkdir -p "$out"
(cd "$root" && go build -o "$work/bulletin" ./cmd/bulletin)

# NUL-separated paths: corpus names hold spaces, quotes and full-width
# punctuation.
python3 - "$gold" "$corpus" >"$work/files" <<'PY'
import glob, json, os, sys
gold, corpus = sys.argv[1:3]
for f in sorted(glob.glob(os.path.join(gold, '*.gold.json'))):
    with open(f, encoding='utf-8') as fh:
        sys.stdout.write(os.path.join(corpus, json.load(fh)['file']) + '\0')
PY
status=0
"$work/bulletin" extract --files-from "$work/files" -0 -o "$out/pred.jsonl" || status=$?
if [[ $status -ne 0 ]]; then
	# 3 means some files failed: score the rest, but say so
	echo "score.sh: bulletin extract exited with status $status" >&2
	[[ $status -eq 3 ]] || exit 1
fi
python3 "$scorer" "$gold" "$corpus" "$out/pred.jsonl" "${flags[@]}"
