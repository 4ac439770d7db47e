#include "app/gui/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "app/view/overlay/i18n.h"
#include "app/view/export/vector_export.h"
#include "app/view/export/workbook_template.h"
#include "data/formats/manifest_edit.h"
#include "data/validate/overlap_check.h"

namespace chronomap::gui {

bool App::open(const std::string& path, bool allow_external) {
    auto d = std::make_unique<Document>();
    d->path = path;
    d->allow_external = allow_external;
    LoadOptions options;
    options.allow_external = allow_external;
    d->loaded = load_atlas(path, options);
    if (!d->loaded.manifest_read) {
        // Keep the current atlas; the problems go to the messages panel.
        for (const auto& diag : d->loaded.diagnostics.items()) messages.push_back(diag.format());
        return false;
    }
    d->timeline = std::make_unique<Timeline>(d->atlas());
    d->view = std::make_unique<MapView>();
    d->pane = std::make_unique<MapPane>();
    if (auto ready = d->view->init(d->atlas(), *d->timeline); !ready) {
        messages.push_back(fill_in(_("cannot draw %s: %s"), {path, ready.message()}));
        return false;
    }
    // Polygons repaired or not drawn go with the atlas's other problems, and so, when they are
    // found, do territories that overlap (take_overlaps).
    for (const auto& p : d->view->scene().problems) d->loaded.diagnostics.add(p);
    d->overlaps = std::async(std::launch::async, [atlas = &d->atlas()] {
        Diagnostics found;
        OverlapLimits limits;
        limits.seconds = 20;
        (void)check_overlaps(*atlas, found, limits);
        return found;
    });
    // An atlas that asks to reach beyond its folder is refused that, said, asked about, and not
    // reopened by itself at the next start until the user allows it (source_policy.h).
    external_request.reset();
    if (!allow_external && !d->loaded.external_sources.empty()) {
        for (const auto& source : d->loaded.external_sources)
            messages.push_back(fill_in(_("not opened, outside the atlas folder: %s"), {source}));
        external_request = ExternalRequest{path, d->loaded.external_sources};
    }
    // A film or export under way draws the atlas being closed: it stops, and writes nothing.
    if (film_job) {
        cancel_film();
        messages.push_back(_("The film being made was cancelled: another atlas was opened."));
    }
    if (export_job) {
        export_job.reset();
        export_result = _("Cancelled; nothing was written.");
    }
    if (!doc || doc->path != d->path) {  // another atlas: its edits are not this one's to undo
        undo_.clear();
        redo_.clear();
    }
    doc = std::move(d);
    if (!external_request) {
        settings.last_atlas = std::filesystem::absolute(path).lexically_normal().string();
        remember_recent(settings, settings.last_atlas);
    }
    selected_event = nullptr;
    selected_territory.clear();
    study_territory.clear();
    panels.forget_atlas();
    camera_set = false;
    fitted.reset();
    timeline_view = {};
    anim_ = {};
    compare.reset();
    playback.years_per_second =
        static_cast<float>(default_years_per_second(doc->atlas().start, doc->atlas().end));
    set_date(doc->atlas().start, false);
    return true;
}

void App::allow_external() {
    if (!external_request) return;
    const std::string path = external_request->path;
    external_request.reset();
    open(path, true);
}

void App::refuse_external() { external_request.reset(); }

Result<> App::export_workbook(const std::string& path) {
    if (!doc) return input_error("no atlas is open");
    Result<> written = write_workbook(doc->atlas(), path, workbook_help());
    workbook_result = written ? fill_in(_("Wrote %s"), {std::filesystem::absolute(path).string()}) : written.message();
    return written;
}

bool App::rebuild_view(const std::string& new_layer) {
    // The scene is rebuilt with the atlas's layers as they are now; the camera and date stay.
    auto view = std::make_unique<MapView>();
    if (auto ready = view->init(doc->atlas(), *doc->timeline); !ready) {
        messages.push_back(fill_in(_("cannot draw %s: %s"), {doc->path, ready.message()}));
        return false;
    }
    for (const auto& p : view->scene().problems)
        if (!new_layer.empty() && p.layer == new_layer) doc->loaded.diagnostics.add(p);
    doc->view = std::move(view);
    doc->pane = std::make_unique<MapPane>();  // styled for the new view's meshes
    restyle(false);
    return true;
}

Result<> App::alias_power(const std::string& from, const std::string& to) {
    if (!doc) return input_error("no atlas is open");
    if (from == to || !doc->atlas().find_power(to)) return input_error("'" + to + "' is not another power of the atlas");
    take_overlaps(true);
    nlohmann::ordered_json aliases = nlohmann::ordered_json::object();
    for (const auto& [alias, id] : doc->atlas().power_aliases) aliases[alias] = id == from ? to : id;
    aliases[from] = to;
    if (auto saved = set_manifest_member(manifest_file(doc->path), "power_aliases", aliases); !saved) return saved;
    if (auto reopened = reopen_here(); !reopened) return reopened;
    messages.push_back(fill_in(_("%s is now shown as %s (power_aliases in the manifest)."), {from, doc->atlas().power_name(to, settings.lang)}));
    return {};
}

void App::set_opacity(std::size_t index, float opacity) {
    if (!doc || index >= doc->atlas().layers.size() || doc->atlas().layers[index].role != LayerRole::Raster) return;
    doc->atlas().layers[index].opacity = std::clamp(opacity, 0.0f, 1.0f);
    restyle(false);
}

bool App::show_layer(std::size_t index, bool visible) {
    if (!doc || index >= doc->atlas().layers.size()) return false;
    Layer& layer = doc->atlas().layers[index];
    const bool shown_or_hidden = layer.role == LayerRole::Reference || layer.role == LayerRole::Raster;
    if (!shown_or_hidden || layer.visible == visible) return shown_or_hidden;
    layer.visible = visible;
    if (layer.role == LayerRole::Raster) {  // its opacity is the pane's: no new scene
        restyle(false);
        return true;
    }
    return rebuild_view("");
}

void App::take_overlaps(bool wait) {
    if (!doc || !doc->overlaps.valid()) return;
    if (!wait && doc->overlaps.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    const Diagnostics found = doc->overlaps.get();
    for (const auto& d : found.items()) doc->loaded.diagnostics.add(d);
}

bool App::add_reference(const std::string& path) {
    if (!doc) return false;
    take_overlaps(true);  // the check reads the layers this adds to
    const std::size_t before = doc->loaded.diagnostics.items().size();
    if (!add_reference_layer(doc->atlas(), path, doc->loaded.diagnostics)) {
        messages.push_back(fill_in(_("could not add %s as a reference layer (see Diagnostics)"), {path}));
        return false;
    }
    doc->atlas().layers.back().outline_colour = palette::kReferenceLine;  // borders to read it by
    if (!rebuild_view(doc->atlas().layers.back().name)) return false;
    if (doc->loaded.diagnostics.items().size() == before)
        messages.push_back(fill_in(_("added reference layer %s"), {path}));
    return true;
}

void App::restyle(bool animate) {
    if (!doc) return;
    MapPane& pane = *doc->pane;
    doc->view->show_reference = settings.show_reference;
    pane.date = date;
    pane.basis = basis();
    auto target = doc->view->styles(date, basis(), settings.claims, settings.overlays.uncertainty);
    pane.overlay = overlay_text(doc->atlas(), *doc->timeline, date, basis(), settings.lang, settings.claims,
                                &doc->view->scene(), settings.overlays.uncertainty);
    refresh_compare();
    const bool can_animate = animate && enable_animation && anim_.shown.size() == target.size();
    if (!can_animate) {
        anim_ = {};
        anim_.shown = target;
        doc->view->prepare(pane.style, pane.labels, date, target);
        return;
    }
    std::vector<std::uint32_t> from(target.size()), to(target.size());
    for (std::size_t i = 0; i < target.size(); ++i) {
        from[i] = anim_.shown[i].fill;
        to[i] = target[i].fill;
    }
    anim_.transition.start(std::move(from), std::move(to), changed_slots(anim_.shown, target), now);
    anim_.to = std::move(target);
    anim_.running = anim_.transition.active(now);
    if (!anim_.running) anim_.shown = anim_.to;
    // The shapes of the new date at once; the colours blend from the old ones.
    doc->view->prepare(pane.style, pane.labels, date, anim_.shown);
}

void App::tick(double now_seconds, double dt) {
    now = now_seconds;
    if (!doc) return;
    if (playback.playing) set_date(playback_step(playback, date, dt, doc->atlas().start, doc->atlas().end), true);
    if (!anim_.running) return;
    for (std::size_t i = 0; i < anim_.to.size(); ++i) {
        auto& s = anim_.shown[i];
        s = anim_.to[i];
        if (!anim_.transition.changed(i)) continue;
        s.fill = anim_.transition.fill(i, now);
        s.highlight = anim_.transition.highlight(i, now);
    }
    doc->view->restyle(doc->pane->style, doc->pane->labels, anim_.shown);
    anim_.running = anim_.transition.active(now);
}

void App::set_date(Date d, bool animate) {
    if (!doc) return;
    d = std::clamp(d, doc->atlas().start, doc->atlas().end);
    date = d;
    if (selected_event && selected_event->date != d) selected_event = nullptr;
    restyle(animate);
}

void App::set_basis(Basis b) {
    settings.basis_de_jure = b == Basis::DeJure;
    restyle(true);
}

void App::set_lang(const std::string& lang) {
    settings.lang = lang;
    set_ui_language(lang);  // the interface follows the names' language (English where it has none)
    restyle(false);
}

void App::set_claims(bool on) {
    settings.claims = on;
    restyle(false);
}

void App::set_uncertainty(bool on) {
    settings.overlays.uncertainty = on;
    restyle(false);
}

void App::step_event(int direction) {
    if (!doc) return;
    const Event* e =
        direction < 0 ? doc->timeline->previous_event(date) : doc->timeline->next_event(date);
    if (e) select_event(e);
}

void App::go_start() {
    if (doc) set_date(doc->atlas().start);
}

void App::go_end() {
    if (doc) set_date(doc->atlas().end);
}

void App::select_event(const Event* e) {
    selected_event = e;
    if (e) set_date(e->date);
}

void App::select_territory(const std::string& id) {
    selected_territory = id;
}

void App::compare_with(Date other, Basis other_basis) {
    if (!doc) return;
    if (!compare) compare = std::make_unique<Comparison>();
    // A year or month means its state at the end ("1921": after the treaties of Moscow and Kars,
    // not 1 January before them), shown as that day.
    compare->other = std::clamp(other.last_day(), doc->atlas().start, doc->atlas().end);
    compare->other_basis = other_basis;
    refresh_compare();
}

void App::stop_compare() { compare.reset(); }

void App::refresh_compare() {
    if (!compare || !doc) return;
    Comparison& c = *compare;
    c.differences = compare_dates(*doc->timeline, date, basis(), c.other, c.other_basis);
    std::vector<std::string> changed;
    for (const auto& d : c.differences) changed.push_back(d.territory);
    const bool u = settings.overlays.uncertainty;
    c.left.style_at(*doc->view, doc->atlas(), date, basis(), settings.lang, settings.claims, changed, u);
    c.right.style_at(*doc->view, doc->atlas(), c.other, c.other_basis, settings.lang, settings.claims, changed, u);
}

void App::select_difference(const Difference& d) {
    selected_territory = d.territory;
    selected_event = d.event;  // shown in the event card; the compared dates do not move
}

OverlayOptions App::shown_overlays() const {
    OverlayOptions o = settings.overlays;
    o.column = o.column || settings.presentation;
    // Presenting, the timeline under the map shows the date and view in large type: the column
    // keeps its room for the legend.
    if (settings.presentation) o.title = false;
    return o;
}

void App::fit(int w, int h, double inset_bottom, double inset_right) {
    if (!doc) return;
    camera = fit_camera(doc->view->default_area(), w, h, 0.03, inset_bottom, inset_right);
    camera_set = true;
    fitted = FittedView{camera, inset_right};
}

bool App::refit_wanted(int w, int h, double inset_right) const {
    if (!fitted || !camera_set) return false;
    const render::Camera& f = fitted->camera;
    const bool unmoved = camera.center_x == f.center_x && camera.center_y == f.center_y &&
                         camera.units_per_pixel == f.units_per_pixel;
    return unmoved && (w != f.width || h != f.height || std::abs(inset_right - fitted->inset_right) > 0.5);
}

void App::zoom_to_territory(const std::string& id, int w, int h) {
    if (!doc) return;
    if (const Feature* f = doc->atlas().find_territory(id, date)) {
        camera = fit_camera(f->shape.bounds(), w, h, 0.25);
        camera_set = true;
    }
}

std::optional<std::string> App::unit_at(double x, double y) const {
    if (!doc) return std::nullopt;
    const auto& layers = doc->loaded.atlas.layers;
    const auto units = std::find_if(layers.begin(), layers.end(),
                                    [](const Layer& l) { return l.units && l.role == LayerRole::Territories; });
    if (units == layers.end()) return std::nullopt;
    // The units' own shapes are those of the reference layer read from the same source.
    for (const auto& layer : layers) {
        if (layer.role != LayerRole::Reference || layer.source != units->source || layer.gdal_layer != units->gdal_layer) continue;
        for (const auto& f : layer.features)
            if (f.shape.contains({x, y})) return f.id;
    }
    return std::nullopt;
}

std::optional<std::string> App::territory_at(double x, double y) const {
    if (!doc) return std::nullopt;
    for (const auto& layer : doc->loaded.atlas.layers) {
        if (layer.role != LayerRole::Territories || !layer.visible) continue;
        for (const auto& f : layer.features) {
            if (f.valid_at(date) && f.shape.contains({x, y})) return f.id;
        }
    }
    return std::nullopt;
}

void App::start_export(const ExportRequest& req, const std::string& path) {
    if (!doc) return;
    if (is_vector_path(path)) {  // SVG and PDF are written at once: no pixels to render in tiles
        export_path = path;
        finish_export(export_vector(*doc->view, doc->atlas(), req, path));
        return;
    }
    export_job = std::make_unique<ExportJob>();
    export_path = path;
    if (auto started = export_job->start(*doc->view, doc->atlas(), req); !started) finish_export(started);
}

void App::poll_export() {
    if (!export_job) return;
    if (auto stepped = export_job->step(); !stepped)
        finish_export(stepped);
    else if (export_job->finished())
        finish_export(export_job->write_png(export_path));
}

void App::finish_export(const Result<>& written) {
    export_outcome = written;
    export_result = written ? fill_in(_("Wrote %s"), {std::filesystem::absolute(export_path).string()})
                            : fill_in(_("Export failed: %s"), {written.message()});
    export_job.reset();  // it drew in a pane of its own: the window's map was never touched
}

void App::start_film(const FilmRequest& req) {
    if (!doc) return;
    film_job = std::make_unique<FilmJob>();
    film_result.clear();
    film_started = now;
    film_path = req.path;
    if (auto started = film_job->start(*doc->view, doc->atlas(), req); !started) {
        film_result = fill_in(_("Film failed: %s"), {started.message()});
        film_job.reset();  // removes the temporary file
    }
}

void App::poll_film(double budget) {
    if (!film_job) return;
    const auto t0 = std::chrono::steady_clock::now();
    Result<> made;
    while (made && !film_job->all_rendered()) {
        made = film_job->step();
        if (made && !film_job->all_rendered() &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() >= budget)
            return;
    }
    if (made) made = film_job->finish();
    film_result = made ? fill_in(_("Wrote %s (%s frames)"),
                                 {std::filesystem::absolute(film_path).string(), std::to_string(film_job->frames_total())})
                       : fill_in(_("Film failed: %s"), {made.message()});
    film_job.reset();
}

void App::cancel_film() {
    if (!film_job) return;
    film_job.reset();
    film_result = _("Cancelled; nothing was written.");
}

Result<> App::export_now(const ExportRequest& req, const std::string& path) {
    start_export(req, path);
    while (export_job) poll_export();
    return export_outcome;
}

}  // namespace chronomap::gui
