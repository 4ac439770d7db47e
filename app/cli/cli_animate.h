#pragma once
// chronomap animate ATLAS --out FILE: a film of the map changing, with no display.

#include "app/launch/launch_args.h"

namespace chronomap::cli {

int cmd_animate(const Args& a);

}  // namespace chronomap::cli
