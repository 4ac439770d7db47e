#pragma once
// The timeline's first phase: where its ticks, their labels and the event markers go for the part
// of time in view, worked out before anything is drawn or any input is read (the second phase,
// draw_timeline, draws them and answers the mouse). No ImGui here: a label's width comes from the
// caller, so the layout can be tested without a window.

#include <functional>
#include <string>
#include <vector>

#include "app/gui/time_scale.h"
#include "data/model/atlas.h"
#include "data/time/date.h"

namespace chronomap::gui {

inline constexpr double kDaysPerYear = 365.2425;

// The part of time the timeline shows, in the scale's places (time_scale.h); zoomed and panned by
// the user.
struct TimelineView {
    double start = 0, end = 0;  // end <= start: fit the atlas on the next frame
};

struct TimelineTick {
    Date date;
    float x = 0;
    std::string label;  // empty when it would run into the label before
};

// One marker, or a cluster of the events whose markers would overlap, with their count.
struct MarkerBin {
    const Event* first = nullptr;
    int count = 0;
    float x = 0;
};

// The track's geometry, in pixels, and the sizes of what is on it at the UI's scale.
struct TimelineTrack {
    float x = 0, width = 1;
    float tick_spacing = 80;   // the least room between tick labels
    float log_spacing = 90;    // between ticks on a logarithmic scale
    float label_gap = 6;       // between one label's end and the next one's start
    float marker_width = 12;   // markers closer than this become one cluster
};

class TimelineLayout {
  public:
    // Fits the atlas's range with a month's margin when `view` is empty.
    TimelineLayout(const Atlas& atlas, TimelineView& view, const TimelineTrack& track);
    double to_day(float px) const;
    float to_x(double day) const;
    const TimeScale& scale() const { return scale_; }
    const TimelineTrack& track() const { return track_; }

    // The ticks inside the track, labelled with dates in `lang` (as wide as `label_width` says), each label
    // left out where it would run into the one before.
    std::vector<TimelineTick> ticks(const std::string& lang,
                                    const std::function<float(const std::string&)>& label_width) const;
    // The events in view (sorted by date, as atlases keep them), one marker each, or one cluster
    // for those within a marker's width of each other: the cost follows the markers, not the
    // events that exist.
    std::vector<MarkerBin> markers(const std::vector<Event>& events) const;

  private:
    TimeScale scale_;
    TimelineView view_;
    TimelineTrack track_;
};

}  // namespace chronomap::gui
