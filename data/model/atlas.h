#pragma once
// The atlas model: what a manifest, its layers and its event files describe, once loaded.
// Plain data; no GDAL, GL or UI types appear here.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "data/model/atlas_lookup.h"
#include "data/validate/border_precision.h"
#include "data/model/compact_string.h"
#include "data/time/date.h"
#include "data/validate/diagnostics.h"
#include "data/geometry/geometry.h"
#include "data/model/out_of_line.h"
#include "data/model/properties.h"
#include "data/model/small_list.h"
#include "data/model/symbol.h"

namespace chronomap {

// Ceased: the territory no longer exists as a unit (merged, dissolved, or no data from then on);
// it is not drawn, listed or counted until a later change brings it back.
enum class Status : std::uint8_t { Integral, Autonomous, Occupied, Administered, SelfDeclared, Ceased };
enum class EventKind : std::uint8_t { Treaty, Decision, Military, Declaration, Other };
// Raster: an image under the territories (a scanned old map), georeferenced or placed by
// control points (raster_layer.h).
enum class LayerRole : std::uint8_t { Territories, Places, Reference, Raster };

// Which view of control a change applies to. A de jure change (a treaty in force) and a de facto
// change (troops on the ground) often happen on different days.
enum class Basis : std::uint8_t { DeFacto = 1, DeJure = 2, Both = 3 };
inline bool applies_to(Basis change, Basis basis) {
    return (static_cast<int>(change) & static_cast<int>(basis)) != 0;
}

const char* to_string(Status s);
const char* to_string(EventKind k);
const char* to_string(LayerRole r);
const char* to_string(Basis b);
std::optional<Status> status_from_string(const std::string& s);
std::optional<EventKind> event_kind_from_string(const std::string& s);
std::optional<LayerRole> layer_role_from_string(const std::string& s);
std::optional<Basis> basis_from_string(const std::string& s);

// Names keyed by language code ("en", "tr", "az", "ru", "hy", "ka", ...).
struct Names {
    std::map<std::string, std::string> by_lang;
    // The name in lang, else English, else any name, else fallback.
    std::string get(const std::string& lang, const std::string& fallback = {}) const;
};

struct PowerParent {
    std::string power;
    std::optional<Date> from;
    std::optional<Date> to;
};

struct Power {
    std::string id;
    Names names;
    std::uint32_t rgba = 0x808080FF;
    std::vector<PowerParent> parents;
    std::string note;
    SourcePos pos;
};

struct Source {
    std::string id;
    std::string cite;  // how a reader cites it ("Bolat 2019"); see Atlas::citation
    std::string author;
    std::string title;
    std::string year;
    std::string language;
    std::string file;  // the file name, where the source is one of ours
    std::string note;
    SourcePos pos;
};

struct SourceRef {
    Symbol source;
    CompactString locator;  // "Art. V", "Appendix 2", "p. 272"
    SourcePos pos;
};

struct Change {
    Symbol territory;
    Status status = Status::Integral;
    Symbol controller;
    std::optional<Date> date;  // own date, if it differs from the event's
    Basis basis = Basis::Both;
    OutOfLine<std::string> note;  // read *c.note, write c.note.edit()
    SourcePos pos;             // the territory value
    SourcePos controller_pos;  // the controller value
};

struct Claim {
    Symbol claimant;
    Symbol territory;
    Date from;
    std::optional<Date> to;
    std::string note;
    SourcePos pos;           // the territory value
    SourcePos claimant_pos;  // the claimant value
};

// What an event may have beyond its date, title, changes and sources: most events in a large
// chronology have none of it, so it is kept out of line (OutOfLine: read ev.details->summary,
// write ev.details.edit().summary).
struct EventDetails {
    std::string summary;
    std::optional<Date> signed_on;
    std::optional<Date> ratified;
    std::optional<Date> in_force;
    bool never_in_force = false;  // "in_force": "never": signed, and the atlas says it never took effect
    std::vector<std::string> parties;
    std::vector<Claim> claims;
    std::vector<std::string> notes;
    bool empty() const {
        return summary.empty() && !signed_on && !ratified && !in_force && !never_in_force && parties.empty() && claims.empty() &&
               notes.empty();
    }
};

struct Event {
    CompactString id;  // a std::string is 32 bytes, this 16 (a million events)
    Date date;
    CompactString title;
    EventKind kind = EventKind::Other;
    std::vector<Change> changes;
    SmallList<SourceRef> sources;  // usually one: held inline
    OutOfLine<EventDetails> details;
    SourcePos pos;
    // Derived from a layer's data (a snapshot or a dated field): its date is the data's, when the
    // state was seen, not when the change happened.
    bool derived = false;
};

struct Feature {
    std::string id;
    Names names;
    Shape shape;  // in the display CRS
    Bounds lonlat_bounds;
    std::optional<Date> valid_from;
    std::optional<Date> valid_to;
    Properties properties;  // every attribute, as text
    // Read from the layer's controller_field and status_field, when it names them.
    Symbol controller;
    Symbol status;
    // Where it came from: the data source as the manifest names it, and the feature's number.
    Symbol origin_file;
    std::int64_t origin_fid = -1;
    std::string origin() const {  // "world_1914.geojson, feature 12"
        return origin_file.str() + ", feature " + std::to_string(origin_fid);
    }
    BorderPrecision border = BorderPrecision::Exact;  // from the layer's precision_field

    // Whether this shape is the one in use on `date` (valid_from inclusive, valid_to exclusive).
    bool valid_at(Date date) const {
        return (!valid_from || *valid_from <= date) && (!valid_to || date < *valid_to);
    }
};

// An image in the display CRS: RGBA rows from the top, covering `bounds`.
struct RasterImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;
    Bounds bounds;
};

struct ControlPoint {
    double pixel_x = 0, pixel_y = 0;  // in the image, from its top left corner
    double lon = 0, lat = 0;
};

struct Layer {
    std::string name;        // the manifest's name for it
    Names names;             // that name in each language ("names"), for the Layers panel
    std::string source;      // GDAL data source as written in the manifest
    std::string gdal_layer;  // layer inside the data source
    LayerRole role = LayerRole::Reference;
    std::string id_field;
    std::map<std::string, std::string> name_fields;  // language -> field
    std::string valid_from_field;
    std::string valid_to_field;
    bool valid_to_inclusive = false;  // an end date names the last day in force, not the first after
    // Whole-number years in the date fields are years of the era, negative before Christ
    // (-500 = 500 BC, as Cliopatria writes them), not astronomical years (-500 = 501 BC).
    bool negative_years_bce = false;
    // The features are modern units (provinces of a base map) that the workbook's "territories"
    // sheet groups into the territories drawn (loader: group_units).
    bool units = false;
    // Temporal layers: territories named by a field (pieces with one name are one territory) and
    // controlled by the power named in another, from which changes are derived.
    std::string name_field;
    std::string controller_field;
    std::string status_field;
    std::string precision_field;  // how precisely each feature's border is known (border_precision.h)
    // A snapshot series: each file's features hold from its date until the next file's date.
    struct Snapshot {
        Date date;
        std::string source;
        SourcePos pos;
        // The title of the event the snapshot's changes make ("The world after the Congress of
        // Vienna"); without one, "Snapshot world_1815 of layer 'territories'".
        std::string title;
    };
    std::vector<Snapshot> snapshots;
    bool data_driven() const { return !controller_field.empty() || !snapshots.empty() || !name_field.empty(); }
    // The territory that features without a name become in a data-driven layer: land that no
    // polity holds in the data (most of Africa in 1800 in historical-basemaps), drawn as such.
    static constexpr const char* kUnnamedLand = "(unnamed land)";
    // How a reference layer is drawn: RGBA colours, alpha 0 for none (unset: the defaults, a
    // neutral fill for polygons and a grey line for lines).
    std::optional<std::uint32_t> fill_colour, outline_colour;
    float outline_width = 1.0f;  // pixels at UI scale 1
    bool visible = true;
    // A raster layer: the image, warped into the display CRS; drawn at `opacity`, fully from
    // valid_from to valid_to and fading in and out over `fade_years` beyond them; placed by its
    // own georeferencing or by control points (pixel x, pixel y, longitude, latitude).
    std::shared_ptr<const RasterImage> raster;
    float opacity = 0.7f;
    std::optional<Date> valid_from, valid_to;
    double fade_years = 1;
    std::vector<ControlPoint> control_points;
    // The raster's opacity on a date (0 outside its range and fade).
    float raster_opacity(Date date) const;
    bool loaded = false;  // false if the data source could not be opened
    std::vector<Feature> features;
    SourcePos pos;
};

struct View {
    double lon = 0;
    double lat = 0;
    double zoom = 1;             // 1 = the whole atlas extent fits
    std::optional<Bounds> bbox;  // lon/lat; preferred over centre and zoom when present
};

struct Atlas {
    std::string manifest_path;
    std::string title;
    std::string description;
    std::string workbook;  // the manifest's "workbook", as written (relative to the manifest)
    // The manifest's "drawn": a GeoPackage of the shapes of territories drawn or split in the
    // window, joined by id to the workbook's territories sheet (drawn_shapes.h).
    std::string drawn;
    Date start;
    Date end;
    bool time_range_read = false;  // false when start or end was missing or not a date
    std::string crs = "EPSG:4326";  // display CRS, as written
    View default_view;
    std::vector<Layer> layers;
    std::vector<Power> powers;
    std::vector<Source> sources;
    std::vector<Event> events;  // sorted by date once loaded
    std::map<std::string, std::string> power_aliases;  // another spelling -> power id
    AtlasLookup lookup;  // behind the find_ functions

    const Power* find_power(std::string_view id) const;
    const Source* find_source(std::string_view id) const;
    const Event* find_event(std::string_view id) const;
    // The territory feature with this id, valid at date (or the first with this id).
    const Feature* find_territory(std::string_view id, std::optional<Date> at = {}) const;
    std::vector<std::string> territory_ids() const;  // unique, in layer order
    // A lesson's territories layer, made of base-map units (Layer::units), or null.
    const Layer* units_layer() const;
    Layer* units_layer() { return const_cast<Layer*>(static_cast<const Atlas*>(this)->units_layer()); }
    // Display names in `lang` (else English, else the id); the id itself when nothing has it.
    std::string power_name(std::string_view id, const std::string& lang) const;
    std::string territory_name(std::string_view id, const std::string& lang) const;
    // A source as a reader cites it: its `cite`, else the author's surname and the year's first
    // four digits ("Bolat 2019"), else its title; an id no source has, as it is.
    std::string citation(std::string_view source_id) const;
};

// The names of a power's parents at a date, outermost last ("TSFSR", "USSR").
std::vector<std::string> parents_at(const Atlas& atlas, const std::string& power, Date at);

}  // namespace chronomap
