#pragma once
// Lookups by id that stay fast on large atlases (200,000 territories, a million events): an
// index built on first use, and rebuilt when an array it points into changes (reallocated or
// resized: a layer's features, the powers, sources or events). Ids are not edited in place
// once loaded. Copying an atlas does not copy its index; the copy builds its own.

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "data/time/date.h"

namespace chronomap {

struct Atlas;
struct Event;
struct Feature;
struct Power;
struct Source;

class AtlasLookup {
public:
    AtlasLookup() = default;
    AtlasLookup(const AtlasLookup&) {}
    AtlasLookup& operator=(const AtlasLookup&) {
        const std::lock_guard<std::mutex> hold(mutex_);
        index_.reset();
        return *this;
    }
    ~AtlasLookup();
    // For code that reorders an array in place (its place and length unchanged): the next
    // lookup rebuilds.
    void forget() const {
        const std::lock_guard<std::mutex> hold(mutex_);
        index_.reset();
    }

    // The first with this id, as a search through the array would find.
    const Power* power(const Atlas& atlas, std::string_view id) const;
    const Source* source(const Atlas& atlas, std::string_view id) const;
    const Event* event(const Atlas& atlas, std::string_view id) const;
    // The first territory feature with this id (in layer order) that is valid at `at`, else the
    // first with this id.
    const Feature* territory(const Atlas& atlas, std::string_view id, std::optional<Date> at) const;

private:
    struct Index;
    std::shared_ptr<const Index> index(const Atlas& atlas) const;

    mutable std::mutex mutex_;
    mutable std::shared_ptr<const Index> index_;
};

}  // namespace chronomap
