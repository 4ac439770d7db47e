#include "app/view/export/workbook_template.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/view/overlay/i18n.h"
#include "data/formats/drawn_shapes.h"
#include "data/formats/manifest_edit.h"
#include "data/formats/output_file.h"
#include "data/load/base_map.h"

namespace chronomap {
namespace {

struct HelpRow {
    const char* sheet;
    const char* column;
    const char* meaning;  // marked with N_, translated when the sheet is written
    const char* example;
};

// In the order of the sheets' columns (workbook_columns).
constexpr HelpRow kHelp[] = {
    {"events", "event_id", N_("A short name for the event, without spaces; rows with the same name belong to one event"), "treaty-of-london-1913"},
    {"events", "date", N_("When it happened: a year, a year and month, or a day (YYYY-MM-DD); 500 BC for years before Christ"), "1913-05-30"},
    {"events", "calendar", N_("julian if the date is in the Julian calendar; empty for the Gregorian"), "julian"},
    {"events", "title", N_("The event's title, as the caption shows it"), "Treaty of London"},
    {"events", "kind", N_("treaty, decision, military, declaration or other"), "treaty"},
    {"events", "summary", N_("One or two sentences on what happened, in neutral words"), ""},
    {"events", "signed", N_("For a treaty: the day it was signed"), "1913-05-30"},
    {"events", "ratified", N_("For a treaty: the day it was ratified"), ""},
    {"events", "in_force", N_("For a treaty: the day it took effect, or never"), ""},
    {"events", "territory", N_("The territory that changed hands (its id in the territories layer); one change a row"), ""},
    {"events", "status", N_("integral, autonomous, occupied, administered, self-declared or ceased"), "integral"},
    {"events", "controller", N_("The power that holds the territory after the change (an id from the powers sheet)"), ""},
    {"events", "basis", N_("de_facto (on the ground), de_jure (by law or treaty) or both"), "both"},
    {"events", "change_date", N_("The change's own date, if it is not the event's"), ""},
    {"events", "note", N_("A note on this change"), ""},
    {"events", "source", N_("A source of the event (an id from the sources sheet); one a row"), ""},
    {"events", "locator", N_("Where in the source: a page, an article, a chapter"), "p. 12"},
    {"events", "party", N_("A power that took part (an id from the powers sheet); one a row"), ""},
    {"events", "event_note", N_("A note on the event, such as where sources disagree; one a row"), ""},
    {"powers", "id", N_("A short name for the power, without spaces; a second row with the same id adds a parent"), "serbia"},
    {"powers", "name", N_("Its name in English"), "Kingdom of Serbia"},
    {"powers", "name_<lang>", N_("Its name in another language: name_tr, name_ru, name_hy, ..."), ""},
    {"powers", "color", N_("Its colour on the map, as #RRGGBB"), "#1f77b4"},
    {"powers", "note", N_("A note on the power"), ""},
    {"powers", "parent", N_("A power it belongs to (a republic within a union)"), ""},
    {"powers", "parent_from", N_("From when it belongs to the parent"), ""},
    {"powers", "parent_to", N_("Until when it belongs to the parent"), ""},
    {"sources", "id", N_("A short name for the source, without spaces"), "hall2000"},
    {"sources", "cite", N_("How a reader cites it"), "Hall 2000"},
    {"sources", "author", N_("Its author or authors"), ""},
    {"sources", "title", N_("Its title"), ""},
    {"sources", "year", N_("The year it was published"), "2000"},
    {"sources", "language", N_("Its language, as a two-letter code"), "en"},
    {"sources", "file", N_("A file of it kept with the atlas, if any"), ""},
    {"sources", "note", N_("A note on the source"), ""},
    {"claims", "event_id", N_("The event that made or ended the claim"), ""},
    {"claims", "claimant", N_("The power that claims the territory"), ""},
    {"claims", "territory", N_("The territory claimed"), ""},
    {"claims", "from", N_("From when the claim was made"), ""},
    {"claims", "to", N_("Until when, if it ended"), ""},
    {"claims", "note", N_("A note on the claim"), ""},
};

}  // namespace

WorkbookOptions workbook_help() {
    WorkbookOptions options;
    options.help_sheet = "columns";
    for (const auto& h : kHelp) options.help.push_back({h.sheet, h.column, _(h.meaning), h.example});
    return options;
}

Atlas workbook_example() {
    Atlas atlas;
    Power power;
    power.id = "example-kingdom";
    power.names.by_lang["en"] = "Example Kingdom (replace this row)";
    power.rgba = 0x1f77b4ff;
    atlas.powers.push_back(power);
    Source source;
    source.id = "example-source";
    source.cite = "Author 2000";
    source.author = "An Author";
    source.title = "An example source (replace this row)";
    source.year = "2000";
    source.language = "en";
    atlas.sources.push_back(source);
    Event ev;
    ev.id = "example-treaty";
    ev.date = Date::from_ymd(1913, 5, 30);
    ev.title = "An example treaty (replace this row)";
    ev.kind = EventKind::Treaty;
    EventDetails details;
    details.summary = "What happened, in one or two neutral sentences.";
    details.signed_on = ev.date;
    Claim claim;
    claim.claimant = "example-kingdom";
    claim.territory = "example-territory";
    claim.from = ev.date;
    details.claims.push_back(claim);
    ev.details.set(std::move(details));
    Change change;
    change.territory = "example-territory";
    change.controller = "example-kingdom";
    change.status = Status::Integral;
    change.basis = Basis::Both;
    ev.changes.push_back(change);
    ev.sources.push_back(SourceRef{"example-source", "p. 1", {}});
    atlas.events.push_back(std::move(ev));
    return atlas;
}

Result<> write_workbook_template(const std::string& path, const std::string& lang, const std::string& central_unit,
                                 bool examples) {
    if (!examples) return write_workbook(Atlas{}, path, workbook_help());
    Atlas example = workbook_example();
    if (lang != "en")  // a column for the powers' names in the teacher's language
        example.powers[0].names.by_lang[lang] = "";
    if (!central_unit.empty()) add_example_territory(example, central_unit);
    return write_workbook(example, path, workbook_help());
}

nlohmann::ordered_json lesson_layers() {
    return nlohmann::ordered_json::array(
        {{{"name", "Territories"}, {"source", "base.gpkg"}, {"layer", "provinces"}, {"role", "territories"},
          {"id_field", "unit"}, {"units", true}},
         {{"name", "Modern provinces"}, {"source", "base.gpkg"}, {"layer", "provinces"}, {"role", "reference"},
          {"id_field", "unit"}, {"label_field", "name"}, {"visible", false},
          {"style", {{"fill", "none"}, {"outline", "#b4b4b4"}, {"width", 0.6}}}},
         {{"name", "Modern countries"}, {"source", "base.gpkg"}, {"layer", "countries"}, {"role", "reference"},
          {"id_field", "unit"}, {"style", {{"fill", "#ecebe6"}, {"outline", "#8c8c8c"}, {"width", 1.2}}}}});
}

Result<std::string> create_lesson(const LessonSpec& spec) {
    namespace fs = std::filesystem;
    const auto base_map = find_base_map();
    if (!base_map)
        return input_error("no base map: install Debian's qgis-common (its world_map.gpkg holds Natural Earth's "
                           "countries and provinces)");
    const fs::path folder(spec.folder);
    const fs::path manifest = folder / "atlas.json";
    std::error_code ec;
    if (fs::exists(manifest, ec)) return input_error(manifest.string() + " exists; choose another folder");
    fs::create_directories(folder, ec);
    const auto made = extract_base_map(*base_map, spec.region, (folder / "base.gpkg").string());
    if (!made) return made.failure();
    if (auto written = write_workbook_template((folder / spec.workbook).string(), spec.lang, made->central_unit, spec.examples);
        !written)
        return written.failure();
    const Bounds& r = spec.region;
    nlohmann::ordered_json m;
    m["title"] = spec.title.empty() ? std::string("Untitled lesson") : spec.title;
    m["time_range"] = {{"start", spec.from.display()}, {"end", spec.to.display()}};
    m["crs"] = "EPSG:3857";
    m["default_view"] = {{"bbox", {r.min_x, r.min_y, r.max_x, r.max_y}}};
    m["layers"] = lesson_layers();
    m["workbook"] = spec.workbook;
    Result<OutputFile> out = OutputFile::open(manifest.string());
    if (!out) return out.failure();
    {
        std::ofstream f(out->temp_path());
        f << m.dump(2) << '\n';
        if (!f) return input_error("cannot write " + manifest.string());
    }
    if (auto committed = out->commit(); !committed) return committed.failure();
    return manifest.string();
}

void add_example_territory(Atlas& example, const std::string& unit) {
    Layer layer;
    layer.name = "Territories";
    layer.role = LayerRole::Territories;
    layer.units = true;
    Feature territory;
    territory.id = "example-territory";
    territory.names.by_lang["en"] = "An example territory (replace this row)";
    territory.properties.set("units", unit);
    layer.features.push_back(std::move(territory));
    example.layers.push_back(std::move(layer));
}

namespace {

constexpr const char* kDrawnFile = "drawn.gpkg";

bool has_drawn(const Atlas& atlas) {
    const Layer* units = atlas.units_layer();
    return units && std::any_of(units->features.begin(), units->features.end(), [](const Feature& f) { return is_drawn(f); });
}

}  // namespace

std::string drawn_file_of(const Atlas& atlas, const std::string& manifest_path) {
    return (std::filesystem::path(manifest_path).parent_path() / (atlas.drawn.empty() ? kDrawnFile : atlas.drawn)).string();
}

Result<> save_lesson(const Atlas& atlas, const std::string& manifest_path) {
    const std::string workbook = (std::filesystem::path(manifest_path).parent_path() / atlas.workbook).string();
    WorkbookOptions options = workbook_help();
    options.only_from = atlas.workbook;
    if (auto written = write_workbook(atlas, workbook, options); !written) return written;
    if (atlas.drawn.empty() && !has_drawn(atlas)) return {};
    if (auto written = write_drawn_shapes(atlas, drawn_file_of(atlas, manifest_path)); !written) return written;
    if (!atlas.drawn.empty()) return {};
    return set_manifest_member(manifest_path, "drawn", kDrawnFile);
}

}  // namespace chronomap
