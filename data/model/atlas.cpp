#include "data/model/atlas.h"

#include <algorithm>
#include <array>
#include <set>

namespace chronomap {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<const char*, N>& names, const std::string& s) {
    for (std::size_t i = 0; i < N; ++i)
        if (s == names[i]) return static_cast<E>(i);
    return std::nullopt;
}

constexpr std::array<const char*, 6> kStatus = {"integral",     "autonomous",    "occupied",
                                                "administered", "self-declared", "ceased"};
constexpr std::array<const char*, 5> kKinds = {"treaty", "decision", "military", "declaration",
                                               "other"};
constexpr std::array<const char*, 4> kRoles = {"territories", "places", "reference", "raster"};

}  // namespace

const char* to_string(Status s) {
    return kStatus[static_cast<std::size_t>(s)];
}
const char* to_string(EventKind k) {
    return kKinds[static_cast<std::size_t>(k)];
}
const char* to_string(LayerRole r) {
    return kRoles[static_cast<std::size_t>(r)];
}
const char* to_string(Basis b) {
    switch (b) {
        case Basis::DeFacto:
            return "de_facto";
        case Basis::DeJure:
            return "de_jure";
        case Basis::Both:
            return "both";
    }
    return "both";
}

std::optional<Status> status_from_string(const std::string& s) {
    return lookup<Status>(kStatus, s);
}
std::optional<EventKind> event_kind_from_string(const std::string& s) {
    return lookup<EventKind>(kKinds, s);
}
std::optional<LayerRole> layer_role_from_string(const std::string& s) {
    return lookup<LayerRole>(kRoles, s);
}
std::optional<Basis> basis_from_string(const std::string& s) {
    if (s == "de_facto") return Basis::DeFacto;
    if (s == "de_jure") return Basis::DeJure;
    if (s == "both") return Basis::Both;
    return std::nullopt;
}

float Layer::raster_opacity(Date date) const {
    const double fade_days = fade_years * 365.2425;
    // Days before the first day shown, or after the last (an end of "1914" is its last day).
    double outside = 0;
    if (valid_from && date.day < valid_from->day) outside = static_cast<double>(valid_from->day - date.day);
    if (valid_to && date.day >= valid_to->span_end()) outside = static_cast<double>(date.day - valid_to->span_end() + 1);
    if (outside <= 0) return opacity;
    if (outside >= fade_days) return 0;
    return opacity * static_cast<float>(1 - outside / fade_days);
}

std::string Names::get(const std::string& lang, const std::string& fallback) const {
    if (auto it = by_lang.find(lang); it != by_lang.end() && !it->second.empty()) return it->second;
    if (auto it = by_lang.find("en"); it != by_lang.end() && !it->second.empty()) return it->second;
    for (const auto& [l, n] : by_lang)
        if (!n.empty()) return n;
    return fallback;
}

std::size_t Shape::vertex_count() const {
    std::size_t n = points.size();
    for (const auto& l : lines) n += l.size();
    for (const auto& p : polygons)
        for (const auto& r : p.rings) n += r.size();
    return n;
}

Bounds Shape::bounds() const {
    Bounds b;
    for (const auto& p : points) b.add(p);
    for (const auto& l : lines)
        for (const auto& p : l) b.add(p);
    for (const auto& poly : polygons)
        if (!poly.rings.empty())
            for (const auto& p : poly.rings[0]) b.add(p);
    return b;
}

bool ring_contains(const std::vector<Vec2>& ring, Vec2 p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
            p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
            inside = !inside;
    return inside;
}

bool Shape::contains(Vec2 p) const {
    for (const auto& poly : polygons) {
        bool inside = false;
        for (const auto& ring : poly.rings) inside ^= ring_contains(ring, p);
        if (inside) return true;
    }
    return false;
}

const Power* Atlas::find_power(std::string_view id) const { return lookup.power(*this, id); }

const Source* Atlas::find_source(std::string_view id) const { return lookup.source(*this, id); }

const Event* Atlas::find_event(std::string_view id) const { return lookup.event(*this, id); }

std::string Atlas::power_name(std::string_view id, const std::string& lang) const {
    const Power* p = find_power(id);
    return p ? p->names.get(lang, std::string(id)) : std::string(id);
}

std::string Atlas::citation(std::string_view source_id) const {
    const Source* s = find_source(source_id);
    if (!s) return std::string(source_id);
    if (!s->cite.empty()) return s->cite;
    std::string year;
    for (std::size_t i = 0; i + 4 <= s->year.size() && year.empty(); ++i)
        if (std::all_of(s->year.begin() + static_cast<std::ptrdiff_t>(i), s->year.begin() + static_cast<std::ptrdiff_t>(i + 4),
                        [](char c) { return c >= '0' && c <= '9'; }))
            year = s->year.substr(i, 4);
    const std::string surname = s->author.substr(s->author.find_last_of(' ') + 1);
    if (surname.empty()) return s->title.empty() ? s->id : s->title;
    return year.empty() ? surname : surname + " " + year;
}

std::string Atlas::territory_name(std::string_view id, const std::string& lang) const {
    const Feature* f = find_territory(id);
    return f ? f->names.get(lang, std::string(id)) : std::string(id);
}

const Feature* Atlas::find_territory(std::string_view id, std::optional<Date> at) const {
    return lookup.territory(*this, id, at);
}

const Layer* Atlas::units_layer() const {
    for (const auto& layer : layers)
        if (layer.units && layer.role == LayerRole::Territories) return &layer;
    return nullptr;
}

std::vector<std::string> Atlas::territory_ids() const {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& layer : layers) {
        if (layer.role != LayerRole::Territories) continue;
        for (const auto& f : layer.features)
            if (seen.insert(f.id).second) out.push_back(f.id);
    }
    return out;
}

std::vector<std::string> parents_at(const Atlas& atlas, const std::string& power, Date at) {
    std::vector<std::string> out;
    std::set<std::string> visited{power};
    std::string current = power;
    while (const Power* p = atlas.find_power(current)) {
        const PowerParent* found = nullptr;
        for (const auto& parent : p->parents) {
            const bool started = !parent.from || *parent.from <= at;
            const bool ended = parent.to && *parent.to <= at;
            if (started && !ended) found = &parent;
        }
        if (!found || !visited.insert(found->power).second) break;
        out.push_back(found->power);
        current = found->power;
    }
    return out;
}

}  // namespace chronomap
