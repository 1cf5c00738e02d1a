#!/usr/bin/env python3
"""Drives `triage chat` in a real pseudo-terminal (pexpect) and checks what the screen shows.

Usage: repl_test.py TRIAGE_BINARY BOOKINGS_PATH HISTORY_PATH
Prints one line per check and exits non-zero on the first failure.
"""
import os
import re
import stat
import sys

import pexpect

triage, bookings, history = sys.argv[1], sys.argv[2], sys.argv[3]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(extra_env=None, args=(), columns=100):
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    env.update(extra_env or {})
    child = pexpect.spawn(triage, ["chat", "--bookings", bookings, *args], env=env, encoding="utf-8",
                          timeout=20, dimensions=(40, columns))
    return child


def check(name, condition):
    print(("ok   " if condition else "FAIL ") + name, flush=True)
    if not condition:
        sys.exit(1)


# 1. Plain text (NO_COLOR), numbered options, Tab completion, history, Ctrl-C, Ctrl-D.
child = spawn({"NO_COLOR": "1"}, args=["--history", history], columns=60)
child.expect("Where is your pain worst\\?")
child.expect("> ")
screen = child.before
check("options are numbered", "1. Lower back" in screen and "4. Neck and shoulders" in screen)
check("NO_COLOR means no escape codes in the assistant's text", "\x1b[1m" not in screen and "\x1b[36m" not in screen)

child.send("low\t")
child.expect("Lower back")
check("Tab completes a partial option", True)
child.send("\r")
child.expect("Is the pain on one side")
child.expect("> ")

child.send("left\r")
child.expect("Does the pain spread")
child.expect("> ")

child.send("\x1b[A")  # up arrow
child.expect("left")
check("up arrow recalls the previous line", True)

child.send("\x03")  # Ctrl-C clears the recalled line
child.expect("> ")
child.send("no\r")
child.expect("What do you think started the pain\\?")
check("Ctrl-C cleared the line (the next answer was read alone)", True)
child.expect("> ")

child.send("\x03")
child.send("\x03")  # twice: asks to confirm leaving
child.expect("Do you want to stop now\\? Nothing has been booked\\.")
check("Ctrl-C twice asks to confirm leaving", True)
child.expect("> ")
child.send("no\r")
child.expect("Let's carry on")
child.expect("What do you think started the pain\\?")
child.expect("> ")

child.sendcontrol("d")  # Ctrl-D ends politely
child.expect("Goodbye\\. Nothing was booked\\.")
child.expect(pexpect.EOF)
child.close()
check("Ctrl-D ends politely, saying nothing was booked", child.exitstatus == 0)

lines = [ANSI.sub("", l) for l in child.before.splitlines()]
mode = stat.S_IMODE(os.stat(history).st_mode)
check("history file is private (0600): %o" % mode, mode == 0o600)
check("history file holds the typed lines", "left" in open(history).read())

# 2. Wrapping to a narrow terminal.
child = spawn({"NO_COLOR": "1"}, columns=40)
child.expect("> ")
text = ANSI.sub("", child.before)
widest = max(len(l.rstrip("\r")) for l in text.splitlines())
check("output wraps to the terminal width (widest line %d <= 40)" % widest, widest <= 40)
child.sendcontrol("d")
child.expect(pexpect.EOF)

# 3. Colour on a terminal: bold question, red emergency. A fresh HOME shows nothing is written there.
import atexit, shutil, tempfile
home = tempfile.mkdtemp(prefix="triage-repl-home-")
atexit.register(shutil.rmtree, home, ignore_errors=True)
child = spawn({"HOME": home, "XDG_DATA_HOME": home + "/data"})
child.expect("> ")
check("the question is bold on a terminal", "\x1b[1mWhere is your pain worst?" in child.before)
child.send("I can't pee\r")
child.expect(pexpect.EOF)
check("the emergency message is red", "\x1b[1;31m" in child.before)

# 4. No history file unless asked (only the bookings store, given explicitly, is written).
check("no history file is written by default: %s" % os.listdir(home), os.listdir(home) == [])
print("all terminal checks passed")
