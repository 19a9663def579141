#!/usr/bin/env bash
# Byte-identical guard for refactors (issue 13): synthesizes the example estate with `kiban synth`
# and compares every output file with a recorded digest list or with the output of another commit.
#
#   scripts/output-guard.sh record         write test/guard/estate-output.sha256 from this tree
#   scripts/output-guard.sh check          synthesize and compare with test/guard/estate-output.sha256
#   scripts/output-guard.sh against <ref>  synthesize <ref> (a temporary git worktree) and this tree; diff -r
#
# A refactor keeps `check` (and `against main` after merging main) silent. A change that means to alter
# the output re-records the digests in the same commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
digests="$root/test/guard/estate-output.sha256"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/kiban-guard-XXXXXX")"
cleanup() {
  if [ -n "${wt:-}" ]; then git -C "$root" worktree remove --force "$wt" >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# cdktf's local backend records an absolute state path under the working folder: every run works
# in the same fixed folder so that outputs of different checkouts compare byte for byte.
cwd=/tmp/kiban-output-guard-cwd
synth() { # <repo> <outdir>
  mkdir -p "$cwd"
  (cd "$cwd" && node "$1/bin/kiban.js" synth --estate "$1/examples/estate" --out "$2" --quiet >/dev/null)
}
# The reuse indexes of incremental synth (issue 14: stack-inputs.json, hyperv-inputs.json,
# review-inputs.json) fingerprint the tool's own lib/ sources, so any code change alters them by
# design: they are the files the guard leaves out.
digest() { # <outdir>
  (cd "$1" && find . -type f ! -name stack-inputs.json ! -name hyperv-inputs.json ! -name review-inputs.json -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
}

case "${1:-check}" in
  record)
    synth "$root" "$tmp/out"
    digest "$tmp/out" >"$digests"
    echo "recorded $(wc -l <"$digests") files in ${digests#"$root"/}"
    ;;
  check)
    synth "$root" "$tmp/out"
    digest "$tmp/out" >"$tmp/now.sha256"
    if diff -u "$digests" "$tmp/now.sha256"; then echo "output byte-identical ($(wc -l <"$digests") files)"; else echo "output differs from ${digests#"$root"/}" >&2; exit 1; fi
    ;;
  against)
    ref="${2:?usage: output-guard.sh against <ref>}"
    wt="$tmp/base"
    git -C "$root" worktree add --detach "$wt" "$ref" >/dev/null 2>&1
    ln -s "$root/node_modules" "$wt/node_modules"
    synth "$wt" "$tmp/base-out"
    synth "$root" "$tmp/head-out"
    if diff -r -x stack-inputs.json -x hyperv-inputs.json -x review-inputs.json "$tmp/base-out" "$tmp/head-out"; then echo "output byte-identical to $ref ($(find "$tmp/head-out" -type f | wc -l) files)"; else echo "output differs from $ref" >&2; exit 1; fi
    ;;
  *) echo "usage: output-guard.sh record|check|against <ref>" >&2; exit 2 ;;
esac
