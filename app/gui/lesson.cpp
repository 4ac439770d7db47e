// A lesson edited from the window: the edit is made on the atlas as read, the workbook written
// from it, and the atlas read again from its files, so the map, the problems and `validate`
// always agree with what is saved. Undo and redo keep the lesson's files as they were: the
// manifest, the workbook and the GeoPackage of drawn shapes.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/gui/app.h"
#include "app/view/overlay/i18n.h"
#include "data/formats/atlas_json.h"
#include "data/formats/output_file.h"

namespace chronomap::gui {
namespace {

namespace fs = std::filesystem;

fs::path workbook_of(const Document& doc) {
    return fs::path(manifest_file(doc.path)).parent_path() / doc.loaded.atlas.workbook;
}

std::string contents(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<std::string> contents_if_any(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    return contents(file);
}

// The lesson's files as they are: the manifest, the drawn shapes (or that there are none) and the
// workbook, one spreadsheet or the CSV files of its folder.
std::map<std::string, std::optional<std::string>> files_of(const Document& doc) {
    std::map<std::string, std::optional<std::string>> files;
    const fs::path manifest = manifest_file(doc.path), drawn = drawn_file_of(doc.loaded.atlas, manifest_file(doc.path)), workbook = workbook_of(doc);
    files[manifest.string()] = contents_if_any(manifest);
    files[drawn.string()] = contents_if_any(drawn);
    for (const auto& ev : doc.loaded.atlas.events) {  // event files written by hand
        const std::string file = ev.pos.file.str();
        if (!ev.derived && is_json_file(file)) {
            const fs::path path = manifest.parent_path() / file;
            if (!files.count(path.string())) files[path.string()] = contents_if_any(path);
        }
    }
    std::error_code ec;
    if (fs::is_directory(workbook, ec)) {
        for (const auto& e : fs::directory_iterator(workbook, ec))
            if (e.is_regular_file()) files[e.path().string()] = contents(e.path());
    } else {
        files[workbook.string()] = contents_if_any(workbook);
    }
    return files;
}

// Puts the files back as `files` has them; a file there now that `files` does not have (a
// sheet an edit added to a CSV folder) goes.
Result<> write_files(const std::map<std::string, std::optional<std::string>>& files,
                     const std::map<std::string, std::optional<std::string>>& now) {
    std::error_code ec;
    for (const auto& [path, text] : now)
        if (text && !files.count(path)) fs::remove(path, ec);
    for (const auto& [path, text] : files) {
        if (!text) {
            fs::remove(path, ec);
            continue;
        }
        Result<OutputFile> out = OutputFile::open(path);
        if (!out) return out.failure();
        {
            std::ofstream f(out->temp_path(), std::ios::binary);
            f << *text;
            if (!f) return input_error("cannot write " + path);
        }
        if (auto committed = out->commit(); !committed) return committed;
    }
    return {};
}

}  // namespace

bool editable(const Atlas& atlas) {
    if (!atlas.workbook.empty()) return true;
    return std::none_of(atlas.events.begin(), atlas.events.end(), [](const Event& ev) {
        const std::string file = ev.pos.file.str();
        return !ev.derived && !is_json_file(file);
    });
}

Result<> App::reopen_here() {
    const std::string path = doc->path;
    const Date at = date;
    const render::Camera view = camera;
    const bool external = doc->allow_external;
    if (!open(path, external)) return internal_error("the atlas could not be opened again");
    set_date(at);
    camera = view;
    camera_set = true;
    return {};
}

Result<> App::new_lesson(const LessonSpec& spec) {
    LessonSpec made = spec;
    made.lang = settings.lang;
    made.examples = false;  // the window's forms add what the example rows show
    const auto manifest = create_lesson(made);
    if (!manifest) return manifest.failure();
    if (!open(*manifest)) return input_error("the new lesson could not be opened (see Diagnostics)");
    messages.push_back(fill_in(_("A new lesson in %s: add its territories, powers, sources and events."), {spec.folder}));
    return {};
}

Result<> App::edit_lesson(const std::function<Result<>(Atlas&)>& edit) {
    if (!doc) return input_error("no atlas is open");
    if (!editable(doc->atlas()))
        return input_error("this atlas keeps events in CSV files or a database: edit them there, or make a lesson "
                           "with File > New lesson");
    take_overlaps(true);
    LessonFiles before = files_of(*doc);
    const std::string manifest = manifest_file(doc->path);
    const bool in_json = doc->atlas().workbook.empty();
    const std::string manifest_name = fs::path(manifest).filename().string();
    const AtlasJson json_before = atlas_json(doc->atlas(), manifest_name);
    if (auto edited = edit(doc->atlas()); !edited) {
        (void)reopen_here();  // whatever the edit had changed in memory goes
        return edited;
    }
    // What is kept in JSON goes back there, each object where it stands; the rest into the workbook.
    Result<> written = write_json_changes(json_before, atlas_json(doc->atlas(), manifest_name), manifest);
    if (written && !in_json) written = save_lesson(doc->atlas(), manifest);
    if (!written) {
        (void)write_files(before, files_of(*doc));
        (void)reopen_here();
        return written;
    }
    undo_.push_back(std::move(before));
    redo_.clear();
    return reopen_here();
}

Result<> App::put_back(std::vector<LessonFiles>& from, std::vector<LessonFiles>& to) {
    if (!doc || from.empty()) return input_error("nothing to put back");
    take_overlaps(true);
    to.push_back(files_of(*doc));
    if (auto written = write_files(from.back(), to.back()); !written) return written;
    from.pop_back();
    return reopen_here();
}

Result<> App::undo_edit() { return put_back(undo_, redo_); }
Result<> App::redo_edit() { return put_back(redo_, undo_); }

}  // namespace chronomap::gui
