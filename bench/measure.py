#!/usr/bin/env python3
"""Mend against the bare Tauri 2 window it is built on (bench/bare-window),
both built in release the same way, measured in one go, their runs
alternating so that a busy machine slows both alike:

- start to interactive Today: from the WebDriver session request (which
  starts the app) until Today's content is in the page;
- memory: the proportional set size (PSS) of the app and its WebKit
  processes, idle a few seconds after Today (for Mend, after its start-up
  check and backup are over);
- the size of the binary.

Mend is measured with an empty data folder and with the generated
100,000-complaint data set. Prints the medians and each ratio to the bare
window. Run it with `bash bench/run.sh` (a virtual display and a session
bus of its own); it needs tauri-driver and WebKitWebDriver, as the tests do.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "release")
MEND = os.path.join(RELEASE, "mend")
BARE = os.path.join(RELEASE, "bare-window")
# Today's content: its entries or the words that say there are none (in
# the bare window, its one heading).
TODAY = "[data-testid='today-list'] > *"
# Memory is read this long after Mend's start-up housekeeping (the check of
# the whole file, then a backup) is over, or after Today in the bare window.
IDLE_SECONDS = 2.0
SESSION_ATTEMPTS = 3


def say(text):
    print(f"==> {text}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def request(method, url, body=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as answer:
        return json.loads(answer.read() or b"{}")


def descendants(root):
    """The process `root` and every process below it."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        children.setdefault(parent, []).append(int(entry))
    found, waiting = [], [root]
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting.extend(children.get(pid, []))
    return found


def pss_kib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def app_pid(binary):
    real = os.path.realpath(binary)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.readlink(f"/proc/{entry}/exe") == real:
                    return int(entry)
            except OSError:
                pass
    return None


def backups_made(data_dir):
    folder = os.path.join(data_dir, "backups")
    if not os.path.isdir(folder):
        return set()
    return {name for name in os.listdir(folder) if name.endswith(".sqlite3")}


def wait_for_housekeeping(data_dir, before):
    """Waits until the backup Mend makes after its start is written."""
    deadline = time.monotonic() + 120
    while backups_made(data_dir) <= before:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no backup appeared in {data_dir} within 120 s")
        time.sleep(0.1)


def open_session(base, binary):
    """A WebDriver session that starts `binary`: its id, and when it was asked for.
    The first session after a driver starts is sometimes dropped: tried again."""
    for attempt in range(1, SESSION_ATTEMPTS + 1):
        started = time.monotonic()
        try:
            session = request("POST", f"{base}/session", {"capabilities": {"alwaysMatch": {
                "tauri:options": {"application": binary}}}}, timeout=30)
            return session["value"]["sessionId"], started
        except OSError as error:
            print(f"    session attempt {attempt} failed: {error}", flush=True)
            stop_leftovers(binary)
    raise RuntimeError(f"no WebDriver session for {binary}")


def stop_leftovers(binary):
    """Ends any copy of `binary` still running (it would take the next start over)."""
    for _ in range(50):
        pid = app_pid(binary)
        if pid is None:
            return
        try:
            os.kill(pid, 15 if _ < 30 else 9)
        except OSError:
            pass
        time.sleep(0.1)


def one_start(binary, data_dir):
    """Starts `binary` through WebDriver; answers (seconds to Today, PSS in MiB)."""
    env = dict(os.environ, WEBKIT_DISABLE_DMABUF_RENDERER="1")
    env.pop("MEND_DATA_DIR", None)
    if data_dir:
        env["MEND_DATA_DIR"] = data_dir
    home = tempfile.mkdtemp(prefix="mend-bench-home-")
    env["XDG_DATA_HOME"] = home
    port = free_port()
    driver = subprocess.Popen(["tauri-driver", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                request("GET", f"{base}/status", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        before = backups_made(data_dir) if data_dir else set()
        sid, started = open_session(base, binary)
        while True:
            found = request("POST", f"{base}/session/{sid}/elements",
                            {"using": "css selector", "value": TODAY})
            if found["value"]:
                break
            if time.monotonic() - started > 60:
                raise RuntimeError(f"{binary} showed no Today within 60 s")
            time.sleep(0.01)
        seconds = time.monotonic() - started
        if data_dir:
            wait_for_housekeeping(data_dir, before)
        time.sleep(IDLE_SECONDS)
        pid = app_pid(binary)
        memory = pss_kib(descendants(pid)) / 1024 if pid else float("nan")
        request("DELETE", f"{base}/session/{sid}")
        return seconds, memory
    finally:
        driver.terminate()
        driver.wait()
        stop_leftovers(binary)
        shutil.rmtree(home, ignore_errors=True)


def start_counted(name, binary, data):
    """One start that is counted; a start whose WebDriver session broke off
    (now and then, of either app) is started again rather than ending the run."""
    for attempt in range(1, SESSION_ATTEMPTS + 1):
        try:
            return one_start(binary, data)
        except OSError as error:
            print(f"    {name}: the session broke off ({error}); starting again", flush=True)
    raise RuntimeError(f"{name}: {SESSION_ATTEMPTS} starts in a row broke off")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15,
                        help="starts of each; about one in four here is slowed by half a second, hence many")
    parser.add_argument("--big", default=os.path.join(tempfile.gettempdir(), "mend-bench-100k"),
                        help="the folder of the 100,000-complaint data set (made when missing)")
    parser.add_argument("--no-build", action="store_true", help="measure the binaries as built")
    args = parser.parse_args()

    if not args.no_build:
        say("Building Mend and the bare window in release")
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "mend", "-p", "bare-window"],
                       cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(args.big, "mend.sqlite3")):
        say(f"Generating 100,000 complaints into {args.big} (about a minute)")
        subprocess.run(["cargo", "run", "--release", "--locked", "-p", "mend-core", "--example",
                        "generate", "--", args.big, "100000", "500000"], cwd=ROOT, check=True)
    empty = tempfile.mkdtemp(prefix="mend-bench-empty-")
    cases = [("bare window", BARE, None), ("Mend, empty", MEND, empty),
             ("Mend, 100,000 complaints", MEND, args.big)]
    say("Warming up (one start of each, not counted)")
    for _, binary, data in cases:
        one_start(binary, data)
    results = {name: ([], []) for name, _, _ in cases}
    for round_number in range(1, args.rounds + 1):
        say(f"Round {round_number} of {args.rounds}")
        for name, binary, data in cases:
            seconds, memory = start_counted(name, binary, data)
            results[name][0].append(seconds)
            results[name][1].append(memory)
            print(f"    {name}: Today after {seconds:.3f} s, {memory:.0f} MiB", flush=True)
    shutil.rmtree(empty, ignore_errors=True)

    base_start = statistics.median(results["bare window"][0])
    base_memory = statistics.median(results["bare window"][1])
    print()
    print(f"Medians of {args.rounds} starts each, runs alternating:")
    print(f"{'':28} {'start to Today':>16} {'ratio':>6} {'memory (PSS)':>14} {'ratio':>6}")
    for name, _, _ in cases:
        start = statistics.median(results[name][0])
        memory = statistics.median(results[name][1])
        print(f"{name:28} {start:>14.3f} s {start / base_start:>5.2f}× "
              f"{memory:>10.0f} MiB {memory / base_memory:>5.2f}×")
    mend_size, bare_size = os.path.getsize(MEND), os.path.getsize(BARE)
    print(f"{'binary size':28} Mend {mend_size / 1e6:.1f} MB, bare window {bare_size / 1e6:.1f} MB: "
          f"{mend_size / bare_size:.2f}×")


if __name__ == "__main__":
    sys.exit(main())
