#pragma once
// chronomap diff ATLAS DATE1 DATE2: what changed between two dates (or two views of one date).

#include "app/launch/launch_args.h"

namespace chronomap::cli {

int cmd_diff(const Args& a);

}  // namespace chronomap::cli
