// Events from JSON files: either a list of events or {"events": [...]}.
#include "data/load/loader_parts.h"

namespace chronomap::detail {
namespace {

using json = nlohmann::json;
using V = json::value_t;

void read_change(const json& obj, const std::string& ptr, JsonFields& f, Calendar cal,
                 const std::string& what, Event& ev) {
    if (!f.is_object(obj, ptr, what)) return;
    cal = f.calendar(obj, ptr, cal);
    Change c;
    c.pos = f.pos(JsonFields::child(ptr, "territory"));
    c.controller_pos = f.pos(JsonFields::child(ptr, "controller"));
    const auto territory = f.string(obj, ptr, "territory", Need::Required, what);
    const auto status = f.choice<Status>(obj, ptr, "status", Need::Required, what, status_from_string,
                                         "integral, autonomous, occupied, administered or self-declared");
    const auto controller = f.string(obj, ptr, "controller", Need::Required, what);
    c.date = f.date(obj, ptr, "date", Need::Optional, what, cal);
    c.note.set(f.string(obj, ptr, "note", Need::Optional, what).value_or(""));
    c.basis = f.choice<Basis>(obj, ptr, "basis", Need::Optional, what, basis_from_string,
                              "de_facto, de_jure or both")
                  .value_or(Basis::Both);
    if (!territory || !controller || !status) return;
    c.status = *status;
    c.territory = *territory;
    c.controller = *controller;
    ev.changes.push_back(std::move(c));
}

void read_claim(const json& obj, const std::string& ptr, JsonFields& f, Calendar cal,
                const std::string& what, Event& ev) {
    if (!f.is_object(obj, ptr, what)) return;
    cal = f.calendar(obj, ptr, cal);
    Claim c;
    c.pos = f.pos(JsonFields::child(ptr, "territory"));
    c.claimant_pos = f.pos(JsonFields::child(ptr, "claimant"));
    const auto claimant = f.string(obj, ptr, "claimant", Need::Required, what);
    const auto territory = f.string(obj, ptr, "territory", Need::Required, what);
    const auto from = f.date(obj, ptr, "from", Need::Optional, what, cal);
    c.to = f.date(obj, ptr, "to", Need::Optional, what, cal);
    c.note = f.string(obj, ptr, "note", Need::Optional, what).value_or("");
    if (!claimant || !territory) return;
    c.claimant = *claimant;
    c.territory = *territory;
    c.from = from.value_or(ev.date);
    if (c.to && *c.to < c.from) {
        f.diags().error(f.pos(JsonFields::child(ptr, "to")),
                        what + " ends (" + c.to->iso() + ") before it starts (" + c.from.iso() + ")");
        c.to.reset();
    }
    ev.details.edit().claims.push_back(std::move(c));
}

void read_sources(const json& obj, const std::string& ptr, JsonFields& f, const std::string& what,
                  Event& ev) {
    const auto* list = f.typed(obj, ptr, "sources", V::array, Need::Optional, what);
    if (!list) return;
    const std::string lp = JsonFields::child(ptr, "sources");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string sp = JsonFields::child(lp, i);
        const json& s = (*list)[i];
        SourceRef ref;
        ref.pos = s.is_object() && s.contains("source") ? f.pos(JsonFields::child(sp, "source")) : f.pos(sp);
        if (s.is_string()) {
            ref.source = s.get<std::string>();
        } else if (f.is_object(s, sp, "source " + std::to_string(i + 1) + " of " + what)) {
            ref.source = f.string(s, sp, "source", Need::Required, "a source of " + what).value_or("");
            ref.locator = f.string(s, sp, "locator", Need::Optional, "a source of " + what).value_or("");
        }
        if (!ref.source.empty()) ev.sources.push_back(std::move(ref));
    }
}

void read_event(const json& obj, const std::string& ptr, JsonFields& f, Atlas& atlas) {
    if (!f.is_object(obj, ptr, "an event")) return;
    Event ev;
    ev.pos = f.pos(ptr);
    const auto id = f.string(obj, ptr, "id", Need::Required, "an event");
    ev.id = id.value_or("");
    const std::string what = id ? "event '" + *id + "'" : "an event";
    const Calendar cal = f.calendar(obj, ptr, Calendar::Gregorian);
    const auto date = f.date(obj, ptr, "date", Need::Required, what, cal);
    EventDetails details;
    details.signed_on = f.date(obj, ptr, "signed", Need::Optional, what, cal);
    details.ratified = f.date(obj, ptr, "ratified", Need::Optional, what, cal);
    // A date, or "never" for a treaty signed that never took effect; absent is unknown.
    if (const auto it = obj.find("in_force"); it != obj.end() && *it == "never")
        details.never_in_force = f.string(obj, ptr, "in_force", Need::Optional, what).has_value();
    else
        details.in_force = f.date(obj, ptr, "in_force", Need::Optional, what, cal);
    ev.title = f.string(obj, ptr, "title", Need::Required, what).value_or(ev.id.str());
    details.summary = f.string(obj, ptr, "summary", Need::Optional, what).value_or("");
    ev.kind = f.choice<EventKind>(obj, ptr, "kind", Need::Optional, what, event_kind_from_string,
                                  "treaty, decision, military, declaration or other")
                  .value_or(EventKind::Other);
    details.parties = f.string_list(obj, ptr, "parties", what);
    details.notes = f.string_list(obj, ptr, "notes", what);
    if (auto note = f.string(obj, ptr, "note", Need::Optional, what)) details.notes.push_back(*note);
    ev.details.set(std::move(details));
    if (!date || !id) {  // an event without id or date cannot be placed on the timeline
        f.skip(ptr);
        return;
    }
    ev.date = *date;
    if (const auto* changes = f.typed(obj, ptr, "changes", V::array, Need::Optional, what)) {
        const std::string cp = JsonFields::child(ptr, "changes");
        for (std::size_t i = 0; i < changes->size(); ++i)
            read_change((*changes)[i], JsonFields::child(cp, i), f, cal,
                        "change " + std::to_string(i + 1) + " of " + what, ev);
    }
    if (const auto* claims = f.typed(obj, ptr, "claims", V::array, Need::Optional, what)) {
        const std::string cp = JsonFields::child(ptr, "claims");
        for (std::size_t i = 0; i < claims->size(); ++i)
            read_claim((*claims)[i], JsonFields::child(cp, i), f, cal,
                       "claim " + std::to_string(i + 1) + " of " + what, ev);
    }
    read_sources(obj, ptr, f, what, ev);
    atlas.events.push_back(std::move(ev));
}

}  // namespace

void load_events_json(const std::string& path, const LoadContext& ctx, Atlas& atlas) {
    Diagnostics& diags = *ctx.diags;
    const auto resolved = ctx.access(path, {path}, "the event file");
    if (!resolved) return;
    const Result<std::string> text = read_file(*resolved);
    if (!text) {
        diags.error({path}, "cannot read the event file '" + path + "' (" + *resolved + "): " + text.message());
        return;
    }
    auto doc = parse_json_with_positions(*text, path, diags);
    if (!doc) return;
    JsonFields f(*doc, diags);
    struct ReportUnknown {  // once the file is read, whichever way the reading ends
        JsonFields& f;
        ~ReportUnknown() { f.report_unknown_keys("an event file"); }
    } report_unknown{f};
    const json* list = &doc->root;
    std::string ptr;
    if (doc->root.is_object()) {
        list = f.typed(doc->root, "", "events", V::array, Need::Required, "the event file");
        ptr = "/events";
        if (!list) return;
    } else if (!doc->root.is_array()) {
        diags.error(doc->pos(""), "an event file should hold a list of events or {\"events\": [...]}");
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i)
        read_event((*list)[i], JsonFields::child(ptr, i), f, atlas);
}

}  // namespace chronomap::detail
