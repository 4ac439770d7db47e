#include "app/cli/cli_common.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/view/scene/map_view.h"
#include "data/formats/output_file.h"

namespace chronomap::cli {

void print_diagnostics(const Diagnostics& d, std::ostream& out) {
    for (const auto& item : d.items()) out << item.format() << '\n';
}

// Loads the atlas; problems go to stderr in one line each plus a summary.
bool allow_external = false;

bool load(const std::string& path, LoadResult& result, bool quiet_warnings, bool geometry) {
    result = load_atlas(path, LoadOptions{geometry, allow_external});
    if (!result.internal_error.empty()) throw std::runtime_error(result.internal_error);
    const auto& d = result.diagnostics;
    if (!quiet_warnings || d.has_errors()) print_diagnostics(d, std::cerr);
    if (!result.unread_inputs.empty()) {
        // A class export with the database down must not quietly write a map with no territories.
        std::string list;
        for (const auto& what : result.unread_inputs) list += (list.empty() ? "" : ", ") + what;
        std::cerr << path << ": could not read " << list << "; nothing is shown without it\n";
        return false;
    }
    if (d.has_errors())
        std::cerr << path << ": " << d.error_count() << " error(s); showing what could be loaded\n";
    return result.manifest_read;
}

std::optional<Date> date_option(const Args& a, const char* key) {
    const auto text = a.get(key);
    if (!text) return std::nullopt;
    const DateParseResult r = parse_date(*text);
    if (!r.date) throw std::invalid_argument(std::string(key) + ": " + r.error);
    if (!r.warning.empty()) std::cerr << "chronomap: note: " << key << ": " << r.warning << '\n';
    return r.date;
}

Basis basis_option(const Args& a, const char* key) {
    const std::string b = a.get(key).value_or("de_facto");
    auto basis = basis_from_string(b);
    if (!basis || *basis == Basis::Both)
        throw std::invalid_argument(std::string(key) + " must be de_facto or de_jure, not '" + b + "'");
    return *basis;
}

// --lang: a language code ("tr", "az", "pt-BR"); one the atlas has no names in is said.
std::string lang_option(const Args& a, const Atlas& atlas) {
    const std::string lang = a.get("--lang").value_or("en");
    if (!is_language_code(lang))
        throw std::invalid_argument("--lang takes a language code such as en, tr, az, ru, hy or ka, not '" + lang + "'");
    std::set<std::string> have{"en"};
    for (const auto& p : atlas.powers)
        for (const auto& [code, name] : p.names.by_lang) have.insert(code);
    for (const auto& layer : atlas.layers)
        for (const auto& f : layer.features)
            for (const auto& [code, name] : f.names.by_lang) have.insert(code);
    if (!have.count(lang)) {
        std::string list;
        for (const auto& code : have) list += (list.empty() ? "" : ", ") + code;
        std::cerr << "chronomap: note: the atlas has no names in '" << lang << "' (it has " << list
                  << "); English names are shown\n";
    }
    return lang;
}

void overlay_switches(const Args& a, ExportRequest& req) {
    req.overlays.title = !a.has("--no-title");
    req.overlays.legend = !a.has("--no-legend");
    req.overlays.caption = !a.has("--no-caption");
    req.overlays.labels = !a.has("--no-labels");
    req.overlays.scale_bar = req.overlays.source = !a.has("--no-scale-bar");
    req.with_claims = !a.has("--no-claims");
    req.overlays.uncertainty = !a.has("--no-uncertainty");
}

std::uintmax_t estimated_vertices(const std::filesystem::path& path) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) return kCpuVertices;
    const std::string ext = lower_extension(path.string());
    if (ext != ".geojson" && ext != ".json" && ext != ".topojson") return size / 16;
    constexpr std::uintmax_t kSample = 64u << 10;
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buffer(kSample);
    std::uintmax_t sampled = 0, brackets = 0;
    const std::uintmax_t middle = size / 2 > kSample / 2 ? size / 2 - kSample / 2 : 0;
    for (const std::uintmax_t at : {std::uintmax_t{0}, middle, size > kSample ? size - kSample : 0}) {
        in.seekg(static_cast<std::streamoff>(at));
        in.read(buffer.data(), static_cast<std::streamsize>(std::min(kSample, size)));
        const auto got = static_cast<std::size_t>(in.gcount());
        in.clear();
        sampled += got;
        brackets += static_cast<std::uintmax_t>(std::count(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(got), '['));
        if (size <= kSample) break;
    }
    return sampled ? static_cast<std::uintmax_t>(static_cast<double>(brackets) / static_cast<double>(sampled) *
                                                 static_cast<double>(size))
                   : 0;
}

namespace {

// The vertices an export of the atlas may draw (each layer, the largest snapshot of a series),
// estimated from its manifest and its files before they are loaded.
std::uintmax_t atlas_vertices(const std::string& atlas_path) {
    namespace fs = std::filesystem;
    const fs::path manifest = manifest_file(atlas_path);
    std::ifstream in(manifest, std::ios::binary);
    const auto doc = nlohmann::json::parse(in, nullptr, false);
    if (!doc.is_object() || !doc.contains("layers") || !doc["layers"].is_array()) return 0;  // load says why
    auto vertices = [&](const nlohmann::json& item) -> std::uintmax_t {
        if (!item.is_object() || !item.contains("source") || !item["source"].is_string()) return 0;
        const std::string source = item["source"].get<std::string>();
        return estimated_vertices(fs::path(source).is_absolute() ? fs::path(source) : manifest.parent_path() / source);
    };
    std::uintmax_t total = 0;
    for (const auto& layer : doc["layers"]) {
        total += vertices(layer);
        // One snapshot of a series is drawn at a time: the largest stands for it.
        std::uintmax_t largest = 0;
        if (layer.is_object() && layer.contains("snapshots") && layer["snapshots"].is_array())
            for (const auto& snapshot : layer["snapshots"]) largest = std::max(largest, vertices(snapshot));
        total += largest;
    }
    return total;
}

}  // namespace

Renderer choose_renderer(const std::string& atlas_path, const std::optional<std::string>& flag, bool one_png) {
    if (!one_png) return Renderer::Gpu;
    const std::string how = flag.value_or("auto");
    if (how == "gpu") return Renderer::Gpu;
    if (how == "cpu") return Renderer::Cpu;
    if (how != "auto") throw std::invalid_argument("--renderer is gpu, cpu or auto, not '" + how + "'");
    return atlas_vertices(atlas_path) < kCpuVertices ? Renderer::Cpu : Renderer::Gpu;
}

bool draw_on_cpu_after_all(const MapView& view, const ExportRequest& req, const std::optional<std::string>& flag) {
    if (flag && *flag != "auto") return false;  // the user chose
    const auto styles = view.styles(req.date, req.basis, req.with_claims, req.overlays.uncertainty);
    std::size_t vertices = 0;
    for (std::size_t i = 0; i < styles.size() && i < view.scene().slots.size(); ++i)
        if (shown(styles[i])) vertices += view.scene().slots[i].feature->shape.vertex_count();
    return vertices < kCpuVertices;
}

}  // namespace chronomap::cli
