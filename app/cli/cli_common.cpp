#include "app/cli/cli_common.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "app/view/scene/map_view.h"
#include "data/formats/output_file.h"

namespace chronomap::cli {

void print_diagnostics(const Diagnostics& d, std::ostream& out) {
    for (const auto& item : d.items()) out << item.format() << '\n';
}

Result<LoadResult> load(const AtlasInput& atlas, bool quiet_warnings, bool geometry) {
    LoadResult result = load_atlas(atlas.path, LoadOptions{geometry, atlas.allow_external});
    if (!result.outcome) return result.outcome.failure();
    const auto& d = result.diagnostics;
    if (!quiet_warnings || d.has_errors()) print_diagnostics(d, std::cerr);
    if (!result.unread_inputs.empty()) {
        std::string list;
        for (const auto& what : result.unread_inputs) list += (list.empty() ? "" : ", ") + what;
        return input_error(atlas.path + ": could not read " + list + "; nothing is shown without it");
    }
    if (!result.manifest_read) return input_error("");  // the diagnostics said why
    if (d.has_errors())
        std::cerr << atlas.path << ": " << d.error_count() << " error(s); showing what could be loaded\n";
    return result;
}

void note_missing_language(const Atlas& atlas, const std::string& lang) {
    std::set<std::string> have{"en"};
    for (const auto& p : atlas.powers)
        for (const auto& [code, name] : p.names.by_lang) have.insert(code);
    for (const auto& layer : atlas.layers)
        for (const auto& f : layer.features)
            for (const auto& [code, name] : f.names.by_lang) have.insert(code);
    if (have.count(lang)) return;
    std::string list;
    for (const auto& code : have) list += (list.empty() ? "" : ", ") + code;
    std::cerr << "chronomap: note: the atlas has no names in '" << lang << "' (it has " << list
              << "); English names are shown\n";
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

Renderer choose_renderer(const std::string& atlas_path, RendererChoice choice, bool one_png) {
    if (!one_png || choice == RendererChoice::Gpu) return Renderer::Gpu;
    if (choice == RendererChoice::Cpu) return Renderer::Cpu;
    return atlas_vertices(atlas_path) < kCpuVertices ? Renderer::Cpu : Renderer::Gpu;
}

bool draw_on_cpu_after_all(const MapView& view, const ExportRequest& req, RendererChoice choice) {
    if (choice != RendererChoice::Auto) return false;  // the user chose
    const auto styles = view.styles(req.date, req.basis, req.with_claims, req.overlays.uncertainty);
    std::size_t vertices = 0;
    for (std::size_t i = 0; i < styles.size() && i < view.scene().slots.size(); ++i)
        if (shown(styles[i])) vertices += view.scene().slots[i].feature->shape.vertex_count();
    return vertices < kCpuVertices;
}

}  // namespace chronomap::cli
