#include "defuse/mood.hpp"

#include <algorithm>
#include <cmath>

namespace defuse {

std::string_view dimName(Dim d) {
    switch (d) {
        case Dim::Anger:
            return "anger";
        case Dim::Trust:
            return "trust";
        case Dim::Patience:
            return "patience";
    }
    return "?";
}

std::optional<Dim> dimFromName(std::string_view name) {
    for (Dim d : kAllDims)
        if (dimName(d) == name) return d;
    return std::nullopt;
}

void Mood::set(Dim d, int value) { v[static_cast<int>(d)] = std::clamp(value, 0, 100); }

namespace {
// A delta far beyond the 0-100 scale means the same as one at the edge; keeping sums within
// this bound keeps them from overflowing however many order rules multiply and add up.
constexpr int kDeltaLimit = 100000;
int saturatingAdd(int a, int b) {
    long sum = static_cast<long>(a) + b;
    return static_cast<int>(std::clamp<long>(sum, -kDeltaLimit, kDeltaLimit));
}
}  // namespace

void MoodDelta::add(Dim dim, int value) {
    int& x = d[static_cast<int>(dim)];
    x = saturatingAdd(x, value);
    set[static_cast<int>(dim)] = true;
}

bool MoodDelta::isZero() const {
    return std::all_of(d.begin(), d.end(), [](int x) { return x == 0; });
}

bool MoodDelta::anySet() const {
    return std::any_of(set.begin(), set.end(), [](bool x) { return x; });
}

MoodDelta MoodDelta::scaled(double factor) const {
    MoodDelta out = *this;
    for (int& x : out.d) {
        double v = x * factor;  // order rules multiply their scales: this can be huge, inf or nan
        if (std::isnan(v)) v = 0;
        const double limit = kDeltaLimit;
        x = static_cast<int>(std::lround(std::clamp(v, -limit, limit)));
    }
    return out;
}

MoodDelta& MoodDelta::operator+=(const MoodDelta& o) {
    for (int i = 0; i < kDimCount; ++i) {
        d[i] = saturatingAdd(d[i], o.d[i]);
        set[i] = set[i] || o.set[i];
    }
    return *this;
}

Mood apply(Mood m, const MoodDelta& delta) {
    for (Dim dim : kAllDims) m.set(dim, saturatingAdd(m.get(dim), delta.get(dim)));
    return m;
}

MoodDelta diff(const Mood& before, const Mood& after) {
    MoodDelta out;
    for (Dim dim : kAllDims) out.add(dim, after.get(dim) - before.get(dim));
    return out;
}

MoodBand bandOf(const Mood& m) {
    if (m.anger() >= kMoodBands.furious) return MoodBand::Furious;
    if (m.anger() >= kMoodBands.angry) return MoodBand::Angry;
    if (m.anger() >= kMoodBands.irritated) return MoodBand::Irritated;
    return MoodBand::Calm;
}

std::string_view bandName(MoodBand b) {
    switch (b) {
        case MoodBand::Calm:
            return "calm";
        case MoodBand::Irritated:
            return "irritated";
        case MoodBand::Angry:
            return "angry";
        case MoodBand::Furious:
            return "furious";
    }
    return "?";
}

}  // namespace defuse
