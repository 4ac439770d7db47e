#pragma once
// chronomap animate ATLAS --out FILE: a film of the map changing, with no display.

#include "app/cli/cli_requests.h"
#include "data/support/result.h"

namespace chronomap::cli {

Result<> run_animate(const AnimateRequest& req);

}  // namespace chronomap::cli
