#pragma once
// chronomap export ATLAS --date DATE --out FILE: the map as a PNG, SVG or PDF, with no display.

#include "app/cli/cli_requests.h"
#include "data/support/result.h"

namespace chronomap::cli {

Result<> run_export(const ExportCommand& cmd);

}  // namespace chronomap::cli
