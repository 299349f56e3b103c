#!/usr/bin/env bash
# Compares the machine code the JIT makes (Tier1) for the generated happy-path wrappers at two commits.
#   bench/compare-hot-path.sh <before-commit> [<after-commit>, default: the working tree]
# Prints, per wrapper, the instruction count of each side and the diff with labels and addresses normalised.
# The "before" side needs bench/ResilienceGen.HotPathListing too: it is copied in from the working tree.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
before="$1" after="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

checkout() { # checkout SIDE COMMIT|"" : a clean copy of the commit (or of the working tree, without build output)
  mkdir -p "$work/$1"
  if [ -n "$2" ]; then git -C "$repo" archive "$2" | tar -x -C "$work/$1"
  else (cd "$repo" && tar --exclude=bin --exclude=obj --exclude=.git -cf - .) | tar -x -C "$work/$1"; fi
  rm -rf "$work/$1/bench/ResilienceGen.HotPathListing"
  cp -r "$repo/bench/ResilienceGen.HotPathListing" "$work/$1/bench/"
  rm -rf "$work/$1/bench/ResilienceGen.HotPathListing/bin" "$work/$1/bench/ResilienceGen.HotPathListing/obj"
}

listing() { # listing SIDE : builds and runs the probe with the JIT's listing of the three wrappers in SIDE.asm
  local project="$work/$1/bench/ResilienceGen.HotPathListing"
  dotnet build -c Release "$project" -o "$work/$1/out" >"$work/$1.build.log" 2>&1 || { cat "$work/$1.build.log"; exit 1; }
  DOTNET_JitStdOutFile="$work/$1.asm" DOTNET_JitDisasm='HotPathProbe:GetValue*Async' dotnet "$work/$1/out/ResilienceGen.HotPathListing.dll" >/dev/null
}

tier1() { # tier1 SIDE METHOD : that method's Tier1 instructions, labels, comments and addresses normalised
  awk -v m="HotPathProbe:$2(" 'index($0, "Assembly listing for method " m) && /\(Tier1\)/ {p=1} p {print} /; Total bytes of code/ && p {exit}' "$work/$1.asm" \
    | sed -E 's/;.*$//; s/G_M[0-9]+_IG[0-9]+/L/g; s/0x[0-9A-Fa-f]{8,}/ADDR/g; s/reloc 0x[0-9a-f]+/reloc/g' \
    | grep -v '^\s*$' | grep -v '^L:' || true
}

checkout before "$before"; checkout after "$after"
listing before; listing after
for method in GetValueAsync GetValueRetryOnlyAsync GetValueBreakerOnlyAsync; do
  tier1 before "$method" >"$work/before.$method"; tier1 after "$method" >"$work/after.$method"
  echo "== $method: before $(wc -l <"$work/before.$method") instructions, after $(wc -l <"$work/after.$method")"
  diff "$work/before.$method" "$work/after.$method" || true
done
