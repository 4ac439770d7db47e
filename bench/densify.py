#!/usr/bin/env python3
"""Writes a GeoJSON with every polygon ring densified (k-1 points inserted evenly in each edge, k > 1)
or decimated (every other vertex kept, k = 0.5): real outlines at exact multiples of their size.
Edges that jump across the antimeridian get their points on the side they start from, so that no
band around the world appears (before 22 November 2026 they did, in both tools' images alike).
usage: densify.py IN.geojson OUT.geojson K"""
import json, sys

src, out, k = sys.argv[1], sys.argv[2], float(sys.argv[3])

def ring(r):
    if k == 0.5:
        kept = r[:-1:2] + [r[-1]]
        return kept if len(kept) >= 4 else r
    n = int(k)
    outr = []
    for (x0, y0), (x1, y1) in zip(r, r[1:]):
        # An edge that jumps across the antimeridian (180 to -180) is not a line around the world:
        # its new points stay on the side it starts from.
        across = abs(x1 - x0) > 180
        for i in range(n):
            t = i / n
            outr.append([x0 if across else x0 + (x1 - x0) * t, y0 + (y1 - y0) * t])
    outr.append(r[-1])
    return outr

d = json.load(open(src))
total = 0
for f in d["features"]:
    g = f["geometry"]
    if g is None:
        continue
    polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
    polys = [[ring(r) for r in p] for p in polys]
    total += sum(len(r) for p in polys for r in p)
    g["coordinates"] = polys[0] if g["type"] == "Polygon" else polys
json.dump(d, open(out, "w"), separators=(",", ":"))
print(total)
