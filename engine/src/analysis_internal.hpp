#pragma once
// What the exact analysis, its search past the state bound and the path walk share.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "defuse/analysis.hpp"
#include "defuse/compiled.hpp"
#include "defuse/turn.hpp"

namespace defuse::detail {

/// The decisive nodes from (sum of scores, runs) per node and answer, most decisive first.
void decisiveFrom(const std::map<std::string, std::map<std::string, std::pair<double, double>>>& by,
                  Analysis& out);
/// maxTurns within what a run may hold (kMaxReplayTurns).
int clampedTurns(int maxTurns);

/// The states of one layer by their packed words: open addressing, keys in one array.
class LayerTable {
public:
    explicit LayerTable(std::size_t words) : m_w(words) {}
    void clear() {
        m_keys.clear();
        m_ids.clear();
        std::fill(m_slots.begin(), m_slots.end(), -1);
    }
    /// The global id of an equal key already here, or -1 after adding `key` as `id`.
    std::int64_t findOrAdd(const std::vector<std::uint32_t>& key, std::uint32_t id) {
        if ((m_ids.size() + 1) * 2 > m_slots.size()) grow();
        std::size_t mask = m_slots.size() - 1, at = hash(key.data()) & mask;
        while (m_slots[at] >= 0) {
            const std::uint32_t* k = &m_keys[static_cast<std::size_t>(m_slots[at]) * m_w];
            if (std::memcmp(k, key.data(), m_w * sizeof(std::uint32_t)) == 0)
                return m_ids[static_cast<std::size_t>(m_slots[at])];
            at = (at + 1) & mask;
        }
        m_slots[at] = static_cast<std::int32_t>(m_ids.size());
        m_keys.insert(m_keys.end(), key.begin(), key.end());
        m_ids.push_back(id);
        return -1;
    }

private:
    std::uint64_t hash(const std::uint32_t* k) const {
        std::uint64_t h = 0x9E3779B97F4A7C15ull;
        for (std::size_t i = 0; i < m_w; ++i) h = (h ^ k[i]) * 0x100000001B3ull;
        return splitmix64(h);
    }
    void grow() {
        std::vector<std::int32_t> slots(std::max<std::size_t>(64, m_slots.size() * 2), -1);
        std::size_t mask = slots.size() - 1;
        for (std::size_t i = 0; i < m_ids.size(); ++i) {
            std::size_t at = hash(&m_keys[i * m_w]) & mask;
            while (slots[at] >= 0) at = (at + 1) & mask;
            slots[at] = static_cast<std::int32_t>(i);
        }
        m_slots = std::move(slots);
    }

public:
    std::size_t size() const { return m_ids.size(); }
    const std::uint32_t* key(std::size_t i) const { return &m_keys[i * m_w]; }
    std::uint32_t id(std::size_t i) const { return m_ids[i]; }

private:
    std::size_t m_w;
    std::vector<std::uint32_t> m_keys;
    std::vector<std::uint32_t> m_ids;
    std::vector<std::int32_t> m_slots;
};

/// Past the state bound: the best and the worst run a search keeping the most promising
/// `opt.searchWidth` states a turn finds, and up to `opt.maxPaths` random runs (at most
/// kSampleTurns answers in all) for the range of each ending and the decisive turns. Every run
/// it names is a real run; the figures are marked as found, not proven (analysis.hpp).
void searchPastBound(const CompiledScenario& cs, const RunState& root, std::uint64_t seed,
                     bool timed, int maxTurns, const AnalysisOptions& opt, const PathResult& prefix,
                     Analysis& out);
inline constexpr std::uint64_t kSampleTurns = 4000000;
/// Past the state bound the paths can still be counted exactly when a run's course does not
/// depend on its mood (CompiledScenario::courseReadsMood): by dynamic programming over course
/// keys, far fewer than states. False (nothing counted) when it does, or past `maxStates`
/// course states; `total` is the number of runs that end or are cut at `maxTurns`.
bool countPaths(const CompiledScenario& cs, const RunState& root, int maxTurns,
                std::uint64_t maxStates, double& total);

}  // namespace defuse::detail
