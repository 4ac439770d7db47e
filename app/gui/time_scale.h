#pragma once
// Where the timeline puts a day. Linear for an atlas of a few millennia or less. An atlas reaching
// deep into prehistory (historical-basemaps runs from 123,000 BC to 2010, its events crowded into
// the last three millennia) gets a logarithmic scale of the time before its end instead, so a
// century near the end is as wide as ages far back, the way geological time charts are drawn.

namespace chronomap::gui {

class TimeScale {
  public:
    // The atlas's first and last day (day numbers).
    TimeScale(double first_day, double last_day);
    bool logarithmic() const { return log_; }
    // A position on the timeline's axis for a day, increasing with it; and back.
    double place(double day) const;
    double day_at(double place) const;

  private:
    bool log_ = false;
    double reference_ = 0;  // a day after the atlas's end, from which time back is counted
};

}  // namespace chronomap::gui
