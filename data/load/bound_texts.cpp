// Bounds on the text an atlas can put on screen. Everything shown is drawn as glyphs, a few
// vertices each; a 30,000-character summary overflowed one ImGui draw list (16-bit indices)
// and a 100 MB title asked for gigabytes. Text beyond these lengths is cut at a character
// boundary with an ellipsis, and a warning says where.
#include <cstdint>
#include <string>
#include <string_view>

#include "data/load/loader_parts.h"
#include "data/formats/utf8.h"

namespace chronomap::detail {

namespace {

constexpr std::size_t kMaxName = 300;     // names, titles, ids of sources
constexpr std::size_t kMaxText = 4000;    // summaries, notes, descriptions

struct Bounder {
    Diagnostics& diags;
    // Texts with a NUL, which would end them early wherever they are drawn: said once, at the end.
    std::size_t with_nul = 0;
    std::string first_with_nul;
    SourcePos first_nul_pos;

    void cut(std::string& text, std::size_t limit, const SourcePos& pos, const std::string& what) {
        if (text.find('\0') != std::string::npos) {
            if (with_nul++ == 0) first_with_nul = what, first_nul_pos = pos;
            std::string shown;
            for (char c : text) shown += c == '\0' ? std::string("\uFFFD") : std::string(1, c);
            text = std::move(shown);
        }
        if (text.size() <= limit) return;
        std::size_t end = limit;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        diags.warning(pos, what + " is " + std::to_string(text.size()) + " bytes long; only the first " +
                               std::to_string(end) + " are shown");
        text.resize(end);
        text += "\u2026";
    }
    void cut(CompactString& text, std::size_t limit, const SourcePos& pos, const std::string& what) {
        if (text.size() <= limit && text.view().find('\0') == std::string_view::npos) return;
        std::string s = text.str();
        cut(s, limit, pos, what);
        text = s;
    }
    void names(Names& n, const SourcePos& pos, const std::string& what) {
        for (auto& [lang, name] : n.by_lang) cut(name, kMaxName, pos, what + " (" + lang + ")");
    }
};

// What the text needs that the map's fonts cannot give: right-to-left scripts other than Arabic
// and Hebrew (which are ordered and joined: app/view/overlay/bidi_text.h), and emoji. nullptr when nothing.
const char* undrawable_script(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, n] = decode_utf8(text, i);
        i += n;
        const Script script = script_of(cp);
        if (script == Script::OtherRightToLeft)
            return "a right-to-left script other than Arabic and Hebrew (Syriac, Thaana, N'Ko...), which the map's "
                   "fonts do not have and Chronomap does not join";
        if (script == Script::Emoji) return "emoji or symbols that the map's fonts do not have";
    }
    return nullptr;
}

}  // namespace

void bound_texts(Atlas& atlas, Diagnostics& diags) {
    Bounder b{diags, 0, {}, {}};
    const SourcePos manifest{atlas.manifest_path};
    b.cut(atlas.title, kMaxName, manifest, "the atlas title");
    b.cut(atlas.description, kMaxText, manifest, "the atlas description");
    for (auto& p : atlas.powers) {
        b.names(p.names, manifest, "the name of power '" + p.id.substr(0, 80) + "'");
        b.cut(p.note, kMaxText, manifest, "the note of power '" + p.id.substr(0, 80) + "'");
    }
    for (auto& s : atlas.sources) {
        const std::string what = "source '" + s.id.substr(0, 80) + "'";
        for (std::string* t : {&s.author, &s.title, &s.year, &s.language})
            b.cut(*t, kMaxName, manifest, "a field of " + what);
        b.cut(s.note, kMaxText, manifest, "the note of " + what);
    }
    for (auto& e : atlas.events) {
        const std::string what = "event '" + std::string(e.id.substr(0, 80)) + "'";
        b.cut(e.title, kMaxName, e.pos, "the title of " + what);
        if (EventDetails* d = e.details.edit_if_present()) {
            b.cut(d->summary, kMaxText, e.pos, "the summary of " + what);
            for (auto& n : d->notes) b.cut(n, kMaxText, e.pos, "a note of " + what);
            for (auto& c : d->claims) b.cut(c.note, kMaxText, e.pos, "a claim's note in " + what);
        }
        for (auto& c : e.changes)
            if (std::string* note = c.note.edit_if_present()) b.cut(*note, kMaxText, e.pos, "a change's note in " + what);
        for (auto& r : e.sources) b.cut(r.locator, kMaxName, e.pos, "a locator in " + what);
    }
    for (auto& layer : atlas.layers) {
        // Said once per layer, with the first name and how many: names that would be drawn as
        // boxes or in the wrong order.
        std::size_t undrawable = 0;
        std::string first, why;
        for (auto& f : layer.features) {
            b.names(f.names, {layer.source}, "the name of feature '" + f.id.substr(0, 80) + "' in layer '" +
                                                 layer.name + "'");
            for (const auto& [lang, name] : f.names.by_lang)
                if (const char* script = undrawable_script(name)) {
                    if (undrawable++ == 0) first = name, why = script;
                    break;
                }
        }
        if (undrawable)
            diags.warning({layer.source}, "layer '" + layer.name + "': " + std::to_string(undrawable) +
                                              " feature name(s), such as '" + first.substr(0, 80) + "', use " + why +
                                              "; they are drawn wrongly or as boxes");
    }
    if (b.with_nul)
        diags.warning(b.first_nul_pos, std::to_string(b.with_nul) + " text(s), such as " + b.first_with_nul +
                                           ", contain a NUL character, which would end them early; it is shown as "
                                           "\uFFFD");
}

}  // namespace chronomap::detail
