#!/usr/bin/env bash
# Runs one fuzz target under AFL++ for a number of minutes:
#
#   fuzz/run.sh csv|excel|email MINUTES
#
# Needs afl-fuzz (Debian: apt-get install afl++) and the SharpFuzz.CommandLine dotnet tool, which
# this script installs when missing. It publishes fuzz/BulkInvite.Fuzz to fuzz/work/bin-TARGET,
# instruments BulkInvite.Core, CsvHelper and ExcelDataReader with sharpfuzz, seeds AFL++ from the
# test fixtures, and fuzzes niced. Findings land in fuzz/work/findings-TARGET/default/{crashes,hangs};
# replay one with
#
#   dotnet fuzz/work/bin-TARGET/BulkInvite.Fuzz.dll TARGET FILE
#
# and keep it as a regression file under tests/BulkInvite.Core.Tests/Fixtures/Fuzz/TARGET/.
set -euo pipefail

target=${1:?usage: fuzz/run.sh csv|excel|email MINUTES}
minutes=${2:?usage: fuzz/run.sh csv|excel|email MINUTES}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=${FUZZ_WORK:-$here/work}
bin=$work/bin-$target
seeds=$work/seeds-$target
findings=$work/findings-$target
fixtures=$root/tests/BulkInvite.Core.Tests/Fixtures

case $target in
  csv | excel | email) ;;
  *) echo "unknown target $target: csv, excel or email" >&2; exit 2 ;;
esac

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++" >&2; exit 1; }
export PATH=$PATH:$HOME/.dotnet/tools
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0

rm -rf "$bin" "$seeds"
mkdir -p "$seeds" "$findings"
dotnet publish "$here/BulkInvite.Fuzz/BulkInvite.Fuzz.csproj" -c Release -o "$bin" -v quiet -nologo
for dll in BulkInvite.Core.dll CsvHelper.dll ExcelDataReader.dll; do
  sharpfuzz "$bin/$dll"
done

# Seeds: the fixtures of the target's format (and its earlier findings), each at most 64 KiB.
case $target in
  csv) cp "$fixtures"/*.csv "$seeds"/ ;;
  excel) cp "$fixtures"/*.xlsx "$fixtures"/*.xls "$seeds"/ ;;
  email) cp "$here"/seeds/email/* "$seeds"/ ;;
esac
for file in "$fixtures"/Hostile/* "$fixtures/Fuzz/$target"/*; do
  [ -f "$file" ] && [ "$(stat -c %s "$file")" -le 65536 ] || continue
  case "$target:$file" in
    csv:*.csv | excel:*.xls | excel:*.xlsx | email:*.txt | *"/Fuzz/$target/"*) cp "$file" "$seeds"/ ;;
  esac
done

export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
# -t: an input that runs over 5 s is a hang; -V: stop after the given time; resume with -i - when findings exist.
input=$seeds
[ -f "$findings/default/fuzzer_stats" ] && input=-
nice -n 19 afl-fuzz -i "$input" -o "$findings" -t 5000 -m none -V $((minutes * 60)) -- dotnet "$bin/BulkInvite.Fuzz.dll" "$target"

stats=$findings/default/fuzzer_stats
echo "== $target: $(grep -E '^execs_done' "$stats") $(grep -E '^saved_crashes|^unique_crashes' "$stats") $(grep -E '^saved_hangs|^unique_hangs' "$stats")"
