#include "tests/support/series.h"

#include <fstream>

namespace chronomap::test_support {

std::vector<std::string> series_dates(int snapshots) {
    static const char* const kDates[] = {"123000 BC", "10000 BC", "-4999", "1000 BC", "500 BC",
                                         "AD 1",      "500",      "1000",  "1500",    "1914"};
    std::vector<std::string> out;
    for (int i = 0; i < snapshots; ++i)
        out.push_back(i < 10 ? kDates[i] : std::to_string(1914 + (i - 9) * 2));
    return out;
}

std::vector<SeriesCell> series_cells(const SeriesSpec& spec, int s) {
    std::vector<SeriesCell> out;
    for (int y = 0; y < spec.rows; ++y)
        for (int x = 0; x < spec.columns; ++x) {
            // The eastern quarter has no data in snapshots 3 to 5: it ceases, then comes back.
            if (x >= spec.columns * 3 / 4 && s >= 3 && s <= 5) continue;
            // In odd snapshots, pairs of cells are one territory in two pieces.
            const int nx = (s % 2 == 1 && x % 2 == 1) ? x - 1 : x;
            const std::string name = "Cell " + std::to_string(nx) + "-" + std::to_string(y);
            const int power = spec.powers <= 7
                                  ? (x / 4 + (y / 4) * 3 + s) % spec.powers
                                  : (x / 2 + (y / 2) * (spec.columns / 2) + s * 13) % spec.powers;
            out.push_back({x, y, name, "Power " + std::to_string(power)});
        }
    return out;
}

namespace {

std::string cell_ring(const SeriesSpec& spec, int x, int y) {
    const double x0 = 10 + x, y0 = 10 + y;
    const int n = spec.points_per_side;
    std::string r = "[";
    auto add = [&](double px, double py) {
        r += (r.size() > 1 ? "," : "") + std::string("[") + std::to_string(px) + "," + std::to_string(py) + "]";
    };
    for (int i = 0; i < n; ++i) add(x0 + static_cast<double>(i) / n, y0);
    for (int i = 0; i < n; ++i) add(x0 + 1, y0 + static_cast<double>(i) / n);
    for (int i = 0; i < n; ++i) add(x0 + 1 - static_cast<double>(i) / n, y0 + 1);
    for (int i = 0; i < n; ++i) add(x0, y0 + 1 - static_cast<double>(i) / n);
    add(x0, y0);
    return r + "]";
}

}  // namespace

std::string write_series(const std::string& dir, const SeriesSpec& spec) {
    const auto dates = series_dates(spec.snapshots);
    std::string snapshots;
    for (int s = 0; s < spec.snapshots; ++s) {
        const std::string file = "world_" + std::to_string(s) + ".geojson";
        std::ofstream out(dir + "/" + file);
        out << "{\"type\":\"FeatureCollection\",\"features\":[\n";
        bool first = true;
        for (const auto& c : series_cells(spec, s)) {
            out << (first ? "" : ",\n") << "{\"type\":\"Feature\",\"properties\":{\"NAME\":\"" << c.name
                << "\",\"SUBJECTO\":\"" << c.controller << "\",\"BORDERPRECISION\":2},"
                << "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" << cell_ring(spec, c.x, c.y) << "]}}";
            first = false;
        }
        out << "\n]}\n";
        snapshots += std::string(s ? ",\n" : "") + "    {\"date\": \"" + dates[static_cast<std::size_t>(s)] +
                     "\", \"source\": \"" + file + "\"}";
    }
    std::ofstream m(dir + "/atlas.json");
    m << "{\n  \"title\": \"Generated world series\",\n"
      << "  \"time_range\": {\"start\": \"123000 BC\", \"end\": \"2010\"},\n"
      << "  \"crs\": \"EPSG:4326\",\n"
      << "  \"layers\": [{\"name\": \"world\", \"role\": \"territories\", \"name_field\": \"NAME\",\n"
      << "              \"controller_field\": \"SUBJECTO\", \"snapshots\": [\n" << snapshots << "\n  ]}]\n}\n";
    return dir + "/atlas.json";
}

}  // namespace chronomap::test_support
