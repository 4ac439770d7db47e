#pragma once
// chronomap diff ATLAS DATE1 DATE2: what changed between two dates (or two views of one date).

#include "app/cli/cli_requests.h"
#include "data/support/result.h"

namespace chronomap::cli {

Result<> run_diff(const DiffRequest& req);

}  // namespace chronomap::cli
