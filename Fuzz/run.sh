#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 30) on seed corpora from Dialogs/ and
# transcripts/. Crashes are written to Fuzz/crashes/TARGET/ and make this script fail.
#   Fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(FuzzSpecLoader FuzzTranscript FuzzProtocol FuzzMachine)

# SwiftPM can keep a stale source list for the path dependency (a file added to TriageCore is then "not in
# scope"); dropping the build plan makes it compute the plan again, which costs nothing noticeable.
rm -f .build-fuzz/*.yaml
swift build -c release --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | tail -3
bin=$(swift build -c release --scratch-path .build-fuzz --show-bin-path)

mkdir -p corpus/FuzzSpecLoader corpus/FuzzTranscript corpus/FuzzProtocol corpus/FuzzMachine
cp ../Dialogs/*.yaml ../Tests/TriageCoreTests/LintFixtures/*.yaml corpus/FuzzSpecLoader/ 2>/dev/null || true
cp ../transcripts/*.transcript corpus/FuzzTranscript/
for f in ../transcripts/*.transcript; do grep '^> ' "$f" | cut -c3- > "corpus/FuzzMachine/$(basename "$f").txt"; done
printf '{"text": "lower back"}' > corpus/FuzzProtocol/json
printf 'lower back\r' > corpus/FuzzProtocol/crlf
printf '\xff\xfb\x01\xff\xfa\x18\x01\xff\xf0hello' > corpus/FuzzProtocol/telnet
printf '\x1b[31mred\x1b[0m' > corpus/FuzzProtocol/ansi

export TRIAGE_FUZZ_DIALOG=../Dialogs/back-strain.yaml
status=0
for target in "${targets[@]}"; do
  mkdir -p "crashes/$target"
  # FuzzMachine keeps the loaded dialog in a global for the whole run: not a leak.
  leaks=1; [ "$target" = FuzzMachine ] && leaks=0
  echo "== $target for ${seconds}s"
  if ! ASAN_OPTIONS="detect_leaks=$leaks" "$bin/$target" "corpus/$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
        -artifact_prefix="crashes/$target/" -print_final_stats=1 -detect_leaks=$leaks 2>"crashes/$target.log"; then
    echo "FAILED: $target (see Fuzz/crashes/$target.log)"; tail -30 "crashes/$target.log"; status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "crashes/$target.log" | sort -u || true
done
exit $status
