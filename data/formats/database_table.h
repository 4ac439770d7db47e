#pragma once
// Reading a table of a database (PostgreSQL/PostGIS) as the map needs it. GDAL's own reading
// returns rows in the order they lie on disk, which an UPDATE changes, and fetches the geometry
// even when it is told to ignore it; so the rows are asked for by a query of our own.

#include <string>

class GDALDataset;
class OGRLayer;

namespace chronomap::detail {

// `name` as an SQL identifier; "schema.table" becomes "schema"."table".
std::string quoted_identifier(const std::string& name);

// The query for `table`: every attribute column, the geometry only when `geometry` is set,
// ordered by the table's key when it has one.
std::string table_query(OGRLayer& table, bool geometry);

// The rows of `table` through table_query() when `ds` is a PostgreSQL database, or null to read
// the table itself (another driver, or a query the server refused). Give a result back with
// ds.ReleaseResultSet().
OGRLayer* ordered_rows(GDALDataset& ds, OGRLayer& table, bool geometry);

}  // namespace chronomap::detail
