#include "data/validate/geometry_check.h"

namespace chronomap {
namespace {

std::string date_range(const Feature& f) {
    if (!f.valid_from && !f.valid_to) return "";
    if (f.valid_from && f.valid_to)
        return " (shape valid from " + f.valid_from->display() + " to " + f.valid_to->display() + ")";
    return f.valid_from ? " (shape valid from " + f.valid_from->display() + ")"
                        : " (shape valid until " + f.valid_to->display() + ")";
}

}  // namespace

Diagnostic mesh_diagnostic(const Layer& layer, const Feature& f, const MeshProblem& p) {
    const std::size_t parts = f.shape.polygons.size();
    const std::string part =
        parts > 1 ? "part " + std::to_string(p.polygon + 1) + " of " + std::to_string(parts) + ": " : "";
    Diagnostic d;
    // A part without area among others loses nothing visible (slivers left by quantised data);
    // a shape with nothing drawn at all is an error.
    const bool harmless = p.no_area && f.shape.polygons.size() > 1;
    d.severity = p.dropped && !harmless ? Severity::Error : Severity::Warning;
    d.pos.file = layer.source;
    d.layer = layer.name;
    d.feature = f.id.empty() ? "#" + std::to_string(&f - layer.features.data() + 1) : f.id;
    d.message = part + (p.dropped ? "polygon not drawn: " + p.message : p.message) +
                (p.simplified ? " (as simplified for this scale; `chronomap validate` checks the full shape)" : "") +
                date_range(f);
    return d;
}

std::size_t check_geometry(const Atlas& atlas, Diagnostics& diags) {
    std::vector<MeshInput> inputs;
    std::vector<std::pair<const Layer*, const Feature*>> owners;
    std::size_t polygons = 0;
    for (const auto& layer : atlas.layers)
        for (const auto& f : layer.features) {
            if (f.shape.polygons.empty() || layer.role == LayerRole::Places) continue;
            inputs.push_back({&f.shape, static_cast<std::uint32_t>(owners.size())});
            owners.emplace_back(&layer, &f);
            polygons += f.shape.polygons.size();
        }
    // Meshed in batches of about 130,000 vertices, each thrown away once checked: only the
    // problems are kept, so the whole atlas's mesh is never held.
    constexpr std::size_t kBatchVertices = 1 << 17;
    for (std::size_t begin = 0; begin < inputs.size();) {
        std::size_t end = begin, vertices = 0;
        while (end < inputs.size() && (end == begin || vertices < kBatchVertices))
            vertices += inputs[end++].shape->vertex_count();
        std::vector<MeshInput> batch(inputs.begin() + static_cast<std::ptrdiff_t>(begin),
                                     inputs.begin() + static_cast<std::ptrdiff_t>(end));
        std::vector<MeshProblem> problems;
        build_mesh(batch, {0, 0}, 0, &problems);
        for (const auto& p : problems)  // p.input counts from the batch's first input
            diags.add(mesh_diagnostic(*owners[begin + p.input].first, *owners[begin + p.input].second, p));
        begin = end;
    }
    return polygons;
}

}  // namespace chronomap
