#!/usr/bin/env python3
"""Peak memory against the budget: loading takes at most 4x the input's size on top of what the
program takes to load an atlas of one square (the constant: the process with GDAL, PROJ, FFmpeg
and cairo mapped, about 68 MB).

    python3 bench/memory_budget.py [REPEATS]      (default 3; medians are printed)

Inputs are generated in build/bench-data/memory/ the first time:
  events     1,000,000 CSV events, each citing a source and no change        (57 MB)
  changes    1,000,000 CSV rows, each an event with one change of control     (71 MB)
  territories 200,000 small square territories in one GeoJSON file            (55 MB)
Each is loaded by `chronomap validate` with CHRONOMAP_TIMING=1, which prints the peak resident
size when loading ends ("timing: load ... peak N MB"); the whole command's peak (ru_maxrss) is
shown beside it. Territories are loaded cold (an empty cache) and warm. The exit status is 1 when
a load is over its budget.
"""
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXE = os.path.join(ROOT, "build", "app", "chronomap")
DATA = os.path.join(ROOT, "build", "bench-data", "memory")


def write_atlas(folder, manifest):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "atlas.json"), "w") as f:
        json.dump(manifest, f)


def square(x, y, w=0.5, h=0.3):
    return [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]]


def csv_atlas(name, header, row, manifest):
    """An atlas of one CSV event file of a million rows, row(i) each; (folder, CSV bytes)."""
    folder = os.path.join(DATA, name)
    rows = os.path.join(folder, "rows.csv")
    if not os.path.exists(rows):
        os.makedirs(folder, exist_ok=True)
        with open(rows, "w") as f:
            f.write(header)
            for i in range(1000000):
                f.write(row(i))
        write_atlas(folder, manifest)
    return folder, os.path.getsize(rows)


def make_inputs():
    """Writes the generated atlases that are missing; returns {name: (folder, input bytes)}."""
    out = {}
    folder = os.path.join(DATA, "floor")
    if not os.path.exists(os.path.join(folder, "atlas.json")):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "sq.geojson"), "w") as f:
            json.dump({"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"id": "a"},
                 "geometry": {"type": "Polygon", "coordinates": square(0, 0, 1, 1)}}]}, f)
        write_atlas(folder, {"title": "floor", "time_range": {"start": "1900", "end": "2000"},
                             "layers": [{"name": "t", "source": "sq.geojson", "role": "territories"}]})
    out["floor"] = (folder, 0)

    header = "event_id,date,title,kind,territory,status,controller,basis,change_date,source,locator\n"
    base = {"layers": [], "sources": [{"id": "src", "title": "S"}], "events": ["rows.csv"]}
    out["events"] = csv_atlas(
        "events", header,
        lambda i: f"e{i},{1900 + i % 100}-{1 + i % 12:02d}-{1 + i % 28:02d},Event {i},other,,,,,,src,p. {i}\n",
        dict(base, title="events", time_range={"start": "1900", "end": "2000"}))
    out["changes"] = csv_atlas(
        "changes", header,
        lambda i: (f"e{i},{1000 + i % 1000}-{1 + i % 12:02d}-{1 + i % 28:02d},Event {i},other,"
                   f"t{i % 1000},integral,p{i % 100},,,src,p. {i}\n"),
        dict(base, title="changes", time_range={"start": "1000", "end": "2000"},
             powers=[{"id": f"p{k}", "name": f"P{k}", "color": "#808080"} for k in range(100)]))

    folder = os.path.join(DATA, "territories")
    shapes = os.path.join(folder, "tiny.geojson")
    if not os.path.exists(shapes):
        os.makedirs(folder, exist_ok=True)
        with open(shapes, "w") as f:
            f.write('{"type": "FeatureCollection", "features": [')
            for i in range(200000):
                x, y = -180 + (i // 400) * 0.7, -80 + (i % 400) * 0.4
                feature = {"type": "Feature", "properties": {"id": f"t{i}", "name": f"T{i}"},
                           "geometry": {"type": "Polygon", "coordinates": square(round(x, 1), round(y, 1))}}
                f.write(("," if i else "") + json.dumps(feature))
            f.write("]}")
        write_atlas(folder, {"title": "tiny", "time_range": {"start": "1900", "end": "2000"},
                             "layers": [{"name": "t", "source": "tiny.geojson", "role": "territories"}]})
    out["territories"] = (folder, os.path.getsize(shapes))
    return out


def run(args, cache_dir):
    """The peak resident MB when loading ended and for the whole command."""
    env = dict(os.environ, CHRONOMAP_TIMING="1", XDG_CACHE_HOME=cache_dir)
    proc = subprocess.Popen([EXE] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    load = re.search(r"timing: load [0-9.e-]+ s, peak (\d+) MB", err)
    if not load:
        sys.exit(f"no load timing from {' '.join(args)} (status {status}):\n{err[-2000:]}")
    return int(load.group(1)), usage.ru_maxrss / 1024


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if not os.access(EXE, os.X_OK):
        sys.exit("build first: bash dev.sh run")
    inputs = make_inputs()
    cases = [("events", ["--no-geometry"], "warm"), ("changes", ["--no-geometry"], "warm"),
             ("territories", [], "cold"), ("territories", [], "warm")]
    with tempfile.TemporaryDirectory() as tmp:
        warm_cache = os.path.join(tmp, "warm")
        floor = statistics.median(run(["validate", os.path.join(inputs["floor"][0], "atlas.json")], warm_cache)[0]
                                  for _ in range(repeats))
        print(f"constant (an atlas of one square): {floor:.0f} MB; medians of {repeats}")
        print(f"{'input':<12} {'cache':<6} {'MB in':>6} {'load peak':>10} {'budget':>7} {'x input':>8} "
              f"{'whole command':>14}")
        over = False
        for name, flags, cache in cases:
            folder, size = inputs[name]
            atlas = os.path.join(folder, "atlas.json")
            loads, wholes = [], []
            for i in range(repeats):
                cache_dir = os.path.join(tmp, f"cold-{name}-{i}") if cache == "cold" else warm_cache
                if cache == "warm" and i == 0:
                    run(["validate"] + flags + [atlas], cache_dir)  # fills the cache
                load, whole = run(["validate"] + flags + [atlas], cache_dir)
                loads.append(load)
                wholes.append(whole)
            mb_in = size / 2**20
            load, whole = statistics.median(loads), statistics.median(wholes)
            budget = floor + 4 * mb_in
            over |= load > budget
            print(f"{name:<12} {cache:<6} {mb_in:6.0f} {load:8.0f} MB {budget:5.0f} MB {(load - floor) / mb_in:7.1f}x "
                  f"{whole:11.0f} MB{'   OVER BUDGET' if load > budget else ''}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
