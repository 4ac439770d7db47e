#include "app/view/overlay/overlay.h"

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <iterator>

#include "app/view/overlay/i18n.h"

namespace chronomap {
namespace {

// The summary's first sentence, for the caption. A full stop ends a sentence when a capital
// follows and the word before it is not an abbreviation ("No. 12", "Art. 4", "p. 270").
std::string first_sentence(const std::string& text) {
    static const char* const kAbbreviations[] = {"No", "Art", "art", "p",  "pp",  "para",
                                                 "St", "vol", "cf",  "ed", "e.g", "i.e"};
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (text[i] != '.' || text[i + 1] != ' ' ||
            !std::isupper(static_cast<unsigned char>(text[i + 2])))
            continue;
        std::size_t start = text.rfind(' ', i);
        start = start == std::string::npos ? 0 : start + 1;
        const std::string word = text.substr(start, i - start);
        const bool abbreviation =
            word.size() <= 1 ||
            std::any_of(std::begin(kAbbreviations), std::end(kAbbreviations),
                        [&](const char* a) { return word == a || word == std::string("(") + a; });
        if (!abbreviation) return text.substr(0, i + 1);
    }
    return text;
}

std::string source_line(const Atlas& atlas, const Event& e) {
    const std::string refs = source_refs(atlas, e.sources);
    return refs.empty() ? refs : std::string(_("Sources:")) + " " + refs;
}

}  // namespace

std::string source_refs(const Atlas& atlas, const SmallList<SourceRef>& refs) {
    std::string out;
    for (const auto& ref : refs)
        out += (out.empty() ? "" : "; ") + atlas.citation(ref.source) + (ref.locator.empty() ? "" : ", " + ref.locator);
    return out;
}

const char* status_legend(Status s) {
    switch (s) {
        case Status::Integral:
            return _("integral part");
        case Status::Autonomous:
            return _("autonomous");
        case Status::Occupied:
            // The status of a military hold pending a settlement, for every side alike: a neutral
            // label, where "occupied" is a characterisation one side's sources use.
            return _("military control");
        case Status::Administered:
            return _("administered");
        case Status::SelfDeclared:
            return _("self-declared");
        case Status::Ceased:
            return _("ceased to exist");
    }
    return "";
}

std::string control_label(const Atlas& atlas, std::string_view controller, Status status,
                          const std::string& lang) {
    if (status == Status::Ceased) return status_legend(status);
    std::string out = controller.empty() ? _("no control recorded") : atlas.power_name(controller, lang);
    if (status != Status::Integral) out += std::string(", ") + status_legend(status);
    return out;
}

namespace {

// The lines of OverlayText::caption_changes for event `e` shown at `date` in `basis`.
std::string what_changed(const Atlas& atlas, const Timeline& timeline, const Event& e, Date date, Basis basis,
                         const std::string& lang) {
    constexpr int kMaxLines = 4;  // a caption, not a table: the inspector has the rest
    std::string lines;
    int shown = 0, more = 0;
    std::optional<Date> later;  // the first change in this view still to take effect
    bool other_view = false;
    for (const Change& ch : e.changes) {
        if (!applies_to(ch.basis, basis)) {
            other_view = true;
            continue;
        }
        const Date effective = ch.date.value_or(e.date);
        if (date < effective) {
            if (!later || effective < *later) later = effective;
            continue;
        }
        const std::string id(ch.territory);
        const auto before = timeline.territory_state(id, Date{effective.day - 1, Precision::Day}, basis);
        // A territory's first state (the atlas's starting point) has nothing before it to change from.
        const std::string was =
            before && before->known ? control_label(atlas, before->controller, before->status, lang) : "";
        const std::string now = control_label(atlas, ch.controller, ch.status, lang);
        if (was == now) continue;
        if (shown >= kMaxLines) {
            ++more;
            continue;
        }
        ++shown;
        lines += (lines.empty() ? "" : "\n") + atlas.territory_name(id, lang) + ": " +
                 (was.empty() ? now : was + " \xE2\x86\x92 " + now);
    }
    if (more) lines += "\n\xE2\x80\xA6";  // the inspector lists every change
    if (!lines.empty()) return lines;
    if (later) return fill_in(_("Takes effect on %s."), {later->readable(lang)});
    if (other_view)
        return basis == Basis::DeFacto ? _("De jure change only: see the de jure view.")
                                       : _("De facto change only: see the de facto view.");
    // Brest-Litovsk gave up Kars on paper, yet the atlas records no change: its notes say why.
    return e.details->notes.empty() ? _("No change of control.")
                                    : _("No change of control recorded; the event's notes say why.");
}

}  // namespace

OverlayText overlay_text(const Atlas& atlas, const Timeline& timeline, Date date, Basis basis,
                         const std::string& lang, bool with_claims, const MapScene* scene, bool uncertainty) {
    OverlayText t;
    t.lang = lang;
    t.title = atlas.title;
    t.date = date.readable(lang);
    t.basis = basis == Basis::DeJure ? _("de jure: treaties in force") : _("de facto: who held control");
    Date after = date;
    after.day += 1;
    if (const Event* e = timeline.previous_event(after)) {
        t.caption_heading = e->date.readable(lang) + " \xE2\x80\x94 " + e->title;  // em dash
        t.caption_body = first_sentence(e->details->summary);
        t.caption_changes = what_changed(atlas, timeline, *e, date, basis, lang);
        t.source = source_line(atlas, *e);
    }
    bool unknown = false;
    std::vector<Status> statuses;
    const auto states = timeline.state_at(date, basis);
    // Where each territory's shapes lie and how large they are, at this date.
    std::vector<double> area(states.size(), 0);
    std::vector<Bounds> where(states.size());
    if (scene)
        for (const auto& slot : scene->slots)
            if (slot.territory >= 0 && slot.feature->valid_at(date)) {
                area[static_cast<std::size_t>(slot.territory)] += slot.area;
                where[static_cast<std::size_t>(slot.territory)].add(slot.bounds);
            }
    if (scene) {
        t.land.grid = scene->land_grid;
        t.land.add(scene->reference_land);
        for (std::size_t i = 0; i < scene->slots.size() && i < scene->slot_land.size(); ++i) {
            const SceneSlot& slot = scene->slots[i];  // the land styles_at shows
            if (slot.feature->valid_at(date) && (slot.territory < 0 || drawn(states[static_cast<std::size_t>(slot.territory)])))
                t.land.add(scene->slot_land[i]);
        }
    }
    Bounds unknown_where;
    double unknown_area = 0;
    // Every colour on the map gets an entry: the controllers', and the colour a territory had
    // before a change of uncertain date, drawn in its stripes.
    auto add_controller = [&](std::string_view controller, double covered, const Bounds& at) {
        const Power* p = atlas.find_power(controller);
        const std::string name = p ? p->names.get(lang, p->id) : std::string(controller);
        auto it = std::find_if(t.controllers.begin(), t.controllers.end(),
                               [&](const LegendItem& item) { return item.label == name; });
        if (it == t.controllers.end()) {
            const auto rank = p ? static_cast<std::size_t>(p - atlas.powers.data()) : atlas.powers.size();
            it = t.controllers.insert(t.controllers.end(),
                                      {name, {p ? p->rgba : 0x808080FFu, 0, render::Pattern::None, 0, 0}, 0, Bounds{}, rank});
        }
        it->area += covered;
        it->bounds.add(at);
    };
    for (std::size_t i = 0; i < states.size(); ++i) {
        const auto& s = states[i];
        if (!timeline.exists(s, date)) continue;
        if (!s.known || s.controller.empty()) {
            unknown = true;
            unknown_area += area[i];
            unknown_where.add(where[i]);
            continue;
        }
        add_controller(s.controller, area[i], where[i]);
        if (uncertainty)
            if (const auto before = controller_before_uncertain_change(timeline, s, date, basis); before && !before->empty())
                add_controller(*before, area[i] / 2, where[i]);
        if (s.status != Status::Integral &&
            std::find(statuses.begin(), statuses.end(), s.status) == statuses.end())
            statuses.push_back(s.status);
    }
    // Ranked by its area like any power: in a world series it is often the largest land on the
    // map (Africa in 1800), and last in the list it fell under "+ N more".
    if (unknown)
        t.controllers.push_back({_("no control recorded"),
                                 {palette::kUnknown, 0, render::Pattern::None, 0, 0},
                                 unknown_area,
                                 unknown_where,
                                 atlas.powers.size() + 1});
    std::sort(t.controllers.begin(), t.controllers.end(),
              [](const LegendItem& a, const LegendItem& b) { return a.rank < b.rank; });
    std::sort(statuses.begin(), statuses.end());
    for (Status s : statuses)
        t.statuses.push_back({status_legend(s), {0xFFFFFFFFu, 0x404040FFu, pattern_for(s), 0, 0}, 0, Bounds{}});
    if (uncertainty) {
        bool borders[3] = {false, false, false};
        if (scene)
            for (const auto& slot : scene->slots)
                if (slot.territory >= 0 && slot.feature->valid_at(date) &&
                    timeline.exists(states[static_cast<std::size_t>(slot.territory)], date))
                    borders[static_cast<int>(slot.feature->border)] = true;
        if (borders[1])
            t.uncertainty.push_back({_("approximate border"), {0xFFFFFFFFu, 0, render::Pattern::None, 0, 0, 1}, 0, Bounds{}});
        if (borders[2])
            t.uncertainty.push_back({_("schematic border"), {0xFFFFFFFFu, 0, render::Pattern::None, 0, 0, 2}, 0, Bounds{}});
        for (const auto& s : states)
            if (s.status != Status::Ceased && timeline.exists(s, date) &&
                controller_before_uncertain_change(timeline, s, date, basis)) {
                t.uncertainty.push_back({_("change under way (date uncertain)"),
                                         {0xFFFFFFFFu, 0x707070FFu, render::Pattern::Transition, 0, 0, 0}, 0, Bounds{}});
                break;
            }
    }
    if (with_claims) {
        for (const Claim* c : timeline.claims_at(date)) {
            const Power* p = atlas.find_power(c->claimant);
            char name_text[512];
            std::snprintf(name_text, sizeof name_text, _("claimed by %s"),
                          (p ? p->names.get(lang, p->id) : c->claimant.str()).c_str());
            const std::string name = name_text;
            if (std::none_of(t.claims.begin(), t.claims.end(),
                             [&](const LegendItem& i) { return i.label == name; }))
                t.claims.push_back(
                    {name, {0xFFFFFFFFu, 0, render::Pattern::None, 0, p ? p->rgba : 0x808080FFu}, 0, Bounds{}});
        }
    }
    return t;
}

std::string overlay_characters(const OverlayText& t, const std::vector<LabelSeed>& seeds) {
    std::string all = t.title + t.date + t.basis + t.caption_heading + t.caption_body + t.caption_changes + t.source +
                      _("Control") + _("Status") + _("Claims") + _("Uncertainty") + _("%d more") + " +0123456789km";
    for (const auto* items : {&t.controllers, &t.statuses, &t.claims, &t.uncertainty})
        for (const auto& i : *items) all += i.label;
    for (const auto& s : seeds) all += s.feature->names.get(t.lang, s.feature->id);
    return all;
}

double round_number_below(double x) {
    if (x <= 0) return 0;
    double unit = 1;
    while (unit * 10 <= x) unit *= 10;
    for (double k : {5.0, 2.0, 1.0})
        if (k * unit <= x) return k * unit;
    return unit;
}

}  // namespace chronomap
