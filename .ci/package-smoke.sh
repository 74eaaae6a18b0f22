#!/usr/bin/env bash
# Consumer smoke test of the packed package: a copy of tests/PackageSmoke (EF Core 10 + Npgsql)
# references MigrationAnalyzers from artifacts/ and must report exactly the diagnostics of
# tests/PackageSmoke/expected-diagnostics.txt (id, file, line, column). Usage: package-smoke.sh VERSION
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${1:?package version}
work=$(mktemp -d /tmp/ma-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT

cp -r "$root/tests/PackageSmoke/." "$work/"
# dotnet format takes no MSBuild properties: write the version into the copy.
sed -i "s/\$(MigrationAnalyzersVersion)/$version/" "$work/PackageSmoke.csproj"
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$root/artifacts" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
# A private packages folder: never a stale MigrationAnalyzers $version from an earlier run.
props=(-p:RestorePackagesPath="$work/packages")
dotnet restore "$work/PackageSmoke.csproj" "${props[@]}" >/dev/null
dotnet build "$work/PackageSmoke.csproj" --no-restore --no-incremental "${props[@]}" >"$work/build.log" || { cat "$work/build.log"; exit 1; }

grep -oE 'Migrations/[^(]+\([0-9]+,[0-9]+\): warning MIG[0-9]+' "$work/build.log" | sort -u >"$work/actual.txt" || true
if ! diff -u "$root/tests/PackageSmoke/expected-diagnostics.txt" "$work/actual.txt"; then
  echo "package smoke: diagnostics differ from expected-diagnostics.txt" >&2
  exit 1
fi
echo "package smoke: $(wc -l <"$work/actual.txt") expected diagnostics reported by the packed package"

# The fixes from the command line: dotnet format applies them with the packed package, the project
# still builds, and the fixed diagnostics are gone.
fixed_ids=(MIG020 MIG022 MIG005)
dotnet format analyzers "$work/PackageSmoke.csproj" --diagnostics "${fixed_ids[@]}" --severity info --no-restore
if git diff --no-index --quiet "$root/tests/PackageSmoke/Migrations" "$work/Migrations"; then
  echo "package smoke: dotnet format changed nothing" >&2
  exit 1
fi
dotnet build "$work/PackageSmoke.csproj" --no-restore --no-incremental "${props[@]}" >"$work/format-build.log" || { cat "$work/format-build.log"; exit 1; }
# Their diagnostics are gone and no other appeared: what is left is the expected list without them.
grep -vE "warning ($(IFS='|'; echo "${fixed_ids[*]}"))$" "$root/tests/PackageSmoke/expected-diagnostics.txt" >"$work/expected-after-format.txt" || true
grep -oE 'Migrations/[^(]+\([0-9]+,[0-9]+\): warning MIG[0-9]+' "$work/format-build.log" | sort -u >"$work/actual-after-format.txt" || true
if ! diff -u "$work/expected-after-format.txt" "$work/actual-after-format.txt"; then
  echo "package smoke: after dotnet format the diagnostics differ (a fixed one remains or a new one appeared)" >&2
  exit 1
fi
echo "package smoke: dotnet format applied ${fixed_ids[*]}; the project builds with no new diagnostic"

