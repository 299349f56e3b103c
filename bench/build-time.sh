#!/usr/bin/env bash
# `dotnet build` of a 2,000-method project with the ResilienceGen package and without it, as a user sees it.
#
#   bench/build-time.sh [ROUNDS] [METHODS]        (defaults: 7 rounds, 2000 methods; 10 methods per type)
#
# 1. Packs ResilienceGen (runtime + generator + analyzers + code fixes, as shipped) into a temp folder at a version no
#    cache can hold.
# 2. Writes two projects with the same 2,000 method bodies (METHODS/10 classes of 10):
#    - with/:    PackageReference ResilienceGen; each method is `[WithRetry(...)] [CircuitBreaker(...)] public partial
#                Task<int> GetNAsync(int, string, CancellationToken)` with its Core body beside it;
#    - without/: no package; each method is a plain `public Task<int> GetNAsync(...) => GetNCoreAsync(...)` calling the
#                same Core body.
# 3. Restores both once, builds each once (warm-up: where the environment allows it, the compiler server and MSBuild
#    nodes start, as on a developer's machine after the first build; UseSharedCompilation=false or
#    MSBUILDDISABLENODEREUSE=1 in the environment turn both off, and then every build starts a fresh csc that
#    JIT-compiles the compiler, the analyzers and the generator again: the script prints which it is), then times ROUNDS
#    alternating full rebuilds
#    (`dotnet build --no-restore -t:Rebuild`; the order swaps every round) and prints the medians. A third row, the
#    with-project built with -p:RunAnalyzers=false (the generator still runs), splits the analyzers' share off.
# 4. One more rebuild of the with-project with -p:ReportAnalyzer=true prints the compiler's own per-generator and
#    per-analyzer times (what of the difference is ours, and what is compiling the generated code).
# Leaves the temp folder in place only with KEEP=1.
set -euo pipefail

ROUNDS=${1:-7}
METHODS=${2:-2000}
PER_TYPE=10
REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/resiliencegen-build-time.XXXXXX")
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; fi
VERSION="0.0.1-buildtime.$(date -u +%Y%m%d%H%M%S)"

echo "# build time, with vs without ResilienceGen: $METHODS methods, $ROUNDS alternating rounds; $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, commit $(git -C "$REPO" rev-parse --short HEAD)"
echo "compiler server: UseSharedCompilation=${UseSharedCompilation:-<unset, on by default>}; MSBUILDDISABLENODEREUSE=${MSBUILDDISABLENODEREUSE:-<unset>}"
echo "packing ResilienceGen $VERSION into $WORK/packages ..."
dotnet pack "$REPO/src/ResilienceGen/ResilienceGen.csproj" -c Release -o "$WORK/packages" \
  --artifacts-path "$WORK/artifacts" "-p:Version=$VERSION" -nologo -v:q >"$WORK/pack.log" 2>&1 \
  || { cat "$WORK/pack.log"; exit 1; }

# The consumers live outside the repository: its Directory.Build.props, central versions and nuget.config do not apply.
cat >"$WORK/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="ResilienceGen packed by build-time.sh" value="$WORK/packages" />
  </packageSources>
</configuration>
XML
cat >"$WORK/Directory.Build.props" <<XML
<Project>
  <PropertyGroup>
    <RestorePackagesPath>$WORK/restored</RestorePackagesPath>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
</Project>
XML
echo '<Project />' >"$WORK/Directory.Build.targets"
echo '<Project />' >"$WORK/Directory.Packages.props"

mkdir -p "$WORK/with" "$WORK/without"
cat >"$WORK/with/With.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <ItemGroup>
    <PackageReference Include="ResilienceGen" Version="$VERSION" />
  </ItemGroup>
</Project>
XML
echo '<Project Sdk="Microsoft.NET.Sdk" />' >"$WORK/without/Without.csproj"

types=$(( (METHODS + PER_TYPE - 1) / PER_TYPE ))
for (( type = 0; type < types; type++ )); do
  name=$(printf 'Client%04d' "$type")
  {
    printf 'using System.Threading;\nusing System.Threading.Tasks;\nusing ResilienceGen;\n\nnamespace Corpus;\n\npublic partial class %s\n{\n' "$name"
    for (( m = type * PER_TYPE; m < (type + 1) * PER_TYPE && m < METHODS; m++ )); do
      printf '    [WithRetry(MaxRetries = 3, BaseDelayMs = 100)]\n    [CircuitBreaker(FailureThreshold = 5)]\n'
      printf '    public partial Task<int> Get%04dAsync(int id, string region, CancellationToken cancellationToken = default);\n\n' "$m"
      printf '    private Task<int> Get%04dCoreAsync(int id, string region, CancellationToken cancellationToken) => Task.FromResult(id + region.Length);\n\n' "$m"
    done
    printf '}\n'
  } >"$WORK/with/$name.cs"
  {
    printf 'using System.Threading;\nusing System.Threading.Tasks;\n\nnamespace Corpus;\n\npublic partial class %s\n{\n' "$name"
    for (( m = type * PER_TYPE; m < (type + 1) * PER_TYPE && m < METHODS; m++ )); do
      printf '    public Task<int> Get%04dAsync(int id, string region, CancellationToken cancellationToken = default) => Get%04dCoreAsync(id, region, cancellationToken);\n\n' "$m" "$m"
      printf '    private Task<int> Get%04dCoreAsync(int id, string region, CancellationToken cancellationToken) => Task.FromResult(id + region.Length);\n\n' "$m"
    done
    printf '}\n'
  } >"$WORK/without/$name.cs"
done

for project in with without; do
  dotnet restore "$WORK/$project" -nologo -v:q >"$WORK/restore-$project.log" 2>&1 || { cat "$WORK/restore-$project.log"; exit 1; }
done

# One full rebuild; prints its wall-clock seconds. A failed build (an error, or a warning: warnings are errors) stops the script.
rebuild() {
  local project=$1 start end
  shift
  start=$(date +%s.%N)
  dotnet build "$WORK/$project" --no-restore -t:Rebuild -nologo -v:q "$@" >"$WORK/build-$project.log" 2>&1 \
    || { cat "$WORK/build-$project.log" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

rebuild with >/dev/null
rebuild without >/dev/null
# The wrappers are really generated: without them every partial method would fail the build (CS8795).

with_times=()
without_times=()
no_analyzers_times=()
for (( round = 0; round < ROUNDS; round++ )); do
  if (( round % 2 == 0 )); then
    with_times+=("$(rebuild with)"); without_times+=("$(rebuild without)"); no_analyzers_times+=("$(rebuild with -p:RunAnalyzers=false)")
  else
    no_analyzers_times+=("$(rebuild with -p:RunAnalyzers=false)"); without_times+=("$(rebuild without)"); with_times+=("$(rebuild with)")
  fi
  echo "round $((round + 1)): with ${with_times[-1]} s, without ${without_times[-1]} s, with but analyzers off ${no_analyzers_times[-1]} s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
with_median=$(median "${with_times[@]}")
without_median=$(median "${without_times[@]}")
echo
echo "| project | dotnet build -t:Rebuild (median s) | range (s) |"
echo "|---|---:|---:|"
echo "| with ResilienceGen ($METHODS wrappers generated, analyzers on) | $with_median | $(printf '%s\n' "${with_times[@]}" | sort -g | sed -n '1p;$p' | paste -sd'-') |"
echo "| with ResilienceGen, -p:RunAnalyzers=false (generator only) | $(median "${no_analyzers_times[@]}") | $(printf '%s\n' "${no_analyzers_times[@]}" | sort -g | sed -n '1p;$p' | paste -sd'-') |"
echo "| without (the same bodies, plain methods) | $without_median | $(printf '%s\n' "${without_times[@]}" | sort -g | sed -n '1p;$p' | paste -sd'-') |"
echo
awk -v w="$with_median" -v o="$without_median" 'BEGIN { printf "with / without: %.2fx (+%.2f s)\n", w / o, w - o }'

echo
echo "The compiler's own timing of the generator and analyzers in one more rebuild of the with-project (-p:ReportAnalyzer=true):"
dotnet build "$WORK/with" --no-restore -t:Rebuild -nologo -v:d -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true >"$WORK/report-analyzer.log" 2>&1 \
  || { cat "$WORK/report-analyzer.log" >&2; exit 1; }
generated=$(find "$WORK/with/obj" -path '*ResilienceGen.Generator*' -name '*.g.cs' 2>/dev/null | xargs -r cat | wc -c)
echo "  (generated wrapper code this build compiled: $generated bytes in $METHODS methods, EmitCompilerGeneratedFiles on for this build only)"
grep -E '^ +(Total (analyzer|generator) execution time|[<0-9][0-9.]* +[<0-9]+ +[A-Za-z])' "$WORK/report-analyzer.log" \
  | grep -v -E 'csc |HintPath|Resolved file' | sed -E 's/^ +/  /' | awk '!seen[$0]++' \
  | grep -E 'Total (analyzer|generator) execution time|ResilienceGen\.(Generator|Analyzers)'
