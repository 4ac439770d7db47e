#include "data/load/loader.h"
#include "data/formats/input_file.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <exception>
#include <new>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "data/load/loader_parts.h"
#include "data/load/memory_reserve.h"
#include "data/load/source_policy.h"
#include <mutex>

namespace chronomap {
namespace detail {

std::optional<std::string> LoadContext::access(const std::string& source, const SourcePos& pos,
                                               const std::string& what) const {
    SourceAccess a = resolve_source(source, base_dir, allow_external);
    if (a.external && external) {
        static std::mutex guard;  // snapshots are read on every core
        const std::lock_guard<std::mutex> lock(guard);
        if (std::find(external->begin(), external->end(), source) == external->end()) external->push_back(source);
    }
    if (!a.refused.empty()) {
        diags->error(pos, what + " '" + printable(source, 200) + "' is not opened: " + a.refused);
        return std::nullopt;
    }
    return a.path;
}

Result<std::string> read_file(const std::string& path) {
    if (auto readable = check_input_file(path); !readable) return readable.failure();
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return input_error("it is not readable");
    // Read straight into the string: a stream copy (ss << rdbuf()) swallows std::bad_alloc and
    // returns a silently truncated file.
    const std::streamoff size = in.tellg();
    in.seekg(0);
    std::string text(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.gcount() != static_cast<std::streamsize>(text.size())) return input_error("it could not be read to its end");
    return text;
}

bool sanitize_utf8(std::string& text) {
    std::string out;
    bool clean = true;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = [&](std::size_t k) {
            return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u;
        };
        const unsigned c = b(0);
        auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
        std::size_t n = 0;
        if (c < 0x80)
            n = 1;
        else if (c >= 0xC2 && c <= 0xDF && cont(1))
            n = 2;
        else if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2) && !(c == 0xE0 && b(1) < 0xA0) &&
                 !(c == 0xED && b(1) > 0x9F))
            n = 3;
        else if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3) &&
                 !(c == 0xF0 && b(1) < 0x90) && !(c == 0xF4 && b(1) > 0x8F))
            n = 4;
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            clean = false;
            ++i;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    text = std::move(out);
    return clean;
}

}  // namespace detail

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           std::equal(suffix.rbegin(), suffix.rend(), s.rbegin(),
                      [](char a, char b) { return std::tolower(a) == std::tolower(b); });
}

// Stable by date, in place: an order of indices is sorted and the events are moved along its
// cycles, so no second array of events is needed (std::stable_sort's buffer holds half of them,
// 170 MB for a million).
void sort_by_date(std::vector<Event>& events) {
    std::vector<std::uint32_t> order(events.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return events[a].date < events[b].date; });
    // Position i takes the event now at order[i]; each cycle is walked once.
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i) continue;
        Event held = std::move(events[i]);
        std::size_t at = i;
        while (order[at] != i) {
            const std::size_t from = order[at];
            events[at] = std::move(events[from]);
            order[at] = static_cast<std::uint32_t>(at);
            at = from;
        }
        events[at] = std::move(held);
        order[at] = static_cast<std::uint32_t>(at);
    }
}

void load_everything(const std::string& manifest_path, const LoadOptions& options, LoadResult& result) {
    namespace fs = std::filesystem;
    Diagnostics& diags = result.diagnostics;
    Atlas& atlas = result.atlas;
    atlas.manifest_path = manifest_path;

    detail::LoadContext ctx;
    ctx.base_dir = fs::absolute(manifest_path).parent_path().lexically_normal().string();
    ctx.diags = &diags;
    ctx.geometry = options.geometry;
    ctx.allow_external = options.allow_external;
    ctx.external = &result.external_sources;
    std::vector<detail::UnitGroup> groups;
    ctx.groups = &groups;
    const std::string manifest_name = fs::path(manifest_path).filename().string();

    if (const std::string file = manifest_file(manifest_path); file != manifest_path) {
        load_everything(file, options, result);
        return;
    }
    const Result<std::string> text = detail::read_file(manifest_path);
    if (!text) {
        diags.error({manifest_path}, "cannot read the atlas manifest: " + text.message());
        return;
    }
    auto doc = parse_json_with_positions(*text, manifest_name, diags);
    if (!doc) return;
    result.manifest_read = true;

    JsonFields f(*doc, diags);
    std::vector<std::string> event_files;
    detail::read_manifest(*doc, atlas, event_files, f);
    ctx.display_crs = detail::checked_crs(atlas.crs, doc->pos("/crs"), diags);
    ctx.drawn_pos = doc->pos("/drawn");
    f.report_unknown_keys("the atlas manifest");

    for (auto& layer : atlas.layers) {
        if (layer.role == LayerRole::Raster) {
            detail::load_raster(layer, ctx);
            if (!layer.loaded) result.unread_inputs.push_back("layer '" + layer.name + "'");
            continue;
        }
        detail::load_layer(layer, ctx);
        if (!layer.loaded) result.unread_inputs.push_back("layer '" + layer.name + "'");
    }
    for (const auto& file : event_files) {
        const SourceAccess access = resolve_source(file, ctx.base_dir, ctx.allow_external);
        std::error_code ec;
        const bool folder = std::filesystem::is_directory(access.path, ec);
        if (!access.refused.empty() || (!folder && !check_input_file(access.path)))
            result.unread_inputs.push_back("event file '" + file + "'");
        if (folder || ends_with(file, ".xlsx") || ends_with(file, ".ods") || ends_with(file, ".XLSX") || ends_with(file, ".ODS"))
            detail::load_workbook(file, ctx, atlas);
        else if (ends_with(file, ".csv"))
            detail::load_events_csv(file, ctx, atlas);
        else
            detail::load_events_json(file, ctx, atlas);
    }
    detail::group_units(atlas, groups, ctx);
    detail::derive_from_layers(atlas, diags);
    apply_border_precision(atlas, diags);
    sort_by_date(atlas.events);
    atlas.lookup.forget();
    detail::bound_texts(atlas, diags);
    detail::check_atlas(atlas, diags);
}

}  // namespace

std::string manifest_file(const std::string& atlas_path) {
    std::error_code ec;  // a folder stands for the atlas.json inside it
    return std::filesystem::is_directory(atlas_path, ec) ? (std::filesystem::path(atlas_path) / "atlas.json").string() : atlas_path;
}

LoadResult load_atlas(const std::string& manifest_path, const LoadOptions& options) {
    LoadResult result;
    try {
        const MemoryReserve reserve;
        load_everything(manifest_path, options, result);
    } catch (const std::bad_alloc&) {
        result.outcome = internal_error("internal error: out of memory while loading " + manifest_path);
    } catch (const std::exception& e) {
        result.outcome = internal_error("internal error while loading " + manifest_path + ": " + e.what());
    } catch (...) {
        result.outcome = internal_error("internal error while loading " + manifest_path);
    }
    if (!result.outcome) result.diagnostics.error({manifest_path}, result.outcome.message());
    return result;
}

}  // namespace chronomap

namespace chronomap {

bool add_reference_layer(Atlas& atlas, const std::string& source, Diagnostics& diags) {
    namespace fs = std::filesystem;
    Layer layer;
    layer.name = fs::path(source).filename().string();
    layer.source = fs::absolute(source).lexically_normal().string();
    layer.role = LayerRole::Reference;
    detail::LoadContext ctx;
    ctx.base_dir = fs::current_path().string();
    ctx.allow_external = true;  // the user named this file themselves
    ctx.display_crs = atlas.crs;
    ctx.diags = &diags;
    detail::load_layer(layer, ctx);
    if (!layer.loaded) return false;
    atlas.layers.push_back(std::move(layer));
    return true;
}

}  // namespace chronomap
