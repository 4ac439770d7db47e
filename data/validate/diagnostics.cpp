#include "data/validate/diagnostics.h"

#include <cstdint>
#include <cstdio>

#include <algorithm>
#include <cctype>

namespace chronomap {

std::string printable(const std::string& text, std::size_t max_bytes) {
    std::string out;
    std::size_t i = 0;
    auto escape = [&](unsigned char c) {
        static const char* const kHex = "0123456789ABCDEF";
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    };
    while (i < text.size() && out.size() < max_bytes) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F) {
            escape(c);
            ++i;
            continue;
        }
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = n > 0 && i + n <= text.size();
        for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (ok && n == 2) ok = c >= 0xC2;  // no overlong forms
        if (!ok) {
            escape(c);
            ++i;
            continue;
        }
        // C1 controls (a terminal may take U+009B as CSI) and the marks that reorder or hide
        // text (bidi embeddings, overrides and isolates) are shown as code points.
        const std::uint32_t cp = n == 2 ? ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu)
                                 : n == 3 ? ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
                                                (static_cast<unsigned char>(text[i + 2]) & 0x3Fu)
                                          : 0;
        if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
            cp == 0x200E || cp == 0x200F || cp == 0x061C) {
            char code[16];
            std::snprintf(code, sizeof code, "\\u{%04X}", static_cast<unsigned>(cp));
            out += code;
            i += n;
            continue;
        }
        out.append(text, i, n);
        i += n;
    }
    if (i < text.size()) out += "\u2026 (" + std::to_string(text.size() - i) + " more bytes)";
    return out;
}

std::string Diagnostic::format() const {
    std::string out = pos.file.empty() ? std::string("<atlas>") : printable(pos.file.str(), 500);
    if (pos.line > 0) {
        out += ":" + std::to_string(pos.line);
        if (pos.column > 0) out += ":" + std::to_string(pos.column);
    }
    if (!layer.empty()) out += ": layer '" + printable(layer, 200) + "'";
    if (!feature.empty()) out += ", feature '" + printable(feature, 200) + "'";
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += printable(message);
    return out;
}

void Diagnostics::summarise(const SourcePos& pos) {
    if (summarised_) return;
    summarised_ = true;
    items_.push_back({Severity::Warning, pos, {}, {},
                      "more than " + std::to_string(kMaxListed) +
                          " problems: the rest are counted in the totals but not listed; fix these first"});
}

void Diagnostics::add(Diagnostic d) {
    const bool error = d.severity == Severity::Error;
    (error ? errors_ : warnings_)++;
    if (items_.size() < kMaxListed && !summarised_) {
        items_.push_back(std::move(d));
        return;
    }
    (error ? unlisted_errors_ : unlisted_warnings_)++;
    summarise(d.pos);
}

void Diagnostics::count_unlisted(int errors, int warnings, const SourcePos& pos) {
    if (errors + warnings <= 0) return;
    errors_ += errors;
    warnings_ += warnings;
    unlisted_errors_ += errors;
    unlisted_warnings_ += warnings;
    summarise(pos);
}

void Diagnostics::error(SourcePos pos, std::string message) {
    add({Severity::Error, std::move(pos), {}, {}, std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string message) {
    add({Severity::Warning, std::move(pos), {}, {}, std::move(message)});
}

void Diagnostics::feature_problem(Severity s, SourcePos file, std::string layer,
                                  std::string feature, std::string message) {
    add({s, std::move(file), std::move(layer), std::move(feature), std::move(message)});
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
        // No fewer edits than the lengths differ by: most candidates need no table at all.
        const std::size_t length_gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (length_gap >= best_distance) continue;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace chronomap
