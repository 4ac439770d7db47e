// The file browser behind File > Open atlas and Add reference layer: the desktop's places (home,
// documents, downloads, desktop), the bundled atlases and the recent ones on the left, a
// folder's subfolders and the files that fit on the right, a path bar to type into. An atlas's
// folder shows as one, and opens as one.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "app/gui/panels.h"
#include "app/launch/launch.h"
#include "app/view/overlay/i18n.h"

namespace chronomap::gui {
namespace fs = std::filesystem;
namespace {

// What GDAL reads as vector data, by extension, for reference layers.
const std::set<std::string> kVectorExtensions = {".geojson", ".json", ".topojson", ".shp", ".gpkg", ".kml",
                                                 ".gml",     ".gpx",  ".fgb",      ".csv", ".sqlite", ".tab"};

bool fits(BrowsePurpose purpose, const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return purpose == BrowsePurpose::OpenAtlas ? ext == ".json" : kVectorExtensions.count(ext) > 0;
}

// Reads the folder's entries once: folders first, then the files that fit, each by name.
void list_folder(FileBrowserState& b) {
    if (b.listed == b.folder) return;
    b.listed = b.folder;
    b.entries.clear();
    b.problem.clear();
    std::error_code ec;
    for (fs::directory_iterator it(b.folder, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_ec;
        const bool folder = it->is_directory(type_ec);
        if (!folder && !fits(b.purpose, it->path())) continue;
        const bool atlas = folder ? fs::exists(it->path() / "atlas.json", type_ec) : name == "atlas.json";
        b.entries.push_back({name, folder, atlas});
    }
    if (ec) b.problem = fill_in(_("%s cannot be read: %s"), {b.folder, ec.message()});
    std::sort(b.entries.begin(), b.entries.end(), [](const FileEntry& x, const FileEntry& y) {
        return x.folder != y.folder ? x.folder : x.name < y.name;
    });
}

void enter(FileBrowserState& b, const fs::path& folder) {
    b.folder = folder.lexically_normal().string();
    if (b.folder.size() > 1 && b.folder.back() == '/') b.folder.pop_back();
    b.selected.clear();
    std::snprintf(b.typed, sizeof b.typed, "%s", b.folder.c_str());
}

// Asks the window to open or add `path`, and closes the browser.
void choose(App& a, UiRequests& req, const std::string& path) {
    FileBrowserState& b = a.panels.files;
    (b.purpose == BrowsePurpose::OpenAtlas ? req.open_atlas : req.add_reference) = path;
    b.purpose = BrowsePurpose::None;
}

void place(FileBrowserState& b, const char* label, const std::string& folder) {
    std::error_code ec;
    if (folder.empty() || !fs::is_directory(folder, ec)) return;
    if (ImGui::Selectable(label, b.folder == folder)) enter(b, folder);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", folder.c_str());
}

void places(PanelContext& c) {
    App& a = c.app;
    FileBrowserState& b = a.panels.files;
    ImGui::TextDisabled("%s", _("Places"));
    const char* home = std::getenv("HOME");
    place(b, _("Home"), home ? home : "");
    std::set<std::string> shown{home ? home : ""};
    for (const auto& [kind, label] : {std::pair{"DESKTOP", _("Desktop")}, {"DOCUMENTS", _("Documents")}, {"DOWNLOAD", _("Downloads")}}) {
        const std::string folder = user_folder(kind);
        if (shown.insert(folder).second) place(b, label, folder);
    }
    place(b, _("Bundled atlases"), fs::path(default_atlas_path()).parent_path().parent_path().string());
    if (a.doc) place(b, _("This atlas's folder"), fs::absolute(a.doc->path).parent_path().string());
    if (b.purpose != BrowsePurpose::OpenAtlas || a.settings.recent_atlases.empty()) return;
    ImGui::Spacing();
    ImGui::TextDisabled("%s", _("Recent"));
    for (const std::string& path : a.settings.recent_atlases) {
        const fs::path p(path);
        const std::string label = (p.filename() == "atlas.json" ? p.parent_path().filename() : p.filename()).string();
        if (ImGui::Selectable((label + "##" + path).c_str())) choose(a, c.requests, path);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
    }
}

// The folder's contents: a click selects, a double click enters a folder or opens a file.
void contents(PanelContext& c) {
    App& a = c.app;
    FileBrowserState& b = a.panels.files;
    list_folder(b);
    if (!b.problem.empty()) ImGui::TextColored({0.7f, 0.1f, 0.1f, 1}, "%s", b.problem.c_str());
    if (b.entries.empty() && b.problem.empty())
        ImGui::TextDisabled("%s", b.purpose == BrowsePurpose::OpenAtlas ? _("No atlas or folder here.")
                                                                        : _("No vector file or folder here."));
    for (const FileEntry& e : b.entries) {
        const std::string label = (e.folder ? "[" + e.name + "]" : e.name) + (e.atlas ? std::string("  ") + _("(atlas)") : "");
        if (ImGui::Selectable(label.c_str(), b.selected == e.name, ImGuiSelectableFlags_AllowDoubleClick)) {
            b.selected = e.name;
            if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                if (e.folder && !(e.atlas && b.purpose == BrowsePurpose::OpenAtlas))
                    enter(b, fs::path(b.folder) / e.name);
                else
                    choose(a, c.requests, (fs::path(b.folder) / e.name).string());
                return;
            }
        }
    }
}

}  // namespace

void open_file_browser(App& a, BrowsePurpose purpose) {
    FileBrowserState& b = a.panels.files;
    b.purpose = purpose;
    b.listed.clear();  // read afresh: files may have come since
    std::error_code ec;
    if (b.folder.empty() || !fs::is_directory(b.folder, ec))
        enter(b, a.doc ? fs::absolute(a.doc->path).parent_path() : fs::path(user_folder("DOCUMENTS")));
    else
        enter(b, b.folder);
}

bool pick_file(App& a, UiRequests& req, const std::string& path) {
    FileBrowserState& b = a.panels.files;
    if (b.purpose == BrowsePurpose::None) return false;
    const fs::path p = fs::absolute(path);
    enter(b, p.parent_path());
    b.selected = p.filename().string();
    choose(a, req, p.string());
    return true;
}

void draw_file_browser(PanelContext& c) {
    App& a = c.app;
    FileBrowserState& b = a.panels.files;
    const char* title = b.purpose == BrowsePurpose::AddReference ? _("Add reference layer") : _("Open atlas");
    if (b.purpose != BrowsePurpose::None && !ImGui::IsPopupOpen("###files")) ImGui::OpenPopup("###files");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize({std::min(display.x * 0.9f, 820 * c.ui_scale), std::min(display.y * 0.8f, 520 * c.ui_scale)},
                             ImGuiCond_Appearing);
    bool open = b.purpose != BrowsePurpose::None;
    if (!ImGui::BeginPopupModal((std::string(title) + "###files").c_str(), &open)) return;
    if (!open || b.purpose == BrowsePurpose::None) {
        b.purpose = BrowsePurpose::None;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    if (ImGui::Button(_("Up"))) enter(b, fs::path(b.folder).parent_path());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##path", b.typed, sizeof b.typed, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::error_code ec;
        if (fs::is_directory(b.typed, ec) && !(b.purpose == BrowsePurpose::OpenAtlas && fs::exists(fs::path(b.typed) / "atlas.json", ec)))
            enter(b, b.typed);
        else
            choose(a, c.requests, b.typed);
    }
    const float foot = ImGui::GetFrameHeightWithSpacing() * 1.5f;
    ImGui::BeginChild("##places", {200 * c.ui_scale, -foot}, true);
    places(c);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##contents", {0, -foot}, true);
    contents(c);
    ImGui::EndChild();
    const fs::path chosen = b.selected.empty() ? fs::path(b.folder) : fs::path(b.folder) / b.selected;
    std::error_code ec;
    const bool can_open = b.purpose == BrowsePurpose::AddReference
                              ? !b.selected.empty()
                              : fs::exists(chosen.extension() == ".json" ? chosen : chosen / "atlas.json", ec);
    ImGui::BeginDisabled(!can_open);
    if (ImGui::Button(b.purpose == BrowsePurpose::AddReference ? _("Add") : _("Open"), {120 * c.ui_scale, 0}))
        choose(a, c.requests, chosen.string());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(_("Cancel"))) b.purpose = BrowsePurpose::None;
    if (b.purpose == BrowsePurpose::None) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace chronomap::gui
