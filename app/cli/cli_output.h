#pragma once
// What the command line prints: aligned tables for people, JSON for other tools.
// The JSON shapes are a contract (see README): keep the keys stable.

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data/model/atlas.h"
#include "data/time/timeline.h"

namespace chronomap::cli {

using ojson = nlohmann::ordered_json;

ojson status_json(const Atlas& atlas, const Timeline& tl, Date date, Basis basis,
                  const std::string& lang);
// {"events": [...]}, as dump(2) would write it, streamed.
void write_events_json(std::ostream& out, const std::vector<const Event*>& events);
ojson history_json(const Atlas& atlas, const Timeline& tl, const std::string& territory,
                   const std::string& lang);

void print_status(std::ostream& out, const Atlas& atlas, const Timeline& tl, Date date, Basis basis,
                  const std::string& lang);
void print_events(std::ostream& out, const Atlas& atlas, const std::vector<const Event*>& events);
void print_history(std::ostream& out, const Atlas& atlas, const Timeline& tl,
                   const std::string& territory, const std::string& lang);

// Display width of UTF-8 text in code points (names in Armenian or Georgian line up too).
std::size_t display_width(const std::string& s);

}  // namespace chronomap::cli
