#include "diagnostics.h"

#include <algorithm>
#include <cctype>

namespace chronomap {

std::string Diagnostic::format() const {
    std::string out = pos.file.empty() ? std::string("<atlas>") : pos.file;
    if (pos.line > 0) {
        out += ":" + std::to_string(pos.line);
        if (pos.column > 0) out += ":" + std::to_string(pos.column);
    }
    if (!layer.empty()) out += ": layer '" + layer + "'";
    if (!feature.empty()) out += ", feature '" + feature + "'";
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

void Diagnostics::error(SourcePos pos, std::string message) {
    items_.push_back({Severity::Error, std::move(pos), {}, {}, std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
    items_.push_back({Severity::Warning, std::move(pos), {}, {}, std::move(message)});
}

void Diagnostics::feature_problem(Severity s, SourcePos file, std::string layer,
                                  std::string feature, std::string message) {
    items_.push_back({s, std::move(file), std::move(layer), std::move(feature), std::move(message)});
}

int Diagnostics::error_count() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

int Diagnostics::warning_count() const {
    return static_cast<int>(items_.size()) - error_count();
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace chronomap
