// Writing a workbook (workbook.h): the sheets are made as rows of text, then written through
// GDAL's XLSX, ODS or CSV driver into a temporary file or folder beside the target.
#include <algorithm>
#include <filesystem>
#include <set>
#include <unistd.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "data/formats/event_rows.h"
#include "data/formats/gdal_messages.h"
#include "data/formats/output_file.h"
#include "data/formats/workbook.h"

namespace chronomap {
namespace {

namespace fs = std::filesystem;

struct SheetRows {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    // Appends a row, its cells given by column name; unnamed columns stay empty.
    void add(const std::vector<std::pair<std::string, std::string>>& cells) {
        std::vector<std::string> row(columns.size());
        for (const auto& [column, text] : cells) {
            const auto at = std::find(columns.begin(), columns.end(), column);
            if (at != columns.end()) row[static_cast<std::size_t>(at - columns.begin())] = text;
        }
        rows.push_back(std::move(row));
    }
};

std::string date_text(const std::optional<Date>& d) { return d ? d->display() : ""; }

// The languages other than English that powers (or unit territories) are named in.
std::vector<std::string> name_languages(const Atlas& atlas, bool territories) {
    std::set<std::string> langs;
    auto take = [&](const Names& names) {
        for (const auto& [lang, name] : names.by_lang)
            if (lang != "en") langs.insert(lang);
    };
    if (!territories)
        for (const auto& p : atlas.powers) take(p.names);
    for (const auto& layer : atlas.layers)
        if (territories && layer.units)
            for (const auto& f : layer.features) take(f.names);
    return {langs.begin(), langs.end()};
}

std::string colour_text(std::uint32_t rgba) {
    char buf[16];
    if ((rgba & 0xFF) == 0xFF)
        std::snprintf(buf, sizeof buf, "#%06x", rgba >> 8);
    else
        std::snprintf(buf, sizeof buf, "#%08x", rgba);
    return buf;
}

// An event's rows: row k holds its change k, source k, party k and note k; the first also its
// date, title and details.
void add_event(SheetRows& sheet, const Event& ev) {
    const EventDetails& d = *ev.details;
    const std::size_t rows =
        std::max({std::size_t{1}, ev.changes.size(), ev.sources.size(), d.parties.size(), d.notes.size()});
    for (std::size_t k = 0; k < rows; ++k) {
        std::vector<std::pair<std::string, std::string>> cells{{"event_id", std::string(ev.id)}};
        if (k == 0) {
            cells.insert(cells.end(), {{"date", ev.date.display()},
                                       {"title", std::string(ev.title)},
                                       {"kind", ev.kind == EventKind::Other ? "" : to_string(ev.kind)},
                                       {"summary", d.summary},
                                       {"signed", date_text(d.signed_on)},
                                       {"ratified", date_text(d.ratified)},
                                       {"in_force", d.never_in_force ? "never" : date_text(d.in_force)}});
        }
        if (k < ev.changes.size()) {
            const Change& c = ev.changes[k];
            cells.insert(cells.end(), {{"territory", c.territory.str()},
                                       {"status", to_string(c.status)},
                                       {"controller", c.controller.str()},
                                       {"basis", to_string(c.basis)},
                                       {"change_date", date_text(c.date)},
                                       {"note", *c.note}});
        }
        if (k < ev.sources.size())
            cells.insert(cells.end(), {{"source", ev.sources[k].source.str()}, {"locator", std::string(ev.sources[k].locator)}});
        if (k < d.parties.size()) cells.emplace_back("party", d.parties[k]);
        if (k < d.notes.size()) cells.emplace_back("event_note", d.notes[k]);
        sheet.add(cells);
    }
}

// The territories made of units (loader: group_units), as the groups that make them.
SheetRows territories_of(const Atlas& atlas) {
    SheetRows sheet{"territories", workbook_columns("territories", atlas), {}};
    for (const auto& layer : atlas.layers) {
        if (!layer.units || layer.role != LayerRole::Territories) continue;
        for (const auto& f : layer.features) {
            std::vector<std::pair<std::string, std::string>> cells{{"id", f.id},
                                                                   {"valid_from", date_text(f.valid_from)},
                                                                   {"valid_to", date_text(f.valid_to)}};
            if (auto units = f.properties.find("units"); units != f.properties.end())
                cells.emplace_back("units", std::string(units->second));
            for (const auto& [lang, name] : f.names.by_lang) cells.emplace_back(lang == "en" ? "name" : "name_" + lang, name);
            sheet.add(cells);
        }
    }
    return sheet;
}

// Whether something read at `pos` is the workbook's to write.
bool kept(const SourcePos& pos, const WorkbookOptions& options) {
    const std::string file = pos.file.str();
    const std::string& from = options.only_from;
    if (from.empty() || file.empty() || file == from) return true;
    return file.rfind(from + " [", 0) == 0 || file.rfind(from + "/", 0) == 0;
}

std::vector<SheetRows> sheets_of(const Atlas& atlas, const WorkbookOptions& options) {
    SheetRows events{"events", workbook_columns("events", atlas), {}};
    SheetRows claims{"claims", workbook_columns("claims", atlas), {}};
    for (const auto& ev : atlas.events) {
        if (ev.derived || !kept(ev.pos, options)) continue;
        add_event(events, ev);
        for (const auto& c : ev.details->claims)
            claims.add({{"event_id", std::string(ev.id)}, {"claimant", c.claimant.str()}, {"territory", c.territory.str()},
                        {"from", c.from.display()}, {"to", date_text(c.to)}, {"note", c.note}});
    }
    SheetRows powers{"powers", workbook_columns("powers", atlas), {}};
    for (const auto& p : atlas.powers) {
        if (!kept(p.pos, options)) continue;
        std::vector<std::pair<std::string, std::string>> cells{{"id", p.id}, {"color", colour_text(p.rgba)}, {"note", p.note}};
        for (const auto& [lang, name] : p.names.by_lang) cells.emplace_back(lang == "en" ? "name" : "name_" + lang, name);
        for (std::size_t k = 0; k < std::max<std::size_t>(1, p.parents.size()); ++k) {
            if (k < p.parents.size())
                cells.insert(cells.end(), {{"parent", p.parents[k].power}, {"parent_from", date_text(p.parents[k].from)},
                                           {"parent_to", date_text(p.parents[k].to)}});
            powers.add(cells);
            cells.resize(1);  // further rows: the id and the next parent only
        }
    }
    SheetRows sources{"sources", workbook_columns("sources", atlas), {}};
    for (const auto& s : atlas.sources)
        if (kept(s.pos, options))
            sources.add({{"id", s.id}, {"cite", s.cite}, {"author", s.author}, {"title", s.title}, {"year", s.year},
                     {"language", s.language}, {"file", s.file}, {"note", s.note}});
    std::vector<SheetRows> out{std::move(events), std::move(powers), std::move(sources)};
    if (!claims.rows.empty()) out.push_back(std::move(claims));
    if (SheetRows territories = territories_of(atlas); !territories.rows.empty()) out.push_back(std::move(territories));
    if (!options.help.empty()) {
        SheetRows help{options.help_sheet, {"sheet", "column", "meaning", "example"}, {}};
        for (const auto& h : options.help) help.add({{"sheet", h.sheet}, {"column", h.column}, {"meaning", h.meaning}, {"example", h.example}});
        out.push_back(std::move(help));
    }
    return out;
}

Result<> write_sheets(const std::vector<SheetRows>& sheets, const std::string& path, const char* driver_name) {
    detail::GdalMessages gdal;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver) return internal_error(std::string("GDAL has no ") + driver_name + " driver");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return input_error("cannot write " + path + ": " + gdal.last_error());
    for (const auto& sheet : sheets) {
        OGRLayer* layer = ds->CreateLayer(sheet.name.c_str(), nullptr, wkbNone, nullptr);
        if (!layer) return input_error("cannot add the sheet " + sheet.name + ": " + gdal.last_error());
        for (const auto& column : sheet.columns) {
            OGRFieldDefn field(column.c_str(), OFTString);
            if (layer->CreateField(&field) != OGRERR_NONE) return input_error("cannot add column " + column + ": " + gdal.last_error());
        }
        for (const auto& row : sheet.rows) {
            OGRFeature feature(layer->GetLayerDefn());
            for (std::size_t k = 0; k < row.size(); ++k)
                if (!row[k].empty()) feature.SetField(static_cast<int>(k), row[k].c_str());
            if (layer->CreateFeature(&feature) != OGRERR_NONE) return input_error("cannot write a row of " + sheet.name + ": " + gdal.last_error());
        }
    }
    ds.reset();  // the drivers write the file as it closes (GDAL 3.6 has no Close() to report)
    for (const auto& m : gdal.messages())
        if (m.level >= CE_Failure) return input_error("cannot finish " + path + ": " + m.text);
    return {};
}

// The drivers can fail to write an archive and say nothing (an ODS of 160 bytes): what was
// written is opened again and its sheets counted.
Result<> check_sheets(const std::vector<SheetRows>& sheets, const std::string& path) {
    detail::GdalMessages gdal;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    std::size_t with_rows = 0;
    for (const auto& s : sheets) with_rows += s.rows.empty() ? 0 : 1;
    if (!ds || static_cast<std::size_t>(ds->GetLayerCount()) < with_rows)
        return internal_error("the workbook written to " + path + " cannot be read back" +
                              (gdal.messages().empty() ? std::string() : ": " + gdal.last_error()));
    return {};
}

// A folder of CSV files: written beside the target, then put in its place (the old one, if
// any, moved aside first and removed once the new one is there).
Result<> write_csv_folder(const std::vector<SheetRows>& sheets, const std::string& path) {
    const fs::path target = fs::absolute(path);
    const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    const fs::path old = target.parent_path() / ("." + target.filename().string() + ".old" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    if (auto written = write_sheets(sheets, tmp.string(), "CSV"); !written) {
        fs::remove_all(tmp, ec);
        return written;
    }
    if (fs::exists(target, ec) && !fs::is_directory(target, ec)) {
        fs::remove_all(tmp, ec);
        return input_error(path + " is a file; a workbook of CSV files is written as a folder");
    }
    if (fs::exists(target, ec)) fs::rename(target, old, ec);
    fs::rename(tmp, target, ec);
    if (ec) return input_error("cannot move the workbook into " + path + ": " + ec.message());
    fs::remove_all(old, ec);
    return {};
}

}  // namespace

std::vector<std::string> workbook_columns(const std::string& sheet, const Atlas& atlas) {
    if (sheet == "events") return {std::begin(detail::kEventColumns), std::end(detail::kEventColumns)};
    if (sheet == "claims") return {"event_id", "claimant", "territory", "from", "to", "note"};
    if (sheet == "sources") return {"id", "cite", "author", "title", "year", "language", "file", "note"};
    if (sheet != "powers" && sheet != "territories") return {};
    std::vector<std::string> columns{"id", "name"};
    for (const auto& lang : name_languages(atlas, sheet == "territories")) columns.push_back("name_" + lang);
    if (sheet == "territories")
        columns.insert(columns.end(), {"units", "valid_from", "valid_to"});
    else
        columns.insert(columns.end(), {"color", "note", "parent", "parent_from", "parent_to"});
    return columns;
}

Result<> write_workbook(const Atlas& atlas, const std::string& path, const WorkbookOptions& options) {
    const std::vector<SheetRows> sheets = sheets_of(atlas, options);
    const std::string ext = lower_extension(path);
    if (ext != ".xlsx" && ext != ".ods") return write_csv_folder(sheets, path);
    Result<OutputFile> out = OutputFile::open(path);
    if (!out) return out.failure();
    // GDAL's spreadsheet drivers write through /vsizip/, which finds the archive in a path by
    // its extension: the temporary file is absolute and has the extension once, at its end.
    const fs::path target = fs::absolute(out->temp_path());
    const std::string tmp = (target.parent_path() / (target.stem().stem().string() + "-" + target.extension().string().substr(1) + ext)).string();
    std::error_code ec;
    fs::remove(tmp, ec);
    auto written = write_sheets(sheets, tmp, ext == ".ods" ? "ODS" : "XLSX");
    if (written) written = check_sheets(sheets, tmp);
    if (!written) {
        fs::remove(tmp, ec);
        return written;
    }
    fs::rename(tmp, out->temp_path(), ec);
    if (ec) return input_error("cannot write " + path + ": " + ec.message());
    return out->commit();
}

}  // namespace chronomap
