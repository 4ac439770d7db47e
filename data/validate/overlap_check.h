#pragma once
// Territories whose shapes overlap at the same date: two hand-drawn polygons that both cover a
// valley, or two units grouped into territories twice. Each overlap is a located warning on
// the later feature, with its size, its share of the smaller territory and where it is.

#include <cstddef>

#include "data/model/atlas.h"
#include "data/validate/diagnostics.h"

namespace chronomap {

struct OverlapLimits {
    // Overlaps smaller than this share of the smaller territory are not reported: shared
    // borders digitised at different precision leave slivers of a few thousandths.
    double min_share = 0.002;
    // Nor those smaller than this on the ground (a hectare), when the CRS tells the size:
    // a shape of a few square metres is a digitising slip, whatever its share.
    double min_km2 = 0.01;
    // GEOS time for the whole check, and for any one pair; a pair past its limit (or that GEOS
    // cannot intersect, a self-crossing ring) is counted as unchecked, never waited on.
    double seconds = 600;
    double seconds_per_pair = 1;
};

struct OverlapReport {
    std::size_t pairs_compared = 0;  // pairs whose boxes and dates overlap
    std::size_t overlaps = 0;        // reported
    std::size_t unchecked = 0;       // pairs GEOS failed on or ran out of time for
    bool out_of_time = false;        // the whole check stopped at its limit
};

// Compares every two territory shapes valid on a common date whose bounding boxes meet
// (shapes with one id are pieces of one territory and never compared). A summary warning says
// how many pairs could not be checked, if any.
OverlapReport check_overlaps(const Atlas& atlas, Diagnostics& diags, const OverlapLimits& limits = {});

}  // namespace chronomap
