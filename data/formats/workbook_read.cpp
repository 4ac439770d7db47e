// An atlas's events, powers and sources from a workbook: an XLSX or ODS spreadsheet read through
// GDAL's drivers, or a folder of CSV files side by side (events.csv, powers.csv, ...). Each
// sheet's first row names its columns; every cell is read as text.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "data/formats/event_rows.h"
#include "data/formats/gdal_messages.h"
#include "data/formats/workbook.h"
#include "data/load/loader_parts.h"

namespace chronomap::detail {
namespace {

// A spreadsheet stores a date typed into a cell as a date, which GDAL gives as "1912/10/08";
// the atlas reads ISO dates.
std::string iso_if_date_cell(std::string text) {
    auto digits = [&](std::size_t from, std::size_t n) {
        return from + n <= text.size() &&
               std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                           text.begin() + static_cast<std::ptrdiff_t>(from + n), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    };
    if (text.size() >= 10 && digits(0, 4) && text[4] == '/' && digits(5, 2) && text[7] == '/' && digits(8, 2) &&
        (text.size() == 10 || text.substr(10) == " 00:00:00")) {
        text = text.substr(0, 10);
        text[4] = text[7] = '-';
    }
    return text;
}

struct Sheet {
    OGRLayer* layer = nullptr;
    std::string place;  // "lesson.xlsx [events]", where its problems are placed
    int fid_to_row = 0;  // XLSX and ODS number features by their rows; CSV counts from 1 under the header
};

// Each sheet's rows as records: the header first, then one per row, fields placed by row and
// column.
template <typename Fn>
void for_each_row(Sheet& sheet, Fn each) {
    OGRFeatureDefn* defn = sheet.layer->GetLayerDefn();
    CsvRecord header;
    header.line = 1;
    for (int k = 0; k < defn->GetFieldCount(); ++k) header.fields.push_back({defn->GetFieldDefn(k)->GetNameRef(), 1, k + 1});
    each(header);
    sheet.layer->ResetReading();
    int count = 0;
    for (auto& feature : *sheet.layer) {
        CsvRecord rec;
        rec.line = static_cast<int>(feature->GetFID()) + sheet.fid_to_row;
        if (rec.line <= 1) rec.line = 2 + count;  // a driver that does not number them
        ++count;
        bool blank = true;
        for (int k = 0; k < defn->GetFieldCount(); ++k) {
            std::string text = feature->IsFieldSetAndNotNull(k) ? iso_if_date_cell(feature->GetFieldAsString(k)) : "";
            blank = blank && text.find_first_not_of(" \t") == std::string::npos;
            rec.fields.push_back({std::move(text), rec.line, k + 1});
        }
        if (!blank) each(rec);
    }
}

// Reads a sheet of named columns: get(rec, "id").
class Columns {
  public:
    Columns(const CsvRecord& header, std::string place) : place_(std::move(place)) {
        for (std::size_t i = 0; i < header.fields.size(); ++i) index_.emplace(header.fields[i].text, i);
    }
    bool has(const std::string& name) const { return index_.count(name) > 0; }
    std::string get(const CsvRecord& rec, const std::string& name) const {
        const auto it = index_.find(name);
        if (it == index_.end() || it->second >= rec.fields.size()) return "";
        std::string v = rec.fields[it->second].text;
        const auto first = v.find_first_not_of(" \t");
        return first == std::string::npos ? "" : v.substr(first, v.find_last_not_of(" \t") - first + 1);
    }
    SourcePos pos(const CsvRecord& rec, const std::string& name) const {
        const auto it = index_.find(name);
        return {place_, rec.line, it == index_.end() ? 0 : static_cast<int>(it->second) + 1};
    }
    // Every "name_xx" column: languages of a power's name.
    std::vector<std::string> languages() const {
        std::vector<std::string> out;
        for (const auto& [name, index] : index_)
            if (name.rfind("name_", 0) == 0 && name.size() > 5) out.push_back(name.substr(5));
        return out;
    }
    const std::string& place() const { return place_; }

  private:
    std::string place_;
    std::map<std::string, std::size_t> index_;
};

std::optional<Date> date_in(const Columns& c, const CsvRecord& rec, const std::string& name, Diagnostics& diags) {
    const std::string v = c.get(rec, name);
    if (v.empty()) return std::nullopt;
    const DateParseResult r = parse_date(v);
    if (!r.date) diags.error(c.pos(rec, name), "column '" + name + "': " + r.error);
    return r.date;
}

void read_powers(Sheet& sheet, Diagnostics& diags, Atlas& atlas) {
    std::optional<Columns> c;
    for_each_row(sheet, [&](const CsvRecord& rec) {
        if (!c) return void(c.emplace(rec, sheet.place));
        const std::string id = c->get(rec, "id");
        if (id.empty()) return diags.error(c->pos(rec, "id"), "the row has no id");
        auto known = std::find_if(atlas.powers.begin(), atlas.powers.end(), [&](const Power& p) { return p.id == id; });
        Power* p = nullptr;
        if (known != atlas.powers.end() && known->pos.file.str() == sheet.place) {
            p = &*known;  // a row that adds a parent to a power already read
        } else {
            Power made;
            made.id = id;
            made.pos = c->pos(rec, "id");
            if (auto name = c->get(rec, "name"); !name.empty()) made.names.by_lang["en"] = name;
            for (const auto& lang : c->languages())
                if (auto name = c->get(rec, "name_" + lang); !name.empty()) made.names.by_lang[lang] = name;
            made.note = c->get(rec, "note");
            const std::string colour = c->get(rec, "color");
            if (auto rgba = parse_colour(colour)) made.rgba = *rgba;
            else diags.error(c->pos(rec, "color"), "colour '" + colour + "' of power '" + id + "' should look like #1f77b4");
            atlas.powers.push_back(std::move(made));
            p = &atlas.powers.back();
        }
        if (auto parent = c->get(rec, "parent"); !parent.empty())
            p->parents.push_back({parent, date_in(*c, rec, "parent_from", diags), date_in(*c, rec, "parent_to", diags)});
    });
}

void read_sources(Sheet& sheet, Diagnostics& diags, Atlas& atlas) {
    std::optional<Columns> c;
    for_each_row(sheet, [&](const CsvRecord& rec) {
        if (!c) return void(c.emplace(rec, sheet.place));
        Source s;
        s.id = c->get(rec, "id");
        s.pos = c->pos(rec, "id");
        if (s.id.empty()) return diags.error(s.pos, "the row has no id");
        s.cite = c->get(rec, "cite");
        s.author = c->get(rec, "author");
        s.title = c->get(rec, "title");
        if (s.title.empty()) diags.error(c->pos(rec, "title"), "source '" + s.id + "' has no title");
        s.year = c->get(rec, "year");
        s.language = c->get(rec, "language");
        s.file = c->get(rec, "file");
        s.note = c->get(rec, "note");
        atlas.sources.push_back(std::move(s));
    });
}

void read_claims(Sheet& sheet, EventRows& events, Diagnostics& diags) {
    std::optional<Columns> c;
    for_each_row(sheet, [&](const CsvRecord& rec) {
        if (!c) return void(c.emplace(rec, sheet.place));
        const std::string id = c->get(rec, "event_id");
        Event* ev = events.find(id);
        if (!ev) return diags.error(c->pos(rec, "event_id"), "the claim names event '" + id + "', which the events sheet does not");
        Claim claim;
        claim.claimant = c->get(rec, "claimant");
        claim.territory = c->get(rec, "territory");
        claim.pos = c->pos(rec, "territory");
        claim.claimant_pos = c->pos(rec, "claimant");
        claim.note = c->get(rec, "note");
        const auto from = date_in(*c, rec, "from", diags);
        if (!from) return diags.error(c->pos(rec, "from"), "the claim has no 'from' date");
        claim.from = *from;
        claim.to = date_in(*c, rec, "to", diags);
        ev->details.edit().claims.push_back(std::move(claim));
    });
}

class SheetSettings {
  public:
    explicit SheetSettings(const std::string& prefix) : headers_(prefix + "_HEADERS"), types_(prefix + "_FIELD_TYPES") {
        CPLSetThreadLocalConfigOption(headers_.c_str(), "FORCE");
        CPLSetThreadLocalConfigOption(types_.c_str(), "STRING");
    }
    ~SheetSettings() {
        CPLSetThreadLocalConfigOption(headers_.c_str(), nullptr);
        CPLSetThreadLocalConfigOption(types_.c_str(), nullptr);
    }
    SheetSettings(const SheetSettings&) = delete;
    SheetSettings& operator=(const SheetSettings&) = delete;

  private:
    std::string headers_, types_;
};

void read_territories(Sheet& sheet, Diagnostics& diags, std::vector<UnitGroup>& groups) {
    std::optional<Columns> c;
    for_each_row(sheet, [&](const CsvRecord& rec) {
        if (!c) return void(c.emplace(rec, sheet.place));
        UnitGroup g;
        g.id = c->get(rec, "id");
        g.pos = c->pos(rec, "id");
        g.units_pos = c->pos(rec, "units");
        if (g.id.empty()) return diags.error(g.pos, "the row has no id");
        if (auto name = c->get(rec, "name"); !name.empty()) g.names.by_lang["en"] = name;
        for (const auto& lang : c->languages())
            if (auto name = c->get(rec, "name_" + lang); !name.empty()) g.names.by_lang[lang] = name;
        g.units = unit_list(c->get(rec, "units"));
        g.valid_from = date_in(*c, rec, "valid_from", diags);
        g.valid_to = date_in(*c, rec, "valid_to", diags);
        groups.push_back(std::move(g));
    });
}

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

}  // namespace

void load_workbook(const std::string& path, const LoadContext& ctx, Atlas& atlas) {
    Diagnostics& diags = *ctx.diags;
    const auto resolved = ctx.access(path, {path}, "the workbook");
    if (!resolved) return;
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool folder = fs::is_directory(*resolved, ec);
    const std::string ext = lower(fs::path(*resolved).extension().string());
    const char* const xlsx[] = {"XLSX", nullptr};
    const char* const ods[] = {"ODS", nullptr};
    const char* const csv[] = {"CSV", nullptr};
    const char* const csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", nullptr};
    // GDAL 3.6's spreadsheet drivers take these as configuration, read when a sheet is first
    // read: the first row is always the header (a sheet of text would otherwise be taken for
    // one without), and every cell is text. Set on this thread for as long as the file is read.
    const SheetSettings settings(ext == ".ods" ? "OGR_ODS" : "OGR_XLSX");
    GdalMessages gdal;
    GDALDatasetUniquePtr ds(GDALDataset::Open(resolved->c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              folder ? csv : ext == ".ods" ? ods : xlsx,
                                              folder ? csv_options : nullptr));
    if (!ds) {
        diags.error({path}, "cannot read the workbook '" + path + "': " +
                                (folder ? "a workbook folder should hold events.csv, powers.csv and sources.csv"
                                        : gdal.messages().empty() ? "it is not an XLSX or ODS spreadsheet"
                                                                  : gdal.last_error()));
        return;
    }
    std::map<std::string, Sheet> sheets;
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
        OGRLayer* layer = ds->GetLayer(i);
        const std::string name = lower(layer->GetName());
        sheets[name] = Sheet{layer, path + (folder ? "/" + std::string(layer->GetName()) + ".csv" : " [" + std::string(layer->GetName()) + "]"),
                             folder ? 1 : 0};
    }
    // A new lesson's workbook may hold only the sheet that explains the columns; any other sheet
    // without the known ones is a misnamed one.
    const bool known = sheets.count("events") || sheets.count("powers") || sheets.count("sources") || sheets.count("territories");
    if (!known && sheets.size() > sheets.count("columns"))
        diags.error({path}, "the workbook has no sheet named events, powers, sources or territories");
    if (auto it = sheets.find("powers"); it != sheets.end()) read_powers(it->second, diags, atlas);
    if (auto it = sheets.find("sources"); it != sheets.end()) read_sources(it->second, diags, atlas);
    if (auto it = sheets.find("territories"); it != sheets.end() && ctx.groups)
        read_territories(it->second, diags, *ctx.groups);
    if (auto it = sheets.find("events"); it != sheets.end()) {
        Sheet& sheet = it->second;
        EventRows events(sheet.place, diags, atlas, static_cast<std::size_t>(std::max<GIntBig>(0, sheet.layer->GetFeatureCount())));
        bool usable = false, header = true;
        for_each_row(sheet, [&](const CsvRecord& rec) {
            if (header) usable = events.header(rec);
            else if (usable) events.row(rec);
            header = false;
        });
        if (auto claims = sheets.find("claims"); claims != sheets.end()) read_claims(claims->second, events, diags);
        events.finish();
    }
    gdal.report(diags, path, "");
}

}  // namespace chronomap::detail

namespace chronomap {

std::vector<std::string> unit_list(const std::string& cell) {
    std::vector<std::string> units;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const std::size_t end = std::min(cell.find(';', start), cell.find('\n', start));
        std::string unit = cell.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const auto first = unit.find_first_not_of(" \t\r");
        if (first != std::string::npos) units.push_back(unit.substr(first, unit.find_last_not_of(" \t\r") - first + 1));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return units;
}

std::string unit_cell(const std::vector<std::string>& units) {
    std::string cell;
    for (const auto& u : units) cell += (cell.empty() ? "" : "; ") + u;
    return cell;
}

}  // namespace chronomap
