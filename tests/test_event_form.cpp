// The lesson editor's event forms read as rows of the events sheet (event_form.h), against the
// bundled atlas: a form shows validate's own words before anything is saved, and applying a row
// to an event there adds to it without losing what the form left empty.
#include <gtest/gtest.h>

#include <string>

#include "data/edit/event_form.h"
#include "data/edit/lesson_edits.h"
#include "data/load/loader.h"

using namespace chronomap;

namespace {

std::string messages(const Diagnostics& d) {
    std::string all;
    for (const auto& p : d.items()) all += p.message + "\n";
    return all;
}

const Event& event(const Atlas& atlas, const std::string& id) {
    const Event* e = atlas.find_event(id);
    EXPECT_TRUE(e) << id;
    return *e;
}

}  // namespace

TEST(EventForm, AChangeIsCheckedAsValidateChecksOne) {
    const LoadResult kars = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    const EventDraft d = draft_event(kars.atlas, {{"event_id", "brest-litovsk"},
                                                  {"territory", "nakhchivn"},
                                                  {"status", "integral"},
                                                  {"controller", "ottoman-empir"},
                                                  {"basis", "de_jure"}});
    EXPECT_TRUE(d.adds_to);
    EXPECT_FALSE(d.in_row.has_errors()) << messages(d.in_row);
    const std::string said = messages(d.problems);
    EXPECT_NE(said.find("change refers to territory 'nakhchivn', which no layer defines (did you mean 'nakhchivan'?)"),
              std::string::npos) << said;
    EXPECT_NE(said.find("change refers to power 'ottoman-empir'"), std::string::npos) << said;
}

TEST(EventForm, ARowWithABadDateOrStatusIsRefused) {
    LoadResult kars = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    const FormRow bad_date{{"event_id", "new-one"}, {"date", "1921-13-40"}, {"title", "A new event"}};
    EXPECT_TRUE(draft_event(kars.atlas, bad_date).in_row.has_errors());
    const auto refused = apply_event_row(kars.atlas, bad_date);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("column 'date'"), std::string::npos) << refused.message();
    const auto bad_status = apply_event_row(
        kars.atlas, {{"event_id", "brest-litovsk"}, {"territory", "kars"}, {"status", "annexed"}, {"controller", "ottoman"}});
    ASSERT_FALSE(bad_status);
    EXPECT_NE(bad_status.message().find("status 'annexed' is not known"), std::string::npos) << bad_status.message();
    EXPECT_FALSE(kars.atlas.find_event("new-one"));
}

TEST(EventForm, AddingToAnEventKeepsWhatTheFormLeftEmpty) {
    LoadResult kars = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    Atlas& atlas = kars.atlas;
    const Event before = event(atlas, "brest-litovsk");
    ASSERT_FALSE(before.details->summary.empty());
    ASSERT_TRUE(apply_event_row(atlas, {{"event_id", "brest-litovsk"}, {"source", "overview"}, {"locator", "p. 99"},
                                        {"event_note", "A note added in the window."}}));
    atlas.lookup.forget();
    const Event& after = event(atlas, "brest-litovsk");
    EXPECT_EQ(after.details->summary, before.details->summary);
    EXPECT_EQ(std::string(after.title), std::string(before.title));
    EXPECT_EQ(after.date, before.date);
    EXPECT_EQ(after.changes.size(), before.changes.size());
    EXPECT_EQ(after.sources.size(), before.sources.size() + 1);
    EXPECT_EQ(after.details->notes.back(), "A note added in the window.");
    // A change of a territory the event already changes on that basis replaces it.
    const Event armistice = event(atlas, "erzincan-armistice");
    ASSERT_FALSE(armistice.changes.empty());
    const Change& first = armistice.changes.front();
    ASSERT_TRUE(apply_event_row(atlas, {{"event_id", "erzincan-armistice"},
                                        {"territory", std::string(first.territory)},
                                        {"status", "occupied"},
                                        {"controller", std::string(first.controller)},
                                        {"basis", to_string(first.basis)}}));
    atlas.lookup.forget();
    const Event& replaced = event(atlas, "erzincan-armistice");
    EXPECT_EQ(replaced.changes.size(), armistice.changes.size());
    EXPECT_EQ(replaced.changes.front().status, Status::Occupied);
}

TEST(EventForm, AClaimIsCheckedAndAPowerNamedInOtherLanguages) {
    LoadResult kars = load_atlas(std::string(CHRONOMAP_MAPS) + "/kars");
    const Diagnostics d = check_claim(kars.atlas, {"brest-litovsk", "ottoman-empir", "kars", "1918", "", ""});
    EXPECT_NE(messages(d).find("claim refers to power 'ottoman-empir'"), std::string::npos) << messages(d);
    EXPECT_FALSE(check_claim(kars.atlas, {"brest-litovsk", "ottoman-empire", "kars", "1918", "", ""}).has_errors());
    ASSERT_TRUE(edit_power(kars.atlas, PowerFields{"lesson-power", "A power", "#336699", "tr: Bir devlet; ru: Держава", "", ""}));
    kars.atlas.lookup.forget();
    const Power* p = kars.atlas.find_power("lesson-power");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->names.get("ru"), "Держава");
    EXPECT_FALSE(edit_power(kars.atlas, PowerFields{"lesson-power", "A power", "#336699", "Bir devlet", "", ""}));
}
