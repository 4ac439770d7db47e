#include "data/formats/database_table.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace chronomap::detail {

std::string quoted_identifier(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        if (c == '.') out += "\".\"";
        else if (c == '"') out += "\"\"";
        else out += c;
    }
    return out + "\"";
}

std::string table_query(OGRLayer& table, bool geometry) {
    std::string columns;
    auto add = [&](const std::string& column) { columns += (columns.empty() ? "" : ", ") + quoted_identifier(column); };
    const std::string key = table.GetFIDColumn();
    if (!key.empty()) add(key);
    OGRFeatureDefn* defn = table.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) add(defn->GetFieldDefn(i)->GetNameRef());
    if (geometry)
        for (int i = 0; i < defn->GetGeomFieldCount(); ++i) add(defn->GetGeomFieldDefn(i)->GetNameRef());
    if (columns.empty()) columns = "*";
    std::string sql = "SELECT " + columns + " FROM " + quoted_identifier(table.GetName());
    if (!key.empty()) sql += " ORDER BY " + quoted_identifier(key);
    return sql;
}

OGRLayer* ordered_rows(GDALDataset& ds, OGRLayer& table, bool geometry) {
    if (std::string(ds.GetDriverName()) != "PostgreSQL") return nullptr;
    return ds.ExecuteSQL(table_query(table, geometry).c_str(), nullptr, nullptr);
}

}  // namespace chronomap::detail
