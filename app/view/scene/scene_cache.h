#pragma once
// A built scene's expensive parts (meshes at every level, label anchors, the polygons that needed
// repair) in the cache (data/load/cache.h), keyed by every shape, date and role in the atlas.

#include <cstdint>
#include <string>

#include "app/view/scene/map_scene.h"

namespace chronomap {

// 0 when caching is off.
std::uint64_t scene_key(const Atlas& atlas);
// `scene.labels` must be the seeds before anchoring, in build order.
std::string pack_scene(const MapScene& scene, const std::vector<LabelSeed>& anchored);
// Restores into a scene whose slots, seeds and references were laid out as when it was packed;
// false (and the scene untouched) when the payload does not fit.
bool unpack_scene(const std::string& payload, MapScene& scene);

}  // namespace chronomap
