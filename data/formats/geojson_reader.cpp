#include "data/formats/geojson_reader.h"
#include "data/formats/utf8.h"

#include <charconv>
#include <cstring>

namespace chronomap::detail {

int RawLayer::field_index(const std::string& name) const {
    const auto it = index.find(name);
    return it == index.end() ? -1 : it->second;
}

int RawLayer::add_field(const std::string& name) {
    const auto [it, fresh] = index.emplace(name, static_cast<int>(fields.size()));
    if (fresh) fields.push_back(name);
    return it->second;
}

namespace {

struct Unsupported {};  // thrown inside the parser: the file goes to GDAL

struct Parser {
    const char* p;
    const char* end;
    bool geometry;
    RawLayer layer;
    std::vector<double> xs, ys;  // the ring or line being read

    void ws() {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    }
    char peek() {
        ws();
        if (p >= end) throw Unsupported{};
        return *p;
    }
    void expect(char c) {
        if (peek() != c) throw Unsupported{};
        ++p;
    }
    bool accept(char c) {
        if (peek() != c) return false;
        ++p;
        return true;
    }

    unsigned hex4() {
        if (end - p < 4) throw Unsupported{};
        unsigned v = 0;
        for (int i = 0; i < 4; ++i, ++p) {
            const char c = *p;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
            else throw Unsupported{};
        }
        return v;
    }

    std::string string() {
        expect('"');
        std::string out;
        for (;;) {
            const char* run = p;
            while (p < end && *p != '"' && *p != '\\') ++p;
            out.append(run, p);
            if (p >= end) throw Unsupported{};
            if (*p++ == '"') return out;
            if (p >= end) throw Unsupported{};
            const char e = *p++;
            if (const int c = json_escape(e); c >= 0) {
                out += static_cast<char>(c);
                continue;
            }
            switch (e) {
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                        const char* back = p;
                        p += 2;
                        const unsigned low = hex4();
                        if (low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        else p = back;
                    }
                    if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;  // a lone surrogate
                    append_utf8(out, cp);
                    break;
                }
                default: throw Unsupported{};
            }
        }
    }

    void skip_string() {
        expect('"');
        for (;;) {
            const void* q = std::memchr(p, '"', static_cast<std::size_t>(end - p));
            if (!q) throw Unsupported{};
            const char* quote = static_cast<const char*>(q);
            std::size_t slashes = 0;
            for (const char* b = quote; b > p && b[-1] == '\\'; --b) ++slashes;
            p = quote + 1;
            if (slashes % 2 == 0) return;
        }
    }

    void literal(const char* word) {
        const std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(end - p) < n || std::memcmp(p, word, n) != 0) throw Unsupported{};
        p += n;
    }

    const char* number_end() {
        const char* q = p;
        auto number_char = [](char c) {
            return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        };
        while (q < end && number_char(*q)) ++q;
        if (q == p) throw Unsupported{};
        return q;
    }

    double number() {
        ws();
        double v = 0;
        const auto r = std::from_chars(p, end, v);
        if (r.ec != std::errc()) throw Unsupported{};  // out of range included: GDAL decides
        p = r.ptr;
        return v;
    }

    // Skips any value; nesting is tracked with a counter, so depth costs nothing.
    void skip_value() {
        int depth = 0;
        do {
            const char c = peek();
            if (c == '{' || c == '[') {
                ++p;
                ++depth;
                continue;
            }
            if (c == '}' || c == ']') {
                if (depth == 0) throw Unsupported{};
                ++p;
                --depth;
            } else if (c == '"') {
                skip_string();
                if (depth > 0 && peek() == ':') ++p;
            } else if (c == ',') {
                if (depth == 0) throw Unsupported{};
                ++p;
                continue;
            } else if (c == 't') literal("true");
            else if (c == 'f') literal("false");
            else if (c == 'n') literal("null");
            else p = number_end();
        } while (depth > 0);
    }

    // A property's value as text, or nullopt for null.
    std::optional<std::string> value_text() {
        const char c = peek();
        if (c == '"') return string();
        if (c == 'n') {
            literal("null");
            return std::nullopt;
        }
        if (c == 't') return literal("true"), std::string("1");
        if (c == 'f') return literal("false"), std::string("0");
        const char* start = p;
        if (c == '{' || c == '[') skip_value();
        else p = number_end();
        return std::string(start, p);
    }

    template <class F> void members(F&& each) {
        expect('{');
        if (accept('}')) return;
        do {
            const std::string key = string();
            expect(':');
            each(key);
        } while (accept(','));
        expect('}');
    }
    template <class F> void elements(F&& each) {
        expect('[');
        if (accept(']')) return;
        do each();
        while (accept(','));
        expect(']');
    }

    void position() {
        expect('[');
        xs.push_back(number());
        expect(',');
        ys.push_back(number());
        while (accept(',')) number();  // heights are not used
        expect(']');
    }
    template <class T> std::unique_ptr<T> curve() {
        xs.clear();
        ys.clear();
        elements([&] { position(); });
        auto c = std::make_unique<T>();
        c->setPoints(static_cast<int>(xs.size()), xs.data(), ys.data());
        return c;
    }
    std::unique_ptr<OGRPolygon> polygon() {
        auto poly = std::make_unique<OGRPolygon>();
        elements([&] { poly->addRingDirectly(curve<OGRLinearRing>().release()); });
        return poly;
    }

    std::unique_ptr<OGRGeometry> coordinates(const std::string& type) {
        if (type == "Point") {
            xs.clear();
            ys.clear();
            position();
            return std::make_unique<OGRPoint>(xs[0], ys[0]);
        }
        if (type == "LineString") return curve<OGRLineString>();
        if (type == "Polygon") return polygon();
        if (type == "MultiPoint") {
            auto m = std::make_unique<OGRMultiPoint>();
            xs.clear();
            ys.clear();
            elements([&] { position(); });
            for (std::size_t i = 0; i < xs.size(); ++i) m->addGeometryDirectly(new OGRPoint(xs[i], ys[i]));
            return m;
        }
        if (type == "MultiLineString") {
            auto m = std::make_unique<OGRMultiLineString>();
            elements([&] { m->addGeometryDirectly(curve<OGRLineString>().release()); });
            return m;
        }
        if (type == "MultiPolygon") {
            auto m = std::make_unique<OGRMultiPolygon>();
            elements([&] { m->addGeometryDirectly(polygon().release()); });
            return m;
        }
        throw Unsupported{};
    }

    // A geometry object. Its members may come in any order: "coordinates" is read at once when
    // "type" came before it (as nearly every writer puts it), otherwise found first and read once
    // the type is known.
    std::unique_ptr<OGRGeometry> geometry_object(int depth = 0) {
        if (depth > 64) throw Unsupported{};
        if (peek() == 'n') {
            literal("null");
            return nullptr;
        }
        std::string type;
        const char* coords = nullptr;
        std::unique_ptr<OGRGeometry> read;  // coordinates read in place
        std::vector<std::unique_ptr<OGRGeometry>> parts;
        bool has_parts = false;
        members([&](const std::string& key) {
            if (key == "type") {
                if (read) throw Unsupported{};  // a second type after the coordinates: GDAL decides
                type = string();
            } else if (key == "coordinates" && !coords && !read && !type.empty() && type != "GeometryCollection") {
                read = coordinates(type);
            } else if (key == "coordinates") {
                if (read) throw Unsupported{};
                ws();
                coords = p;
                skip_value();
            } else if (key == "geometries") {
                has_parts = true;
                elements([&] { parts.push_back(geometry_object(depth + 1)); });
            } else skip_value();
        });
        if (type == "GeometryCollection" && has_parts) {
            auto c = std::make_unique<OGRGeometryCollection>();
            for (auto& g : parts)
                if (g) c->addGeometryDirectly(g.release());
            return c;
        }
        if (read) return read;
        if (!coords) throw Unsupported{};
        const char* after = p;
        p = coords;
        auto g = coordinates(type);
        p = after;
        return g;
    }

    void feature(long long number) {
        RawFeature f;
        f.fid = number;
        std::optional<std::string> string_id;
        bool is_feature = false;
        members([&](const std::string& key) {
            if (key == "type") is_feature = string() == "Feature";
            else if (key == "properties" && peek() == 'n') literal("null");
            else if (key == "properties")
                members([&](const std::string& name) {
                    const auto idx = static_cast<std::size_t>(layer.add_field(name));
                    if (f.values.size() <= idx) f.values.resize(idx + 1);
                    f.values[idx] = value_text();
                });
            else if (key == "geometry" && geometry) f.geometry = geometry_object();
            else if (key == "id" && peek() == '"') string_id = string();
            else if (key == "id" && peek() != 'n') {
                const char* start = p;
                long long id = 0;
                const auto r = std::from_chars(start, end, id);
                p = number_end();
                if (r.ec != std::errc() || r.ptr != p) throw Unsupported{};  // a real-valued id
                f.fid = id;
            } else skip_value();
        });
        if (!is_feature) throw Unsupported{};
        if (string_id) {
            const auto idx = static_cast<std::size_t>(layer.add_field("id"));
            if (f.values.size() <= idx) f.values.resize(idx + 1);
            if (!f.values[idx]) f.values[idx] = std::move(*string_id);
        }
        layer.features.push_back(std::move(f));
    }

    void collection() {
        if (end - p >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
        bool is_collection = false, has_features = false;
        members([&](const std::string& key) {
            if (key == "type") is_collection = string() == "FeatureCollection";
            else if (key == "features") {
                has_features = true;
                long long n = 0;
                elements([&] { feature(n++); });
            } else if (key == "crs") {
                members([&](const std::string& k) {
                    if (k == "type") {
                        if (string() != "name") throw Unsupported{};
                    } else if (k == "properties")
                        members([&](const std::string& name) {
                            if (name == "name") layer.crs = string();
                            else skip_value();
                        });
                    else skip_value();
                });
                if (layer.crs.empty()) throw Unsupported{};
            } else skip_value();
        });
        ws();
        if (!is_collection || !has_features || p != end) throw Unsupported{};
        for (auto& f : layer.features) f.values.resize(layer.fields.size());
    }
};

}  // namespace

std::optional<RawLayer> read_geojson(std::string_view text, bool geometry, std::size_t* stopped_at) {
    Parser parser{text.data(), text.data() + text.size(), geometry, {}, {}, {}};
    try {
        parser.collection();
    } catch (const Unsupported&) {
        if (stopped_at) *stopped_at = static_cast<std::size_t>(parser.p - text.data());
        return std::nullopt;
    }
    return std::move(parser.layer);
}

}  // namespace chronomap::detail
