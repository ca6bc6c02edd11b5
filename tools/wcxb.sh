#!/bin/sh
# Extract every wcxb-dev page with the release CLI (its URL from meta.json) and score it.
# Usage: tools/wcxb.sh PRED_DIR [extra score.py args]
set -eu
pred=${1:?pred dir}; shift
shared=${UNMIRROR_SHARED:-$(dirname "$0")/../../shared}
[ -d "$shared/corpus" ] || shared=/work/shared
bin=${UNMIRROR_BIN:-$(dirname "$0")/../target/release/unmirror}
mkdir -p "$pred/wcxb-dev"
python3 - "$shared/corpus/wcxb-dev" <<'PY' | while IFS='	' read -r id url; do
import json, os, sys
root = sys.argv[1]
for id in sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))):
    print(id + "\t" + (json.load(open(os.path.join(root, id, "meta.json"))).get("url") or ""))
PY
  src="$shared/corpus/wcxb-dev/$id/source.html"
  if [ -n "$url" ]; then set -- --url "$url"; else set --; fi
  "$bin" clean --format text "$@" "$src" > "$pred/wcxb-dev/$id.txt" 2>/dev/null || : > "$pred/wcxb-dev/$id.txt"
done
python3 "$shared/bench/score.py" --corpus "$shared/corpus" --pred "$pred" --datasets wcxb-dev --group-by page_type --per-page "$pred/pages.jsonl"
