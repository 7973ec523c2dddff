#!/usr/bin/env python3
"""Times commands in rounds: each round runs every command once, in the order given, so
the builds a ratio compares run within seconds of each other and the machine's drift over
minutes falls on both (hyperfine runs each command's runs back to back instead).

    rounds.py --rounds N [--warmup W] --json FILE [-n NAME [--prepare CMD] CMD]...

W untimed rounds come first. Each CMD (and its --prepare, untimed, run before it in every round) goes through `sh -c`.
Writes FILE in hyperfine's JSON shape ("results": command, times, median, mean, stddev,
min, max, user, system, exit_codes), `times[i]` being round i's, so that a reader pairs
the rounds up. Prints one line per round. Stdlib only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--json", required=True)
    options, rest = parser.parse_known_args(argv)
    commands, name, prepare = [], None, None
    args = iter(rest)
    for arg in args:
        if arg == "-n":
            name = next(args)
        elif arg == "--prepare":
            prepare = next(args)
        else:
            commands.append({"name": name or arg, "prepare": prepare, "command": arg})
            name, prepare = None, None
    if not commands or options.rounds < 1:
        parser.error("give at least one command and one round")
    return options, commands


def run(command):
    """Wall, user and system seconds of `sh -c command`, and its exit status."""
    start = time.perf_counter()
    process = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime, usage.ru_stime, process.returncode


def main():
    options, commands = parse(sys.argv[1:])
    for command in commands:
        command.update(times=[], user=[], system=[], exit_codes=[])
    for round_number in range(1 - options.warmup, options.rounds + 1):
        shown = []
        for command in commands:
            if command["prepare"]:
                subprocess.run(["sh", "-c", command["prepare"]], stdout=subprocess.DEVNULL, check=True)
            wall, user, system, code = run(command["command"])
            if code != 0:
                sys.exit(f"rounds.py: `{command['name']}` exited with {code} in round {round_number}")
            shown.append(f"{command['name']} {wall:.2f} s")
            if round_number < 1:
                continue
            for key, value in (("times", wall), ("user", user), ("system", system), ("exit_codes", code)):
                command[key].append(value)
        label = f"round {round_number}" if round_number > 0 else "warm-up"
        print(f"   {label}: " + ", ".join(shown), flush=True)
    results = [{
        "command": c["name"], "times": c["times"], "exit_codes": c["exit_codes"],
        "median": statistics.median(c["times"]), "mean": statistics.mean(c["times"]),
        "stddev": statistics.stdev(c["times"]) if len(c["times"]) > 1 else 0.0,
        "min": min(c["times"]), "max": max(c["times"]),
        "user": statistics.mean(c["user"]), "system": statistics.mean(c["system"]),
    } for c in commands]
    with open(options.json, "w", encoding="utf-8") as f:
        json.dump({"rounds": options.rounds, "results": results}, f, indent=2)


if __name__ == "__main__":
    main()
