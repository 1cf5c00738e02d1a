#!/usr/bin/env python3
"""Times commands in turn, round after round, and prints each one's median, minimum and 25th percentile (ms).

On a shared VM the speed drifts by tens of percent between minutes; running two binaries in alternation puts the
same drift on both, so their figures compare. Usage:

    scripts/interleave.py ROUNDS "OLD lint Dialogs/back-strain.yaml" "NEW lint Dialogs/back-strain.yaml" "NEW --version"
"""
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
rounds = int(sys.argv[1])
commands = [argument.split() for argument in sys.argv[2:]]
times = [[] for _ in commands]
for _ in range(5):  # warm the page cache
    for command in commands:
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
for _ in range(rounds):
    for index, command in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
        times[index].append((time.perf_counter() - start) * 1000)
for command, measured in zip(commands, times):
    measured.sort()
    print(f"{' '.join(command)[:60]:60s} median {statistics.median(measured):.1f} ms  "
          f"min {measured[0]:.1f}  p25 {measured[len(measured) // 4]:.1f}")
