#include "data/formats/atlas_json.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/formats/manifest_edit.h"
#include "data/formats/output_file.h"

namespace chronomap {
namespace {

using json = nlohmann::ordered_json;

void set_date(json& j, const char* key, const std::optional<Date>& d) {
    if (d) j[key] = d->display();
}

std::string colour_text(std::uint32_t rgba) {
    char text[10];
    if ((rgba & 0xFF) == 0xFF)
        std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(rgba >> 8));
    else
        std::snprintf(text, sizeof text, "#%08x", static_cast<unsigned>(rgba));
    return text;
}

json change_json(const Change& c) {
    json j = {{"territory", std::string(c.territory)}, {"status", to_string(c.status)}, {"controller", std::string(c.controller)}};
    set_date(j, "date", c.date);
    if (c.basis != Basis::Both) j["basis"] = to_string(c.basis);
    if (!c.note->empty()) j["note"] = *c.note;
    return j;
}

json claim_json(const Claim& c) {
    json j = {{"claimant", std::string(c.claimant)}, {"territory", std::string(c.territory)}, {"from", c.from.display()}};
    set_date(j, "to", c.to);
    if (!c.note.empty()) j["note"] = c.note;
    return j;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

bool is_json_file(const std::string& file) { return file.size() > 5 && file.compare(file.size() - 5, 5, ".json") == 0; }

json event_json(const Event& ev) {
    json j = {{"id", std::string(ev.id)}, {"date", ev.date.display()}, {"kind", to_string(ev.kind)}, {"title", std::string(ev.title)}};
    const EventDetails& d = *ev.details;
    if (!d.summary.empty()) j["summary"] = d.summary;
    set_date(j, "signed", d.signed_on);
    set_date(j, "ratified", d.ratified);
    if (d.never_in_force) j["in_force"] = "never";
    else set_date(j, "in_force", d.in_force);
    if (!d.parties.empty()) j["parties"] = d.parties;
    if (!ev.changes.empty()) {
        j["changes"] = json::array();
        for (const auto& c : ev.changes) j["changes"].push_back(change_json(c));
    }
    if (!d.claims.empty()) {
        j["claims"] = json::array();
        for (const auto& c : d.claims) j["claims"].push_back(claim_json(c));
    }
    if (!ev.sources.empty()) {
        j["sources"] = json::array();
        for (const auto& s : ev.sources) {
            json ref = {{"source", std::string(s.source)}};
            if (!std::string_view(s.locator).empty()) ref["locator"] = std::string(s.locator);
            j["sources"].push_back(ref);
        }
    }
    if (!d.notes.empty()) j["notes"] = d.notes;
    return j;
}

json power_json(const Power& p) {
    json j = {{"id", p.id}};
    if (!p.names.by_lang.empty()) j["names"] = p.names.by_lang;
    j["color"] = colour_text(p.rgba);
    if (!p.parents.empty()) {
        j["parents"] = json::array();
        for (const auto& parent : p.parents) {
            json pj = {{"power", parent.power}};
            set_date(pj, "from", parent.from);
            set_date(pj, "to", parent.to);
            j["parents"].push_back(pj);
        }
    }
    if (!p.note.empty()) j["note"] = p.note;
    return j;
}

json source_json(const Source& s) {
    json j = {{"id", s.id}};
    for (const auto& [key, value] : {std::pair{"cite", &s.cite}, {"author", &s.author}, {"title", &s.title}, {"year", &s.year},
                                     {"language", &s.language}, {"file", &s.file}, {"note", &s.note}})
        if (!value->empty()) j[key] = *value;
    return j;
}

AtlasJson atlas_json(const Atlas& atlas, const std::string& manifest_name) {
    AtlasJson out;
    // What the manifest holds; what is added goes there unless the atlas has a workbook.
    auto in_manifest = [&](const SourcePos& pos) {
        return pos.file.str() == manifest_name || (pos.file.str().empty() && atlas.workbook.empty());
    };
    for (const auto& p : atlas.powers)
        if (in_manifest(p.pos)) out[manifest_name]["powers"][p.id] = power_json(p);
    for (const auto& s : atlas.sources)
        if (in_manifest(s.pos)) out[manifest_name]["sources"][s.id] = source_json(s);
    std::string file_before;  // the file of the latest event so far, in date order
    std::vector<const Event*> events;
    for (const auto& ev : atlas.events)
        if (!ev.derived) events.push_back(&ev);
    std::stable_sort(events.begin(), events.end(), [](const Event* a, const Event* b) { return a->date < b->date; });
    for (const Event* ev : events) {
        const std::string file = ev->pos.file.str();
        if (is_json_file(file)) file_before = file;
        const std::string& in = file.empty() && atlas.workbook.empty() ? file_before : file;
        if (is_json_file(in)) out[in]["events"][std::string(ev->id)] = event_json(*ev);
    }
    return out;
}

Result<> write_json_changes(const AtlasJson& before, const AtlasJson& after, const std::string& manifest_path) {
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(manifest_path).parent_path();
    std::map<std::string, std::string> texts;  // the files changed, as they will be
    auto edit = [&](const std::string& file, const std::string& list, const std::string& id, const json& value) -> Result<> {
        const std::string path = (folder / file).string();
        if (!texts.count(path)) texts[path] = read_text(path);
        auto edited = with_list_element(texts[path], list, id, value);
        if (!edited) return input_error(file + ": " + edited.message());
        texts[path] = std::move(*edited);
        return {};
    };
    const std::map<std::string, json> none;
    for (const auto& [file, lists] : after)
        for (const auto& [list, items] : lists) {
            const auto bf = before.find(file);
            const auto* old = bf == before.end() || !bf->second.count(list) ? &none : &bf->second.at(list);
            for (const auto& [id, value] : items)
                if (auto it = old->find(id); it == old->end() || it->second != value)
                    if (auto ok = edit(file, list, id, value); !ok) return ok;
        }
    for (const auto& [file, lists] : before)
        for (const auto& [list, items] : lists)
            for (const auto& [id, value] : items) {
                const auto af = after.find(file);
                const bool kept = af != after.end() && af->second.count(list) && af->second.at(list).count(id);
                if (!kept)
                    if (auto ok = edit(file, list, id, nullptr); !ok) return ok;
            }
    for (const auto& [path, text] : texts) {
        Result<OutputFile> out = OutputFile::open(path);
        if (!out) return out.failure();
        {
            std::ofstream f(out->temp_path(), std::ios::binary);
            f << text;
            if (!f) return input_error("cannot write " + path);
        }
        if (auto committed = out->commit(); !committed) return committed;
    }
    return {};
}

}  // namespace chronomap
