#pragma once
// Passwords in connection strings ("PG:dbname=x password=y", "PG:postgresql://user:y@host/x").
// An atlas may hold one, but it is never shown: the manifest reader keeps each source in its
// shown form, the password replaced by "***", and lodges the real string here. Only the code
// that opens a connection asks for it back, so no message, citation, export, JSON answer or
// cache key can carry the password. Credentials are better kept out of atlases altogether:
// libpq reads PGSERVICE, ~/.pgpass (or PGPASSFILE) and PGPASSWORD by itself.

#include <string>

namespace chronomap {

// The text to show for `source`; when it holds a password, the real string is kept for
// opened_connection(). Sources without a password come back as they are.
std::string conceal_credentials(const std::string& source);

// Whether `source` names a password (then the atlas gives it to whoever receives the atlas).
bool holds_password(const std::string& source);

// What to open for a source shown as `shown`: the real string lodged for it, with a connect
// timeout added to a PostgreSQL connection that sets none, so a server that accepts and never
// answers cannot hang a class export.
std::string opened_connection(const std::string& shown);

// `text` (a message from GDAL or libpq) with every lodged password replaced by "***".
std::string scrub_passwords(std::string text);

// Seconds a PostgreSQL connection may take when the connection string sets no connect_timeout.
constexpr int kDefaultConnectTimeoutSeconds = 10;

}  // namespace chronomap
