#include "data/load/init_manifest.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "data/time/date.h"
#include "data/load/loader_parts.h"
#include "data/load/source_policy.h"

namespace chronomap {
namespace {

namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

const std::set<std::string> kVectorExtensions = {".geojson", ".json", ".gpkg", ".shp", ".fgb",
                                                 ".kml",     ".gml",  ".sqlite", ".csv", ".topojson"};

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// The first field whose lower-case name is one of `names`, in that order of preference.
std::string pick(const std::vector<std::string>& fields, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (const auto& f : fields)
            if (lower(f) == n) return f;
    return "";
}

struct FileInfo {
    std::string path;
    std::vector<std::string> fields;
    long long features = 0;
    bool polygons = false;
    std::map<std::string, std::vector<std::string>> samples;  // field -> a few values
};

Result<FileInfo> read_info(const std::string& path) {
    detail::ensure_gdal();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    CPLPopErrorHandler();
    if (!ds || ds->GetLayerCount() == 0) return input_error(path + ": GDAL cannot read it as vector data");
    FileInfo info;
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    info.path = path;
    for (int i = 0; i < defn->GetFieldCount(); ++i) info.fields.push_back(defn->GetFieldDefn(i)->GetNameRef());
    const auto type = wkbFlatten(layer->GetGeomType());
    info.polygons = type == wkbPolygon || type == wkbMultiPolygon || type == wkbUnknown;
    int seen = 0;
    for (auto& feat : *layer) {
        ++info.features;
        if (seen++ >= 200) continue;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (feat->IsFieldSetAndNotNull(i) && info.samples[info.fields[static_cast<std::size_t>(i)]].size() < 200)
                info.samples[info.fields[static_cast<std::size_t>(i)]].push_back(feat->GetFieldAsString(i));
    }
    return info;
}

std::string relative(const std::string& path, const std::string& base) {
    if (is_connection_string(path)) return path;  // "PG:dbname=x" is no file
    std::error_code ec;
    const fs::path rel = fs::relative(fs::absolute(path), fs::absolute(base), ec);
    return ec || rel.empty() ? fs::absolute(path).string() : rel.generic_string();
}

// A sampled date value as the layer will read it (whole years with negatives as years BC).
DateParseResult sample_date(const std::string& v) {
    if (!is_whole_year_text(v)) return parse_date(v);
    DateParseResult r;
    r.date = whole_year(v, true);
    return r;
}

// Whether most sampled values of a field read as dates.
// (Empty values are open ends, which every temporal data set has.)
bool looks_like_dates(const std::vector<std::string>& values) {
    int ok = 0, set = 0;
    for (const auto& v : values) {
        if (v.empty()) continue;
        ++set;
        ok += parse_date(v).date.has_value() || is_whole_year_text(v);
    }
    return set > 0 && ok * 10 >= set * 8;
}

}  // namespace

std::string date_in_file_name(const std::string& file_name) {
    const std::string stem = lower(fs::path(file_name).stem().string());
    auto letter = [&](std::size_t i) { return i < stem.size() && std::isalpha(static_cast<unsigned char>(stem[i])); };
    auto digit = [&](std::size_t i) { return i < stem.size() && std::isdigit(static_cast<unsigned char>(stem[i])); };
    // Every run of digits, with what stands just before and after it.
    struct Run {
        std::size_t at, len;
    };
    std::vector<Run> runs;
    for (std::size_t i = 0; i < stem.size();) {
        if (!digit(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (digit(j)) ++j;
        runs.push_back({i, j - i});
        i = j;
    }
    auto number = [&](const Run& r) { return std::to_string(std::stoll(stem.substr(r.at, r.len))); };
    auto era_at = [&](std::size_t i) {  // "bc" or "bce" starting at i, as a word of its own
        if (stem.compare(i, 2, "bc") != 0) return std::size_t{0};
        const std::size_t end = stem.compare(i, 3, "bce") == 0 ? i + 3 : i + 2;
        return letter(end) ? std::size_t{0} : end - i;
    };
    for (const Run& r : runs) {
        if (r.len > 6) continue;
        // "bc500", "bc_500"
        std::size_t k = r.at;
        if (k > 0 && stem[k - 1] == '_') --k;
        for (std::size_t len : {std::size_t{2}, std::size_t{3}}) {
            if (k < len) continue;
            const std::size_t start = k - len;
            if (era_at(start) == len && (start == 0 || !letter(start - 1))) return number(r) + " BC";
        }
        // "500bc", "500_bc", "500bce"
        std::size_t e = r.at + r.len;
        if (e < stem.size() && stem[e] == '_') ++e;
        if (era_at(e) && (r.at == 0 || !letter(r.at - 1))) return number(r) + " BC";
        // "_-500": a minus sign after a separator
        if (r.at > 0 && stem[r.at - 1] == '-' && (r.at == 1 || !std::isalnum(static_cast<unsigned char>(stem[r.at - 2]))))
            return number(r) + " BC";
    }
    for (auto it = runs.rbegin(); it != runs.rend(); ++it)
        if (it->len <= 4) return number(*it);
    return "";
}

InitProposal propose_manifest(const std::vector<std::string>& paths, const std::string& base_dir) {
    InitProposal out;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (const auto& e : fs::directory_iterator(p, ec))
                if (e.is_regular_file() && kVectorExtensions.count(lower(e.path().extension().string())) &&
                    e.path().filename() != "atlas.json")
                    files.push_back(e.path().string());
        } else {
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<FileInfo> infos;
    for (const auto& f : files) {
        Result<FileInfo> info = read_info(f);
        if (info)
            infos.push_back(std::move(*info));
        else
            out.errors.push_back(info.message());
    }
    if (infos.empty()) {
        out.errors.push_back("no vector file GDAL reads was found in what was named");
        return out;
    }

    // A series: the files whose names carry a date (at least two) and that have the fields the
    // layer is read by. Real series differ in their other fields (one file has a 'wikipedia'
    // column, another an 'INFO_UR'); files without a date stay layers of their own.
    std::vector<std::optional<std::pair<Date, std::string>>> dated(infos.size());
    std::size_t dated_count = 0;
    for (std::size_t k = 0; k < infos.size(); ++k) {
        const std::string text = date_in_file_name(infos[k].path);
        const auto r = text.empty() ? DateParseResult{} : parse_date(text);
        if (r.date) {
            dated[k].emplace(*r.date, text);
            ++dated_count;
        }
    }
    // Fields are proposed from the first dated file when there is one (a series' files).
    std::size_t lead = 0;
    while (lead < infos.size() && !dated[lead]) ++lead;
    if (lead == infos.size()) lead = 0;
    FileInfo& first = infos[lead];
    const std::string name_field = pick(first.fields, {"name", "name_en", "admin", "label", "title", "country", "polity"});
    const std::string controller_field = pick(
        first.fields, {"subjecto", "controller", "controlled_by", "ruler", "sovereign", "sovereignt", "owner", "power", "state"});
    const std::string status_field = pick(first.fields, {"status"});
    const std::string precision_field = pick(first.fields, {"borderprecision", "border_precision", "precision"});
    std::string from_field = pick(first.fields, {"valid_from", "start", "start_date", "from", "begin", "gwsdate", "startdate", "date_from", "fromyear", "from_year", "start_year"});
    std::string to_field = pick(first.fields, {"valid_to", "end", "end_date", "to", "until", "gwedate", "enddate", "date_to", "toyear", "to_year", "end_year"});
    auto has_key_fields = [&](const FileInfo& i) {
        for (const std::string* f : {&name_field, &controller_field})
            if (!f->empty() && std::find(i.fields.begin(), i.fields.end(), *f) == i.fields.end()) return false;
        return true;
    };
    std::vector<std::size_t> series_files, other_files;
    for (std::size_t k = 0; k < infos.size(); ++k)
        (dated[k] && has_key_fields(infos[k]) ? series_files : other_files).push_back(k);
    const bool series = series_files.size() > 1;
    if (!series) {
        other_files.clear();
        for (std::size_t k = 0; k < infos.size(); ++k) other_files.push_back(k);
    }
    // One note for all the files whose fields differ from the first's (8 of the 9 real snapshots:
    // a note each buried the ones that mattered), naming the fields the atlas reads.
    std::vector<std::string> differing;
    for (std::size_t k : series_files)
        if (series && infos[k].fields != first.fields) differing.push_back(fs::path(infos[k].path).filename().string());
    if (!differing.empty()) {
        std::string read;
        for (const std::string* f : {&name_field, &controller_field, &status_field, &precision_field})
            if (!f->empty()) read += (read.empty() ? "'" : ", '") + *f + "'";
        std::string files;
        for (std::size_t i = 0; i < differing.size() && i < 3; ++i) files += (i ? ", " : "") + differing[i];
        if (differing.size() > 3) files += " and " + std::to_string(differing.size() - 3) + " more";
        out.notes.push_back(std::to_string(differing.size()) + " of the " + std::to_string(series_files.size()) +
                            " files (" + files + ") have other fields than " +
                            fs::path(first.path).filename().string() + "; the atlas reads " + read + " from each");
    }
    for (std::size_t k = 0; series && k < infos.size(); ++k)
        if (std::find(other_files.begin(), other_files.end(), k) != other_files.end())
            out.notes.push_back(fs::path(infos[k].path).filename().string() +
                                (dated[k] ? " lacks the series' name or controller field"
                                          : " has no date in its name") +
                                "; it is a layer of its own, not part of the series");
    if (!from_field.empty() && !looks_like_dates(first.samples[from_field])) from_field.clear();
    if (!to_field.empty() && !looks_like_dates(first.samples[to_field])) to_field.clear();

    std::error_code ec;
    const std::string title = fs::weakly_canonical(fs::absolute(paths[0]), ec).filename().string();
    ojson m;
    m["title"] = title.empty() ? "New atlas" : title;
    m["description"] = "Started by chronomap init; check the layer fields and add powers, sources and events.";
    Date start = Date::year_only(1900), end = Date::year_only(2000);
    ojson layers = ojson::array();
    auto layer_entry = [&](const FileInfo& i) {
        ojson l;
        l["name"] = fs::path(i.path).stem().string();
        l["role"] = i.polygons ? "territories" : "reference";
        if (!name_field.empty()) l["name_field"] = name_field;
        if (!controller_field.empty() && i.polygons) l["controller_field"] = controller_field;
        if (!status_field.empty() && i.polygons) l["status_field"] = status_field;
        if (!precision_field.empty() && i.polygons &&
            std::find(i.fields.begin(), i.fields.end(), precision_field) != i.fields.end())
            l["precision_field"] = precision_field;
        return l;
    };
    if (series) {
        std::vector<std::size_t> order = series_files;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dated[a]->first < dated[b]->first; });
        ojson l = layer_entry(first);
        l["name"] = "territories";
        ojson snaps = ojson::array();
        for (std::size_t k : order) snaps.push_back({{"date", dated[k]->second}, {"source", relative(infos[k].path, base_dir)}});
        l["snapshots"] = snaps;
        layers.push_back(l);
        start = dated[order.front()]->first;
        const Date last = dated[order.back()]->first;
        const std::int64_t gap = order.size() > 1 ? last.day - dated[order[order.size() - 2]]->first.day : 365;
        // The last snapshot holds for as long as the one before it did, up to a century.
        const std::int64_t hold = std::clamp<std::int64_t>(gap, 366, 100 * 366);
        end = Date::year_only(std::min(Date::kMaxYear, Date{last.day + hold, Precision::Day}.year()));
        out.notes.push_back("a snapshot series of " + std::to_string(order.size()) + " files, dated by their names from " +
                            start.readable() + " to " + last.readable() + "; each holds until the next");
        std::string bc;
        for (std::size_t k : order)
            if (dated[k]->second.find("BC") != std::string::npos) bc += (bc.empty() ? "" : ", ") + dated[k]->second;
        if (!bc.empty())
            out.notes.push_back("file names with 'bc' or a minus sign are read as years BC (" + bc +
                                "); check against the data's documentation");
    }
    if (!other_files.empty()) {
        bool have_dates = false;
        for (std::size_t k : other_files) {
            const FileInfo& i = infos[k];
            ojson l = layer_entry(i);
            if (series && l["role"] == "territories") l["role"] = "reference";  // the series holds the territories
            l["source"] = relative(i.path, base_dir);
            if (!from_field.empty()) l["valid_from_field"] = from_field;
            if (!to_field.empty()) {
                l["valid_to_field"] = to_field;
                l["valid_to_inclusive"] = false;
            }
            // Whole years with negatives ("FromYear": -500): the era's years, as temporal data
            // sets such as Cliopatria write them.
            bool negative_whole = false;
            for (const auto* f : {&from_field, &to_field})
                if (!f->empty() && i.samples.count(*f))
                    for (const auto& v : i.samples.at(*f)) negative_whole = negative_whole || (is_whole_year_text(v) && v[0] == '-');
            if (negative_whole) {
                l["negative_years_bce"] = true;
                out.notes.push_back("negative whole years in '" + from_field + "' are read as years BC (-500 = 500 BC); "
                                    "set \"negative_years_bce\": false if they are astronomical (-500 = 501 BC)");
            }
            layers.push_back(l);
            for (const auto* f : {&from_field, &to_field})
                if (!f->empty())
                    for (const auto& v : i.samples.count(*f) ? i.samples.at(*f) : std::vector<std::string>{})
                        if (auto r = sample_date(v); r.date && !series) {
                            if (!have_dates || *r.date < start) start = *r.date;
                            if (!have_dates || end < *r.date) end = *r.date;
                            have_dates = true;
                        }
        }
        if (!to_field.empty())
            out.notes.push_back("end dates in '" + to_field + "' are taken as the first day no longer in force; "
                                "set \"valid_to_inclusive\": true if they name the last day in force");
        if (!have_dates && !series) out.notes.push_back("no dates were found: set time_range and add events, or date the shapes");
    }
    m["time_range"] = {{"start", start.display()}, {"end", end.display()}};
    m["crs"] = "EPSG:4326";
    m["layers"] = layers;
    m["powers"] = ojson::array();
    m["sources"] = ojson::array();
    m["events"] = ojson::array();
    out.manifest = std::move(m);
    out.notes.push_back(name_field.empty() ? "no name field found: set \"name_field\" (fields: " + [&] {
        std::string f;
        for (const auto& x : first.fields) f += (f.empty() ? "" : ", ") + x;
        return f;
    }() + ")" : "territories are named and identified by '" + name_field + "' (pieces with one name are one territory)");
    out.notes.push_back(controller_field.empty()
                            ? "no controller field found: each territory is its own power; set \"controller_field\" if the data names who held it"
                            : "the power in control is read from '" + controller_field + "'; its values become powers with their own colours");
    return out;
}

}  // namespace chronomap
