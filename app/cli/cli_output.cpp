#include "app/cli/cli_output.h"

#include <ostream>

namespace chronomap::cli {
namespace {

ojson sources_json(const SmallList<SourceRef>& refs) {
    ojson out = ojson::array();
    for (const auto& r : refs) out.push_back({{"source", r.source}, {"locator", r.locator}});
    return out;
}

// A table whose columns are sized to their widest cell.
// Rows are made twice, once to measure the columns and once to print, rather than held: a
// million events print in the memory of one row.
// `row(i)` gives row i, as a vector or a reference to one.
template <typename Row>
void print_table(std::ostream& out, const std::vector<std::string>& header, std::size_t rows, Row row) {
    std::vector<std::size_t> width(header.size(), 0);
    // Atlas text is printed with its control and bidi characters escaped: a title must not set
    // the terminal's title, clear the screen or hide text.
    auto measure = [&](const std::vector<std::string>& r) {
        for (std::size_t i = 0; i < r.size() && i < width.size(); ++i)
            width[i] = std::max(width[i], display_width(printable(r[i])));
    };
    auto print = [&](const std::vector<std::string>& r) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            const std::string cell = printable(r[i]);
            line += cell;
            if (i + 1 < r.size()) line += std::string(width[i] - display_width(cell) + 2, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << '\n';
    };
    measure(header);
    for (std::size_t i = 0; i < rows; ++i) measure(row(i));
    print(header);
    for (std::size_t i = 0; i < rows; ++i) print(row(i));
}

class Table {
  public:
    explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void print(std::ostream& out) const {
        print_table(out, header_, rows_.size(),
                    [&](std::size_t i) -> const std::vector<std::string>& { return rows_[i]; });
    }

  private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace

std::size_t display_width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

ojson status_json(const Atlas& atlas, const Timeline& tl, Date date, Basis basis,
                  const std::string& lang) {
    ojson out;
    out["date"] = date.iso();
    out["basis"] = to_string(basis);
    ojson territories = ojson::array();
    for (const auto& s : tl.state_at(date, basis)) {
        if (!tl.exists(s, date)) continue;
        ojson t;
        t["id"] = s.territory;
        t["name"] = atlas.territory_name(s.territory, lang);
        if (s.known) {
            t["status"] = to_string(s.status);
            t["controller"] = s.controller;
            t["controller_name"] = atlas.power_name(s.controller, lang);
            t["since"] = s.since.iso();
            t["event"] = s.event->id;
        } else {
            t["status"] = nullptr;
            t["controller"] = nullptr;
            t["controller_name"] = nullptr;
            t["since"] = nullptr;
            t["event"] = nullptr;
        }
        territories.push_back(std::move(t));
    }
    out["territories"] = std::move(territories);
    ojson claims = ojson::array();
    for (const Claim* c : tl.claims_at(date)) {
        claims.push_back({{"claimant", c->claimant},
                          {"claimant_name", atlas.power_name(c->claimant, lang)},
                          {"territory", c->territory},
                          {"from", c->from.iso()},
                          {"to", c->to ? ojson(c->to->iso()) : ojson(nullptr)}});
    }
    out["claims"] = std::move(claims);
    return out;
}

namespace {

ojson event_json(const Event* e) {
        ojson j;
        j["id"] = e->id;
        j["date"] = e->date.iso();
        if (e->details->signed_on) j["signed"] = e->details->signed_on->iso();
        if (e->details->ratified) j["ratified"] = e->details->ratified->iso();
        if (e->details->in_force) j["in_force"] = e->details->in_force->iso();
        j["title"] = e->title;
        j["kind"] = to_string(e->kind);
        j["summary"] = e->details->summary;
        j["parties"] = e->details->parties;
        ojson changes = ojson::array();
        for (const auto& c : e->changes)
            changes.push_back({{"territory", c.territory},
                               {"status", to_string(c.status)},
                               {"controller", c.controller},
                               {"date", c.date.value_or(e->date).iso()},
                               {"basis", to_string(c.basis)}});
        j["changes"] = std::move(changes);
        ojson claims = ojson::array();
        for (const auto& c : e->details->claims)
            claims.push_back({{"claimant", c.claimant},
                              {"territory", c.territory},
                              {"from", c.from.iso()},
                              {"to", c.to ? ojson(c.to->iso()) : ojson(nullptr)}});
        j["claims"] = std::move(claims);
        j["sources"] = sources_json(e->sources);
        j["notes"] = e->details->notes;
        return j;
}

}  // namespace

// The same text as ojson{{"events", [...]}}.dump(2), written one event at a time: a million
// events are never held as one JSON document (that took 2.5 GB).
void write_events_json(std::ostream& out, const std::vector<const Event*>& events) {
    if (events.empty()) {
        out << "{\n  \"events\": []\n}\n";
        return;
    }
    out << "{\n  \"events\": [";
    for (std::size_t i = 0; i < events.size(); ++i) {
        std::string text = event_json(events[i]).dump(2);
        std::string indented;
        indented.reserve(text.size() + text.size() / 8);
        for (char ch : text) {
            indented += ch;
            if (ch == '\n') indented += "    ";  // strings hold no raw newlines: only layout ones
        }
        out << (i ? ",\n    " : "\n    ") << indented;
    }
    out << "\n  ]\n}\n";
}

ojson history_json(const Atlas& atlas, const Timeline& tl, const std::string& territory,
                   const std::string& lang) {
    ojson out;
    out["territory"] = territory;
    out["name"] = atlas.territory_name(territory, lang);
    ojson list = ojson::array();
    for (const auto& h : tl.history(territory)) {
        list.push_back({{"date", h.effective.iso()},
                        {"basis", to_string(h.basis)},
                        {"status", to_string(h.change->status)},
                        {"controller", h.change->controller},
                        {"controller_name", atlas.power_name(h.change->controller, lang)},
                        {"event", h.event->id},
                        {"event_title", h.event->title},
                        {"sources", sources_json(h.event->sources)}});
    }
    out["history"] = std::move(list);
    return out;
}

void print_status(std::ostream& out, const Atlas& atlas, const Timeline& tl, Date date, Basis basis,
                  const std::string& lang) {
    out << printable(atlas.title) << " — " << date.readable() << " ("
        << (basis == Basis::DeJure ? "de jure" : "de facto") << " view)\n\n";
    Table table({"TERRITORY", "NAME", "STATUS", "CONTROLLER", "SINCE", "BY"});
    for (const auto& s : tl.state_at(date, basis)) {
        if (!tl.exists(s, date)) continue;
        const std::string name = atlas.territory_name(s.territory, lang);
        if (!s.known) {
            table.add({std::string(s.territory), name, "-", "(no recorded change yet)", "", ""});
            continue;
        }
        table.add({std::string(s.territory), name, to_string(s.status),
                   s.controller.empty() ? "(no controller recorded)" : atlas.power_name(s.controller, lang),
                   s.since.display(), s.event->title.str()});
    }
    table.print(out);
    const auto claims = tl.claims_at(date);
    if (!claims.empty()) {
        out << "\nClaims in force:\n";
        for (const Claim* c : claims)
            out << "  " << printable(atlas.power_name(c->claimant, lang)) << " claims "
                << printable(atlas.territory_name(c->territory, lang)) << " (since " << c->from.readable()
                << ")\n";
    }
}

void print_events(std::ostream& out, const Atlas& atlas, const std::vector<const Event*>& events) {
    print_table(out, {"DATE", "KIND", "ID", "TITLE", "CHANGES"}, events.size(), [&](std::size_t i) {
        const Event* e = events[i];
        return std::vector<std::string>{e->date.display(), to_string(e->kind), e->id.str(), e->title.str(),
                                        std::to_string(e->changes.size())};
    });
    out << "\n"
        << events.size() << " event" << (events.size() == 1 ? "" : "s") << " in " << printable(atlas.title)
        << "\n";
}

void print_history(std::ostream& out, const Atlas& atlas, const Timeline& tl,
                   const std::string& territory, const std::string& lang) {
    out << printable(atlas.territory_name(territory, lang)) << " (" << printable(territory) << ")\n\n";
    Table table({"DATE", "BASIS", "STATUS", "CONTROLLER", "EVENT", "SOURCES"});
    for (const auto& h : tl.history(territory)) {
        std::string sources;
        for (const auto& r : h.event->sources)
            sources += (sources.empty() ? "" : "; ") + atlas.citation(r.source) +
                       (r.locator.empty() ? "" : ", " + r.locator);
        table.add({h.effective.display(), to_string(h.basis), to_string(h.change->status),
                   h.change->controller.empty() && h.change->status != Status::Ceased
                       ? std::string("(no controller recorded)")
                       : atlas.power_name(h.change->controller, lang), h.event->title.str(), sources});
    }
    table.print(out);
}

}  // namespace chronomap::cli
